import { useEffect } from 'react';
import { useCesium } from 'resium';
import { configureScene } from './scene-setup.ts';

export function SceneSetup() {
  const { scene } = useCesium();
  useEffect(() => {
    if (!scene) return;
    configureScene(scene);
    scene.requestRender();
  }, [scene]);
  return null;
}

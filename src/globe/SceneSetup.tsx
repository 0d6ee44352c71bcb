import { useEffect } from 'react';
import { useCesium } from 'resium';
import { useAppStore } from '../state/app-store.ts';
import { configureScene } from './scene-setup.ts';

export function SceneSetup() {
  const { scene } = useCesium();
  useEffect(() => {
    if (!scene) return;
    configureScene(scene);
    scene.requestRender();
    // Cesium stops drawing after an error; say so in the app's own words instead of its raw panel.
    return scene.renderError.addEventListener((_scene: unknown, error: unknown) => {
      console.error('Cesium stopped rendering', error);
      useAppStore.getState().reportRenderError(describeRenderError(error));
    });
  }, [scene]);
  return null;
}

function describeRenderError(error: unknown): string {
  if (error instanceof Error) return error.message;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}

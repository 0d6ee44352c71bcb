import { Cartesian3, SceneTransforms } from 'cesium';
import { useEffect } from 'react';
import { useCesium } from 'resium';
import { useAppStore } from '../state/app-store.ts';
import type { CameraPose } from '../state/camera.ts';
import { readPose } from './camera-pose.ts';

/**
 * A small read-only window onto the scene for end-to-end tests and benchmarks (`window.tweeling`):
 * whether everything visible is loaded, where a geographic point lands on screen, the camera pose.
 * It exposes no data beyond what the page shows.
 */
export interface TweelingTestApi {
  isSettled: () => boolean;
  projectToScreen: (lon: number, lat: number, height: number) => { x: number; y: number } | null;
  camera: () => CameraPose;
  requestRender: () => void;
  framesRendered: () => number;
}

declare global {
  interface Window {
    tweeling?: TweelingTestApi;
  }
}

export function TestHooks() {
  const { scene, camera, viewer } = useCesium();

  useEffect(() => {
    if (!scene || !camera || !viewer) return;
    let frames = 0;
    const removeListener = scene.postRender.addEventListener(() => {
      frames += 1;
    });
    window.tweeling = {
      isSettled: () => {
        const status = useAppStore.getState().tilesetStatus.state;
        return status !== 'loading' && scene.globe.tilesLoaded;
      },
      projectToScreen: (lon, lat, height) => {
        const position = SceneTransforms.worldToWindowCoordinates(scene, Cartesian3.fromDegrees(lon, lat, height));
        if (!position) return null;
        const rect = scene.canvas.getBoundingClientRect();
        return { x: rect.left + position.x, y: rect.top + position.y };
      },
      camera: () => readPose(camera),
      requestRender: () => scene.requestRender(),
      framesRendered: () => frames,
    };
    return () => {
      removeListener();
      delete window.tweeling;
    };
  }, [scene, camera, viewer]);

  return null;
}

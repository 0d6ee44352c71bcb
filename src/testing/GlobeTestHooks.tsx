import { Cartesian3, Cesium3DTileset, SceneTransforms, type Scene } from 'cesium';
import { useEffect } from 'react';
import { useCesium } from 'resium';
import { readPose } from '../globe/camera-pose.ts';
import { isCameraRequestFinished } from '../globe/flight-state.ts';
import { useAppStore } from '../state/app-store.ts';
import type { CameraPose } from '../geo/camera-pose.ts';

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
  /** Shows or hides the buildings, so a test can compare the same view with and without them. */
  setBuildingsVisible: (visible: boolean) => void;
}

declare global {
  interface Window {
    tweeling?: TweelingTestApi;
  }
}

/** Mounted inside the resium Viewer, only in the e2e build (see `__TEST_HOOKS__`). */
export default function GlobeTestHooks() {
  const { scene, camera, viewer } = useCesium();

  useEffect(() => {
    if (!scene || !camera || !viewer) return;
    let frames = 0;
    let moving = false;
    const removers = [
      scene.postRender.addEventListener(() => {
        frames += 1;
      }),
      camera.moveStart.addEventListener(() => {
        moving = true;
      }),
      camera.moveEnd.addEventListener(() => {
        moving = false;
      }),
    ];
    window.tweeling = {
      isSettled: () => {
        const { tilesetStatus, cameraRequest } = useAppStore.getState();
        const status = tilesetStatus.state;
        return (
          isCameraRequestFinished(cameraRequest?.seq) &&
          !moving &&
          status !== 'loading' &&
          scene.globe.tilesLoaded &&
          tilesets(scene).every((t) => t.tilesLoaded)
        );
      },
      projectToScreen: (lon, lat, height) => {
        const position = SceneTransforms.worldToWindowCoordinates(
          scene,
          Cartesian3.fromDegrees(lon, lat, height),
        );
        if (!position) return null;
        const rect = scene.canvas.getBoundingClientRect();
        return { x: rect.left + position.x, y: rect.top + position.y };
      },
      camera: () => readPose(camera),
      requestRender: () => scene.requestRender(),
      framesRendered: () => frames,
      setBuildingsVisible: (visible) => {
        for (const tileset of tilesets(scene)) tileset.show = visible;
        scene.requestRender();
      },
    };
    return () => {
      removers.forEach((remove) => remove());
      delete window.tweeling;
    };
  }, [scene, camera, viewer]);

  return null;
}

function tilesets(scene: Scene): Cesium3DTileset[] {
  const found: Cesium3DTileset[] = [];
  for (let i = 0; i < scene.primitives.length; i++) {
    const primitive: unknown = scene.primitives.get(i);
    if (primitive instanceof Cesium3DTileset) found.push(primitive);
  }
  return found;
}

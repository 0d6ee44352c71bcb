import { PerspectiveFrustum, type Scene } from 'cesium';
import type { CesiumCameraSnapshot } from './camera-bridge.ts';

/** Reads what the bridge needs from Cesium's camera; null until the frustum is a perspective one with a size. */
export function snapshotCamera(scene: Scene): CesiumCameraSnapshot | null {
  const frustum = scene.camera.frustum;
  const canvas = scene.canvas;
  if (!(frustum instanceof PerspectiveFrustum) || canvas.clientWidth === 0 || canvas.clientHeight === 0) {
    return null;
  }
  const fovy = frustum.fovy;
  const aspect = frustum.aspectRatio;
  if (fovy === undefined || aspect === undefined || !Number.isFinite(fovy) || !Number.isFinite(aspect))
    return null;
  return {
    viewMatrix: scene.camera.viewMatrix,
    fovy,
    aspect,
    width: canvas.clientWidth,
    height: canvas.clientHeight,
  };
}

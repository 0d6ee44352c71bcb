import { Matrix4 } from '@math.gl/core';

/**
 * The camera bridge: Cesium's camera → deck.gl viewport parameters in a local ENU frame.
 * Pure numbers in, pure numbers out (no Cesium, no deck.gl), so it is unit-testable and cheap.
 *
 * Why this works exactly: Cesium's view matrix maps ECEF to eye space. Multiplying it by the
 * frame's ENU→ECEF matrix (in float64) gives a view matrix for ENU metres; with the same
 * vertical field of view and aspect, deck.gl's projection of an ENU point is then Cesium's
 * projection of the same ECEF point, up to rounding.
 */
export interface CesiumCameraSnapshot {
  /** Cesium `camera.viewMatrix`: ECEF → eye, column-major. */
  viewMatrix: ArrayLike<number>;
  /** Cesium `frustum.fovy`, radians. */
  fovy: number;
  /** Drawing-buffer aspect ratio (width / height) Cesium used for its projection. */
  aspect: number;
  /** Canvas size in CSS pixels: deck.gl's viewport size. */
  width: number;
  height: number;
}

export interface BridgeViewState {
  width: number;
  height: number;
  viewMatrix: Matrix4;
  projectionMatrix: Matrix4;
  /** Distance (m) from the camera to the ground plane along the view axis. */
  focalDistance: number;
  /** log2(pixels per metre at the focal distance): deck.gl turns pixel sizes into metres with it. */
  zoom: number;
  near: number;
  far: number;
}

export interface BridgeOptions {
  near?: number;
  far?: number;
}

/** Our own near/far: deck only needs depth for ordering its own layers, not Cesium's ranges. */
export const DEFAULT_NEAR = 0.5;
export const DEFAULT_FAR = 200_000;

export function bridgeViewState(
  camera: CesiumCameraSnapshot,
  enuToEcef: ArrayLike<number>,
  { near = DEFAULT_NEAR, far = DEFAULT_FAR }: BridgeOptions = {},
): BridgeViewState {
  // Matrix4 keeps float64 (plain JS numbers): float32 would cost metres at ECEF magnitudes.
  const viewMatrix = new Matrix4(Array.from(camera.viewMatrix)).multiplyRight(Array.from(enuToEcef));
  const focalDistance = groundDistance(viewMatrix);
  const pixelsPerMetre = camera.height / 2 / (focalDistance * Math.tan(camera.fovy / 2));
  return {
    width: camera.width,
    height: camera.height,
    viewMatrix,
    projectionMatrix: new Matrix4().perspective({ fovy: camera.fovy, aspect: camera.aspect, near, far }),
    focalDistance,
    zoom: Math.log2(pixelsPerMetre),
    near,
    far,
  };
}

/** Camera position and viewing direction in the frame of a rigid view matrix. */
export function cameraPose(view: ArrayLike<number>): { position: number[]; direction: number[] } {
  // view = [R | t]: position = −Rᵀt, forward (eye −z) = −(third row of R).
  const t = [view[12]!, view[13]!, view[14]!];
  const position = [0, 1, 2].map(
    (i) => -(view[i * 4]! * t[0]! + view[i * 4 + 1]! * t[1]! + view[i * 4 + 2]! * t[2]!),
  );
  const direction = [-view[2]!, -view[6]!, -view[10]!];
  return { position, direction };
}

/**
 * Distance along the view axis to the ground (ENU up = 0). Looking level or up there is none:
 * then the camera height (at least 50 m) keeps pixel sizes sensible instead of infinite.
 */
export function groundDistance(enuView: ArrayLike<number>): number {
  const { position, direction } = cameraPose(enuView);
  const height = position[2]!;
  const down = direction[2]!;
  if (down < -1e-6 && height > 0) {
    return Math.min(Math.max(-height / down, 1), 1e7);
  }
  return Math.max(Math.abs(height), 50);
}

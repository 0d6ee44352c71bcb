import { Viewport } from '@deck.gl/core';
import { describe, expect, it } from 'vitest';
import { EnuFrame, geodeticToEcef, type Vec3 } from '../geo/enu.ts';
import { bridgeViewState, groundDistance } from './camera-bridge.ts';

const frame = new EnuFrame(5.1213, 52.0908, 0);
const WIDTH = 1280;
const HEIGHT = 720;
const FOVY = 0.6;

const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: Vec3, b: Vec3): Vec3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
const unit = (a: Vec3): Vec3 => {
  const l = Math.hypot(...a);
  return [a[0] / l, a[1] / l, a[2] / l];
};

/** A camera the way Cesium describes one: ECEF position, unit direction/up/right. */
interface TestCamera {
  position: Vec3;
  direction: Vec3;
  up: Vec3;
  right: Vec3;
}

/** Camera at a geodetic position with a heading and pitch (degrees), built in the local ENU basis there. */
function cameraAt(lon: number, lat: number, height: number, heading: number, pitch: number): TestCamera {
  const local = new EnuFrame(lon, lat, height);
  const m = local.matrix();
  const east: Vec3 = [m[0]!, m[1]!, m[2]!];
  const north: Vec3 = [m[4]!, m[5]!, m[6]!];
  const upAxis: Vec3 = [m[8]!, m[9]!, m[10]!];
  const h = (heading * Math.PI) / 180;
  const p = (pitch * Math.PI) / 180;
  const combine = (e: number, n: number, u: number): Vec3 =>
    unit([0, 1, 2].map((i) => e * east[i]! + n * north[i]! + u * upAxis[i]!) as Vec3);
  const direction = combine(Math.sin(h) * Math.cos(p), Math.cos(h) * Math.cos(p), Math.sin(p));
  const right = combine(Math.cos(h), -Math.sin(h), 0);
  const up = cross(right, direction);
  return { position: geodeticToEcef(lon, lat, height), direction, up, right };
}

/** Cesium's view matrix: rows right, up, −direction; translation −R·position (column-major). */
function viewMatrixOf(c: TestCamera): number[] {
  const { right: r, up: u, direction: d, position: p } = c;
  return [
    r[0], u[0], -d[0], 0,
    r[1], u[1], -d[1], 0,
    r[2], u[2], -d[2], 0,
    -dot(r, p), -dot(u, p), dot(d, p), 1,
  ]; // prettier-ignore
}

/** Independent pinhole projection in ECEF: the answer Cesium's own maths gives. */
function pinhole(c: TestCamera, point: Vec3): [number, number] | null {
  const v = sub(point, c.position);
  const depth = dot(v, c.direction);
  if (depth <= 0) return null;
  const f = HEIGHT / 2 / Math.tan(FOVY / 2);
  return [WIDTH / 2 + (f * dot(v, c.right)) / depth, HEIGHT / 2 - (f * dot(v, c.up)) / depth];
}

const CAMERAS = {
  streetLookingUp: cameraAt(5.1206, 52.0895, 2, 20, 25),
  streetLookingDown: cameraAt(5.1206, 52.0895, 30, 20, -20),
  oblique: cameraAt(5.1158, 52.0823, 780, 25, -35),
  topDown: cameraAt(5.1213, 52.0908, 1500, 0, -89.9),
  far: cameraAt(5.0, 51.95, 15_000, 30, -25),
  level: cameraAt(5.118, 52.088, 50, 45, 0),
};

// Points around the Dom from the foot of the tower to its top, plus farther away.
const POINTS: [number, number, number][] = [
  [5.12133, 52.09076, 0],
  [5.12133, 52.09076, 112],
  [5.1225, 52.0915, 10],
  [5.119, 52.092, 0],
  [5.124, 52.094, 60],
  [5.113, 52.095, 0],
];

describe('camera bridge', () => {
  for (const [name, camera] of Object.entries(CAMERAS)) {
    it(`projects like Cesium's pinhole camera: ${name}`, () => {
      const state = bridgeViewState(
        {
          viewMatrix: viewMatrixOf(camera),
          fovy: FOVY,
          aspect: WIDTH / HEIGHT,
          width: WIDTH,
          height: HEIGHT,
        },
        frame.matrix(),
      );
      const viewport = new Viewport({ ...state, id: 'bridge' });
      let compared = 0;
      for (const [lon, lat, h] of POINTS) {
        const expected = pinhole(camera, geodeticToEcef(lon, lat, h));
        if (!expected) continue;
        const [x, y] = viewport.project(frame.fromGeodetic(lon, lat, h));
        expect(Math.abs(x! - expected[0])).toBeLessThan(1e-6);
        expect(Math.abs(y! - expected[1])).toBeLessThan(1e-6);
        compared++;
      }
      expect(compared).toBeGreaterThanOrEqual(3);
    });
  }

  it('sets the zoom so that a metre at the focal distance has the right pixel size', () => {
    const camera = CAMERAS.oblique;
    const state = bridgeViewState(
      { viewMatrix: viewMatrixOf(camera), fovy: FOVY, aspect: WIDTH / HEIGHT, width: WIDTH, height: HEIGHT },
      frame.matrix(),
    );
    // 780 m high, 35° down: the view axis meets the ground 780 / sin 35° away.
    expect(state.focalDistance).toBeCloseTo(780 / Math.sin((35 * Math.PI) / 180), 0);
    const expectedPixelsPerMetre = HEIGHT / 2 / (state.focalDistance * Math.tan(FOVY / 2));
    expect(2 ** state.zoom).toBeCloseTo(expectedPixelsPerMetre, 9);
  });

  it('falls back to the camera height when the view axis misses the ground', () => {
    const camera = CAMERAS.streetLookingUp;
    const view = bridgeViewState(
      { viewMatrix: viewMatrixOf(camera), fovy: FOVY, aspect: WIDTH / HEIGHT, width: WIDTH, height: HEIGHT },
      frame.matrix(),
    ).viewMatrix;
    expect(groundDistance(view)).toBe(50);
    expect(Number.isFinite(Math.log2(groundDistance(view)))).toBe(true);
  });
});

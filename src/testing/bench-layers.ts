import { COORDINATE_SYSTEM } from '@deck.gl/core';
import { PathLayer, ScatterplotLayer } from '@deck.gl/layers';
import { translator } from '../i18n/translate.ts';
import { participationPinGroups } from '../layers/participation/pin-layers.ts';
import type { OverlayLayerGroup } from '../overlay/overlay-types.ts';
import type { PlanComment } from '../sources/participation/schema.ts';
import { mulberry32 } from '../scenarios/seeded-random.ts';

/**
 * Synthetic load for the benchmark: points and short paths spread over 3 × 3 km around the origin
 * (ENU metres), from a fixed-seed generator so every run draws the same thing.
 */
export function benchmarkGroups(
  points: number,
  paths: number,
  occlusion: 'ground' | 'none',
): OverlayLayerGroup[] {
  const random = mulberry32(42);
  const spread = () => (random() - 0.5) * 3000;
  const positions = new Float64Array(points * 3);
  for (let i = 0; i < points; i++) {
    positions[i * 3] = spread();
    positions[i * 3 + 1] = spread();
  }
  const pathData = Array.from({ length: paths }, () => {
    const x = spread();
    const y = spread();
    return Array.from({ length: 8 }, (_, k) => [x + k * 12 + random() * 6, y + random() * 40, 0]);
  });
  const layers = [];
  if (points > 0) {
    layers.push(
      new ScatterplotLayer({
        id: 'bench-points',
        data: { length: points, attributes: { getPosition: { value: positions, size: 3 } } },
        coordinateSystem: COORDINATE_SYSTEM.CARTESIAN,
        getRadius: 3,
        getFillColor: [200, 40, 120, 200],
        radiusUnits: 'meters',
      }),
    );
  }
  if (paths > 0) {
    layers.push(
      new PathLayer<number[][]>({
        id: 'bench-paths',
        data: pathData,
        coordinateSystem: COORDINATE_SYSTEM.CARTESIAN,
        getPath: (p) => p as [number, number, number][],
        getColor: [30, 90, 200, 220],
        getWidth: 2,
        widthUnits: 'meters',
      }),
    );
  }
  return [{ ownerId: 'bench', occlusion, layers }];
}

/** The Domplein, centre of the benchmark's pins. */
const PIN_CENTRE = { lon: 5.1214, lat: 52.0907 };
const SENTIMENTS = ['for', 'against', 'neutral'] as const;

/**
 * `count` residents' pins within about 400 m of the Domplein (fixed seed), drawn by the real pin
 * layer with its clustering: the participation benchmark's load.
 */
export function benchmarkPinGroups(count: number): OverlayLayerGroup[] {
  const random = mulberry32(7);
  const metresPerDegreeLon = 111_320 * Math.cos((PIN_CENTRE.lat * Math.PI) / 180);
  const comments: PlanComment[] = Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    resourceId: 1,
    parentId: null,
    displayName: null,
    text: `Reactie ${i + 1}`,
    sentiment: SENTIMENTS[i % 3]!,
    location: {
      lon: PIN_CENTRE.lon + ((random() - 0.5) * 800) / metresPerDegreeLon,
      lat: PIN_CENTRE.lat + ((random() - 0.5) * 800) / 110_540,
      height: 1,
    },
    camera: null,
    agreements: 0,
    createdAt: '2026-12-06T10:00:00.000Z',
  }));
  return participationPinGroups(comments, null, null, translator('nl'), () => undefined);
}

import { COORDINATE_SYSTEM } from '@deck.gl/core';
import { PathLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { OverlayLayerGroup } from '../overlay/overlay-types.ts';
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

import { HEAT_BASELINE_FORMAT, type HeatBaseline } from './baseline-file.ts';
import { makeGrid, metresToLonLat } from './grid.ts';

/**
 * Small made-up cities for tests and examples: box buildings and trees in metres on a square grid
 * whose south-west corner is the Domtoren (so the sun is Utrecht's).
 */
export interface SyntheticCity {
  /** Grid edge in cells, and cell size (m). */
  size: number;
  cellSize?: number;
  buildings?: { x0: number; y0: number; x1: number; y1: number; height: number; home?: boolean }[];
  trees?: { x: number; y: number; crown: number; height: number }[];
  water?: { x0: number; y0: number; x1: number; y1: number }[];
  id?: string;
}

export const SYNTHETIC_ORIGIN = [5.12134, 52.09068] as const;

const dm = (m: number) => Math.round(m * 10);

export function syntheticBaseline(spec: SyntheticCity): HeatBaseline {
  const cellSize = spec.cellSize ?? 2;
  const buildings = spec.buildings ?? [];
  const box = (b: { x0: number; y0: number; x1: number; y1: number }) =>
    [b.x0, b.y0, b.x1, b.y0, b.x1, b.y1, b.x0, b.y1].map(dm);
  return {
    format: HEAT_BASELINE_FORMAT,
    version: 1,
    meta: {
      id: spec.id ?? 'synthetic',
      title: 'synthetic test city',
      sample: false,
      note: 'made up for tests',
      licence: 'CC0-1.0',
      generator: 'src/scenarios/heat/synthetic-city.ts',
    },
    grid: {
      west: SYNTHETIC_ORIGIN[0],
      south: SYNTHETIC_ORIGIN[1],
      cellSize,
      columns: spec.size,
      rows: spec.size,
    },
    buildings: {
      ids: buildings.map((_, i) => `b${i}`),
      heights: buildings.map((b) => dm(b.height)),
      homes: buildings.map((b) => (b.home === false ? 0 : 1)),
      rings: buildings.map(box),
    },
    ground: (spec.water ?? []).map((w) => ({ cover: 'water' as const, rings: [box(w)] })),
    trees: (spec.trees ?? []).flatMap((t) => [t.x, t.y, t.crown, t.height].map(dm)),
  };
}

/** [lon, lat] of a point given in metres east and north of the synthetic grid's south-west corner. */
export function syntheticLonLat(spec: SyntheticCity, x: number, y: number): [number, number] {
  const cellSize = spec.cellSize ?? 2;
  const grid = makeGrid({
    west: SYNTHETIC_ORIGIN[0],
    south: SYNTHETIC_ORIGIN[1],
    cellSize,
    columns: spec.size,
    rows: spec.size,
  });
  return metresToLonLat(grid, x, y);
}

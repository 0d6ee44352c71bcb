import type { Blocks } from './blocks.ts';
import type { CityRasters } from './city.ts';
import type { CellWindow } from './grid.ts';

/**
 * Per-block sums of everything the wind and heat-island terms average over, as whole numbers so a
 * window sum is exact (see window-sum.ts). They do not depend on the wind, so one set serves every
 * sector, and a scenario updates only the blocks its changes touch.
 */
export interface BlockStats {
  buildingCells: Int32Array;
  treeCells: Int32Array;
  /** Sums of heights in decimetres. */
  buildingHeights: Int32Array;
  treeHeights: Int32Array;
  /** Sums of decimetre height steps to the east neighbour (columns) and the south neighbour (rows). */
  buildingStepsEast: Int32Array;
  buildingStepsSouth: Int32Array;
  treeStepsEast: Int32Array;
  treeStepsSouth: Int32Array;
  vegetated: Int32Array;
  /** Street-level cells, and the sum of their sky view factors in thousandths. */
  open: Int32Array;
  skyThousandths: Int32Array;
}

export interface StatInputs {
  city: CityRasters;
  vegetated: Uint8Array;
  skyView: Float32Array;
}

const KEYS = [
  'buildingCells',
  'treeCells',
  'buildingHeights',
  'treeHeights',
  'buildingStepsEast',
  'buildingStepsSouth',
  'treeStepsEast',
  'treeStepsSouth',
  'vegetated',
  'open',
  'skyThousandths',
] as const;

/** Building and crown heights in whole decimetres; a crown on a roof does not count. */
function decimetres(city: CityRasters, i: number): { building: number; tree: number } {
  const b = city.buildingHeight[i]!;
  if (b > 1e-3) return { building: Math.round(b * 10), tree: 0 };
  const t = city.canopyHeight[i]!;
  return { building: 0, tree: t > 1e-3 ? Math.round(t * 10) : 0 };
}

/** All blocks from scratch. */
export function blockStats(blocks: Blocks, input: StatInputs): BlockStats {
  const stats = Object.fromEntries(
    KEYS.map((k) => [k, new Int32Array(blocks.count)]),
  ) as unknown as BlockStats;
  const { columns, rows } = input.city.grid;
  addCells(blocks, input, stats, { col0: 0, row0: 0, col1: columns - 1, row1: rows - 1 });
  return stats;
}

/**
 * The baseline's stats with every block that `window` (grown by one cell, for the height steps
 * into a neighbour) touches summed again from the scenario's cells.
 */
export function updateBlockStats(
  blocks: Blocks,
  base: BlockStats,
  input: StatInputs,
  window: CellWindow,
): BlockStats {
  const stats = Object.fromEntries(KEYS.map((k) => [k, base[k].slice()])) as unknown as BlockStats;
  const { columns, rows } = input.city.grid;
  const s = blocks.size;
  const b0 = {
    col: Math.max(0, Math.floor((window.col0 - 1) / s)),
    row: Math.max(0, Math.floor((window.row0 - 1) / s)),
  };
  const b1 = {
    col: Math.min(blocks.columns - 1, Math.floor((window.col1 + 1) / s)),
    row: Math.min(blocks.rows - 1, Math.floor((window.row1 + 1) / s)),
  };
  for (let br = b0.row; br <= b1.row; br++)
    for (let bc = b0.col; bc <= b1.col; bc++) for (const k of KEYS) stats[k][br * blocks.columns + bc] = 0;
  addCells(blocks, input, stats, {
    col0: b0.col * s,
    row0: b0.row * s,
    col1: Math.min(columns - 1, (b1.col + 1) * s - 1),
    row1: Math.min(rows - 1, (b1.row + 1) * s - 1),
  });
  return stats;
}

function addCells(blocks: Blocks, input: StatInputs, stats: BlockStats, w: CellWindow): void {
  const { city, vegetated, skyView } = input;
  const { columns, rows } = city.grid;
  const { blockOf } = blocks;
  for (let row = w.row0; row <= w.row1; row++)
    for (let col = w.col0; col <= w.col1; col++) {
      const i = row * columns + col;
      const b = blockOf[i]!;
      const here = decimetres(city, i);
      if (here.building > 0) {
        stats.buildingCells[b]!++;
        stats.buildingHeights[b]! += here.building;
      } else if (here.tree > 0) {
        stats.treeCells[b]!++;
        stats.treeHeights[b]! += here.tree;
      }
      if (col + 1 < columns) {
        const east = decimetres(city, i + 1);
        stats.buildingStepsEast[b]! += Math.abs(east.building - here.building);
        stats.treeStepsEast[b]! += Math.abs(east.tree - here.tree);
      }
      if (row + 1 < rows) {
        const south = decimetres(city, i + columns);
        stats.buildingStepsSouth[b]! += Math.abs(south.building - here.building);
        stats.treeStepsSouth[b]! += Math.abs(south.tree - here.tree);
      }
      stats.vegetated[b]! += vegetated[i]!;
      const v = skyView[i]!;
      if (v === v) {
        stats.open[b]!++;
        stats.skyThousandths[b]! += Math.round(v * 1000);
      }
    }
}

import { COOL_PLACE, distanceAt, type DistanceField } from './cool-distance.ts';
import type { CellWindow, Grid } from './grid.ts';
import type { Home } from './homes.ts';
import { HEAT_CLASSES, NO_CLASS } from './pet.ts';

/** Summaries of a PET map for the indicator table. */

export interface StreetSummary {
  /** Walkable area (m²) per heat class 0…5. */
  areas: number[];
  meanPet: number | null;
  maxPet: number | null;
  /** Mean share of hours in shade (0…1). */
  meanShade: number | null;
}

/**
 * Heat classes, PET and shade over the walkable cells, in one pass: of the whole grid, or of the
 * cells within `near.metres` of a window.
 */
export function summariseStreets(
  grid: Grid,
  maps: { heatClass: Uint8Array; pet: Float32Array; shade: Float32Array; walkable: Uint8Array },
  near?: { window: CellWindow; metres: number },
): StreetSummary {
  const counts = HEAT_CLASSES.map(() => 0);
  let petSum = 0;
  let shadeSum = 0;
  let n = 0;
  let max = -Infinity;
  const reach = near ? near.metres / grid.cellSize : Infinity;
  const w = near?.window ?? { col0: 0, row0: 0, col1: grid.columns - 1, row1: grid.rows - 1 };
  const r = Number.isFinite(reach) ? Math.ceil(reach) : 0;
  for (let row = Math.max(0, w.row0 - r); row <= Math.min(grid.rows - 1, w.row1 + r); row++)
    for (let col = Math.max(0, w.col0 - r); col <= Math.min(grid.columns - 1, w.col1 + r); col++) {
      const i = row * grid.columns + col;
      if (!maps.walkable[i]) continue;
      if (near) {
        const dc = Math.max(w.col0 - col, 0, col - w.col1);
        const dr = Math.max(w.row0 - row, 0, row - w.row1);
        if (dc * dc + dr * dr > reach * reach) continue;
      }
      const k = maps.heatClass[i]!;
      const pet = maps.pet[i]!;
      if (k === NO_CLASS || Number.isNaN(pet)) continue;
      counts[k]!++;
      petSum += pet;
      shadeSum += maps.shade[i]!;
      if (pet > max) max = pet;
      n++;
    }
  const cellArea = grid.cellSize * grid.cellSize;
  return {
    areas: counts.map((c) => c * cellArea),
    meanPet: n > 0 ? petSum / n : null,
    maxPet: n > 0 ? max : null,
    meanShade: n > 0 ? shadeSum / n : null,
  };
}

/** Mean of scenario and baseline PET, and of their difference, over the cells of `mask` in `window`. */
export function drawnMeans(
  grid: Grid,
  scenario: Float32Array,
  baseline: Float32Array,
  mask: Uint8Array,
  window: CellWindow,
): { cells: number; scenario: number | null; baseline: number | null; change: number | null } {
  let cells = 0;
  const sums = { scenario: 0, baseline: 0, change: 0 };
  const counts = { scenario: 0, baseline: 0, change: 0 };
  for (let row = window.row0; row <= window.row1; row++)
    for (let col = window.col0; col <= window.col1; col++) {
      const i = row * grid.columns + col;
      if (!mask[i]) continue;
      cells++;
      const s = scenario[i]!;
      const b = baseline[i]!;
      if (!Number.isNaN(s)) {
        sums.scenario += s;
        counts.scenario++;
      }
      if (!Number.isNaN(b)) {
        sums.baseline += b;
        counts.baseline++;
      }
      if (!Number.isNaN(s) && !Number.isNaN(b)) {
        sums.change += s - b;
        counts.change++;
      }
    }
  const mean = (k: keyof typeof sums) => (counts[k] > 0 ? sums[k] / counts[k] : null);
  return { cells, scenario: mean('scenario'), baseline: mean('baseline'), change: mean('change') };
}

export interface DistanceSummary {
  homes: number;
  /** Mean and largest walking distance (m) over homes that reach a cool place within the search. */
  mean: number | null;
  max: number | null;
  /** Share of homes (0…1) farther than the guideline distance, or with no cool place in reach. */
  shareBeyond: number | null;
}

export function summariseDistances(
  grid: Grid,
  homes: readonly Home[],
  field: DistanceField,
  limit: number = COOL_PLACE.guidelineDistance,
): DistanceSummary {
  let sum = 0;
  let reached = 0;
  let max = 0;
  let beyond = 0;
  for (const home of homes) {
    const d = distanceAt(grid, field, home.entrance);
    if (d > limit) beyond++;
    if (!Number.isFinite(d)) continue;
    sum += d;
    reached++;
    max = Math.max(max, d);
  }
  return {
    homes: homes.length,
    mean: reached > 0 ? sum / reached : null,
    max: reached > 0 ? max : null,
    shareBeyond: homes.length > 0 ? beyond / homes.length : null,
  };
}

/** Homes whose entrance lies within `metres` of a window of cells. */
export function homesNear(grid: Grid, homes: readonly Home[], window: CellWindow, metres: number): Home[] {
  const reach = metres / grid.cellSize;
  return homes.filter((h) => {
    const row = Math.floor(h.entrance / grid.columns);
    const col = h.entrance - row * grid.columns;
    const dc = Math.max(window.col0 - col, 0, col - window.col1);
    const dr = Math.max(window.row0 - row, 0, row - window.row1);
    return Math.hypot(dc, dr) <= reach;
  });
}

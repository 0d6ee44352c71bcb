import type { CellWindow, Grid } from './grid.ts';

/**
 * Sky view factor at street level by the horizon-angle method (Zakšek et al. 2011): in each of N
 * directions, find the steepest angle γ to the surface-height raster within a search radius, then
 * SVF = 1 − mean(sin² γ). The sin² (cosine-weighted) form is the view factor of a horizontal
 * surface, the one radiation sees, and the form for which an infinite canyon with H/W = 1 gives
 * Oke's analytic 0.447 at its centre line.
 *
 * Steps grow with distance (every cell near by, then 10 % further each step), so a far-away tower
 * still counts while the cost stays about 30 samples per direction. A ray also stops as soon as
 * nothing within reach is tall enough to rise above the steepest angle found, which changes no
 * result and skips most samples in streets.
 */
export interface SkyViewOptions {
  directions?: number;
  /** Search radius (m). */
  radius?: number;
}

/**
 * 16 directions (the notes suggest 16–36) within 100 m: beyond that a 20 m block stands below 11°,
 * and only the Domtoren would matter, over one direction in sixteen.
 */
export const SKY_VIEW_DEFAULTS = { directions: 16, radius: 100 } as const;

interface Ray {
  /** Cell offsets (row · columns + column) along the ray, nearest first. */
  offsets: Int32Array;
  dCol: Int32Array;
  dRow: Int32Array;
  distances: Float64Array;
}

/** Sample offsets per direction; shared by every cell. */
function rays(grid: Grid, directions: number, radius: number): Ray[] {
  const cs = grid.cellSize;
  const out: Ray[] = [];
  for (let k = 0; k < directions; k++) {
    const angle = (2 * Math.PI * k) / directions;
    const ux = Math.sin(angle);
    const uy = Math.cos(angle);
    const dCol: number[] = [];
    const dRow: number[] = [];
    const distances: number[] = [];
    for (let s = cs; s <= radius; s += Math.max(cs, s * 0.1)) {
      const c = Math.round((s * ux) / cs);
      const r = -Math.round((s * uy) / cs);
      if (dCol.length > 0 && dCol.at(-1) === c && dRow.at(-1) === r) continue;
      dCol.push(c);
      dRow.push(r);
      distances.push(Math.hypot(c, r) * cs);
    }
    out.push({
      offsets: Int32Array.from(dCol, (c, i) => dRow[i]! * grid.columns + c),
      dCol: Int32Array.from(dCol),
      dRow: Int32Array.from(dRow),
      distances: Float64Array.from(distances),
    });
  }
  return out;
}

/**
 * Writes the SVF of every cell in `window` whose `include` flag is set (other cells get NaN).
 * `surface` is the height of buildings and crowns above the ground; the point of view is the
 * ground of the cell itself, so a cell under a crown sees that crown around it.
 */
export function skyViewFactor(
  grid: Grid,
  surface: Float32Array,
  include: Uint8Array,
  window: CellWindow,
  out: Float32Array,
  options: SkyViewOptions = {},
): Float32Array {
  const directions = options.directions ?? SKY_VIEW_DEFAULTS.directions;
  const radius = options.radius ?? SKY_VIEW_DEFAULTS.radius;
  const all = rays(grid, directions, radius);
  const { columns, rows } = grid;
  const reach = tallestWithin(grid, surface, window, radius);
  for (let row = window.row0; row <= window.row1; row++)
    for (let col = window.col0; col <= window.col1; col++) {
      const index = row * columns + col;
      if (!include[index]) {
        out[index] = NaN;
        continue;
      }
      const tallest = reach.heights[Math.floor(row / TILE) * reach.columns + Math.floor(col / TILE)]!;
      let blocked = 0;
      for (const ray of all) {
        let steepest = 0; // tan γ; the horizon never counts below 0°
        const n = ray.offsets.length;
        for (let j = 0; j < n; j++) {
          const distance = ray.distances[j]!;
          if (tallest <= steepest * distance) break; // nothing further can rise above it
          const c = col + ray.dCol[j]!;
          const r = row + ray.dRow[j]!;
          if (c < 0 || c >= columns || r < 0 || r >= rows) break;
          const tan = surface[index + ray.offsets[j]!]! / distance;
          if (tan > steepest) steepest = tan;
        }
        blocked += (steepest * steepest) / (1 + steepest * steepest);
      }
      out[index] = 1 - blocked / directions;
    }
  return out;
}

const TILE = 16;

/**
 * For each tile of TILE × TILE cells, the tallest surface within `radius` of any of its cells
 * (only tiles the window touches are filled).
 */
function tallestWithin(
  grid: Grid,
  surface: Float32Array,
  window: CellWindow,
  radius: number,
): { columns: number; heights: Float32Array } {
  const columns = Math.ceil(grid.columns / TILE);
  const rows = Math.ceil(grid.rows / TILE);
  const spread = Math.ceil(radius / grid.cellSize / TILE) + 1;
  const t0 = { col: Math.floor(window.col0 / TILE), row: Math.floor(window.row0 / TILE) };
  const t1 = { col: Math.floor(window.col1 / TILE), row: Math.floor(window.row1 / TILE) };
  const c0 = Math.max(0, t0.col - spread);
  const c1 = Math.min(columns - 1, t1.col + spread);
  const r0 = Math.max(0, t0.row - spread);
  const r1 = Math.min(rows - 1, t1.row + spread);
  const own = new Float32Array(columns * rows);
  for (let row = r0 * TILE; row < Math.min(grid.rows, (r1 + 1) * TILE); row++)
    for (let col = c0 * TILE; col < Math.min(grid.columns, (c1 + 1) * TILE); col++) {
      const t = Math.floor(row / TILE) * columns + Math.floor(col / TILE);
      const h = surface[row * grid.columns + col]!;
      if (h > own[t]!) own[t] = h;
    }
  const heights = new Float32Array(columns * rows);
  for (let tr = Math.max(0, t0.row); tr <= Math.min(rows - 1, t1.row); tr++)
    for (let tc = Math.max(0, t0.col); tc <= Math.min(columns - 1, t1.col); tc++) {
      let max = 0;
      for (let r = Math.max(0, tr - spread); r <= Math.min(rows - 1, tr + spread); r++)
        for (let c = Math.max(0, tc - spread); c <= Math.min(columns - 1, tc + spread); c++)
          max = Math.max(max, own[r * columns + c]!);
      heights[tr * columns + tc] = max;
    }
  return { columns, heights };
}

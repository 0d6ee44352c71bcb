import type { CellWindow, Grid } from './grid.ts';

const DEG = Math.PI / 180;

/**
 * Shadow mask for one sun position over a surface-height raster (buildings and tree crowns above
 * the ground, metres; flat terrain).
 *
 * A ground cell is shaded when something between it and the sun rises above the ray towards the
 * sun. Instead of marching a ray from every cell (cost ∝ cells × shadow length), the grid is swept
 * once along parallel digital lines pointing at the sun, carrying the highest "shadow top" down
 * each line: top(cell) = max(surface(cell), top(upstream) − step · tan(elevation)), with each
 * obstacle raised by half a step so its face, not its centre, casts the shadow. One pass costs
 * O(cells) whatever the sun height; a line deviates at most half a cell sideways from the true ray.
 *
 * Returns 1 for shaded cells and 0 for sunlit ones; cells at the grid edge see open land beyond.
 * With a `window`, only its cells are swept (and written), as if it were the whole grid: exact for
 * cells at least `shadowReachCells` of the tallest surface inside its edge.
 */
export function shadowMask(
  grid: Grid,
  surface: Float32Array,
  sun: { elevation: number; azimuth: number },
  out: Uint8Array = new Uint8Array(grid.cells),
  scratch: Float32Array = new Float32Array(grid.cells),
  window: CellWindow = { col0: 0, row0: 0, col1: grid.columns - 1, row1: grid.rows - 1 },
): Uint8Array {
  if (sun.elevation <= 0) return out.fill(1);
  const { columns, cellSize } = grid;
  const tanEl = Math.tan(sun.elevation * DEG);
  // Towards the sun in cell units: columns grow eastwards, rows grow southwards.
  const dCol = Math.sin(sun.azimuth * DEG);
  const dRow = -Math.cos(sun.azimuth * DEG);
  const top = scratch;
  const columnMajor = Math.abs(dCol) >= Math.abs(dRow);
  const major = columnMajor ? dCol : dRow;
  const sign = major >= 0 ? 1 : -1;
  const slope = (columnMajor ? dRow : dCol) / Math.abs(major); // minor cells per major step
  const drop = cellSize * Math.sqrt(1 + slope * slope) * tanEl; // fall of the sun ray over one step
  const halfDrop = drop / 2;
  // Lines run along the major axis (k) and are stacked across it (m); the window bounds both.
  const [k0, k1] = columnMajor ? [window.col0, window.col1] : [window.row0, window.row1];
  const [m0, m1] = columnMajor ? [window.row0, window.row1] : [window.col0, window.col1];
  const alongStride = columnMajor ? 1 : columns;
  const acrossStride = columnMajor ? columns : 1;
  // Sweep from the sun side: the upstream neighbour (one step towards the sun) is done first.
  // Each digital line sits at offset round(k · sign · slope) across at major position k.
  for (let n = 0; n <= k1 - k0; n++) {
    const k = sign > 0 ? k1 - n : k0 + n;
    const upstreamK = k + sign;
    const base = k * alongStride;
    const hasUpstream = upstreamK >= k0 && upstreamK <= k1;
    const shift = hasUpstream ? Math.round(upstreamK * sign * slope) - Math.round(k * sign * slope) : 0;
    const upstreamBase = upstreamK * alongStride + shift * acrossStride;
    const mFirst = hasUpstream ? Math.max(m0, m0 - shift) : m1 + 1;
    const mLast = hasUpstream ? Math.min(m1, m1 - shift) : m1;
    for (let m = m0; m <= m1; m++) {
      const index = base + m * acrossStride;
      // An obstacle is seen from its face, half a step nearer than its centre.
      const h = surface[index]!;
      const own = h > 0 ? h + halfDrop : 0;
      if (m < mFirst || m > mLast) {
        top[index] = own;
        out[index] = 0;
        continue;
      }
      const upstreamTop = top[upstreamBase + m * acrossStride]! - drop;
      top[index] = own > upstreamTop ? own : upstreamTop;
      // A small tolerance keeps float noise on flat ground from casting shade.
      out[index] = upstreamTop > 0.01 ? 1 : 0;
    }
  }
  return out;
}

/**
 * How many cells the shadow of something `height` metres tall can reach at this sun (with the
 * sweep's half-step allowance and a cell to spare): a change shades nothing farther away, and a
 * windowed sweep that starts this far upstream sees everything that can shade its window.
 */
export function shadowReachCells(grid: Grid, height: number, elevation: number): number {
  const tanEl = Math.tan(elevation * DEG);
  return Math.ceil((height + grid.cellSize * Math.SQRT2 * tanEl) / tanEl / grid.cellSize) + 2;
}

/**
 * The same test by marching a ray from every cell (slow, exact to the sampling step): the
 * reference that the sweep is checked against in tests.
 */
export function shadowMaskByRayMarching(
  grid: Grid,
  surface: Float32Array,
  sun: { elevation: number; azimuth: number },
  step = grid.cellSize / 4,
): Uint8Array {
  const out = new Uint8Array(grid.cells);
  let highest = 0;
  for (const h of surface) highest = Math.max(highest, h);
  const tanEl = Math.tan(sun.elevation * DEG);
  const ux = Math.sin(sun.azimuth * DEG);
  const uy = Math.cos(sun.azimuth * DEG);
  const cs = grid.cellSize;
  for (let row = 0; row < grid.rows; row++)
    for (let col = 0; col < grid.columns; col++) {
      const x = (col + 0.5) * cs;
      const y = (grid.rows - row - 0.5) * cs;
      const own = row * grid.columns + col;
      for (let s = step; s * tanEl < highest; s += step) {
        const c = Math.floor((x + s * ux) / cs);
        const r = grid.rows - 1 - Math.floor((y + s * uy) / cs);
        if (c < 0 || c >= grid.columns || r < 0 || r >= grid.rows) break;
        const index = r * grid.columns + c;
        if (index !== own && surface[index]! > s * tanEl + 0.01) {
          out[own] = 1;
          break;
        }
      }
    }
  return out;
}

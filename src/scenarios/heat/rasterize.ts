import { EMPTY_WINDOW, type CellWindow, type Grid, unionWindow } from './grid.ts';

/**
 * Burning vector shapes into the grid: a cell belongs to a shape when its centre does. Rings are
 * flat metre arrays [x0, y0, x1, y1, …] in the grid frame (see grid.ts), open or closed.
 */
export type FlatRing = readonly number[];

export type Visit = (index: number) => void;

/** Visits every cell whose centre is inside the rings (even-odd rule, so a second ring is a hole). */
export function fillRings(grid: Grid, rings: readonly FlatRing[], visit: Visit): CellWindow {
  let minY = Infinity;
  let maxY = -Infinity;
  for (const ring of rings)
    for (let i = 1; i < ring.length; i += 2) {
      minY = Math.min(minY, ring[i]!);
      maxY = Math.max(maxY, ring[i]!);
    }
  if (!(minY < maxY)) return EMPTY_WINDOW;
  const cs = grid.cellSize;
  // Rows whose centre y = (rows − row − 0.5)·cs lies in [minY, maxY].
  const rowFirst = Math.max(0, Math.ceil(grid.rows - 0.5 - maxY / cs));
  const rowLast = Math.min(grid.rows - 1, Math.floor(grid.rows - 0.5 - minY / cs));
  const crossings: number[] = [];
  let window = EMPTY_WINDOW;
  for (let row = rowFirst; row <= rowLast; row++) {
    const y = (grid.rows - row - 0.5) * cs;
    crossings.length = 0;
    for (const ring of rings) {
      const n = ring.length >> 1;
      for (let i = 0, j = n - 1; i < n; j = i++) {
        const yi = ring[2 * i + 1]!;
        const yj = ring[2 * j + 1]!;
        if (yi > y === yj > y) continue;
        const xi = ring[2 * i]!;
        const xj = ring[2 * j]!;
        crossings.push(xi + ((y - yi) * (xj - xi)) / (yj - yi));
      }
    }
    crossings.sort((a, b) => a - b);
    for (let k = 0; k + 1 < crossings.length; k += 2) {
      const col0 = Math.max(0, Math.ceil(crossings[k]! / cs - 0.5));
      const col1 = Math.min(grid.columns - 1, Math.ceil(crossings[k + 1]! / cs - 0.5) - 1);
      if (col0 > col1) continue;
      const base = row * grid.columns;
      for (let col = col0; col <= col1; col++) visit(base + col);
      window = unionWindow(window, { col0, row0: row, col1, row1: row });
    }
  }
  return window;
}

/**
 * Visits every cell whose centre lies within `radius` of (x, y); a disc smaller than a cell still
 * marks the cell it stands in, so a small tree is never lost.
 */
export function fillDisc(grid: Grid, x: number, y: number, radius: number, visit: Visit): CellWindow {
  const cs = grid.cellSize;
  const col0 = Math.max(0, Math.ceil((x - radius) / cs - 0.5));
  const col1 = Math.min(grid.columns - 1, Math.floor((x + radius) / cs - 0.5));
  const row0 = Math.max(0, Math.ceil(grid.rows - 0.5 - (y + radius) / cs));
  const row1 = Math.min(grid.rows - 1, Math.floor(grid.rows - 0.5 - (y - radius) / cs));
  let window = EMPTY_WINDOW;
  const r2 = radius * radius;
  for (let row = row0; row <= row1; row++) {
    const dy = (grid.rows - row - 0.5) * cs - y;
    for (let col = col0; col <= col1; col++) {
      const dx = (col + 0.5) * cs - x;
      if (dx * dx + dy * dy > r2) continue;
      visit(row * grid.columns + col);
      window = unionWindow(window, { col0: col, row0: row, col1: col, row1: row });
    }
  }
  if (window === EMPTY_WINDOW) {
    const col = Math.floor(x / cs);
    const row = grid.rows - 1 - Math.floor(y / cs);
    if (col >= 0 && col < grid.columns && row >= 0 && row < grid.rows) {
      visit(row * grid.columns + col);
      window = { col0: col, row0: row, col1: col, row1: row };
    }
  }
  return window;
}

/** Visits every cell whose centre lies within `halfWidth` of a polyline (flat [x0, y0, x1, y1, …]). */
export function fillCorridor(grid: Grid, line: FlatRing, halfWidth: number, visit: Visit): CellWindow {
  const cs = grid.cellSize;
  let window = EMPTY_WINDOW;
  const seen = new Set<number>();
  for (let i = 0; i + 3 < line.length; i += 2) {
    const ax = line[i]!;
    const ay = line[i + 1]!;
    const bx = line[i + 2]!;
    const by = line[i + 3]!;
    const col0 = Math.max(0, Math.ceil((Math.min(ax, bx) - halfWidth) / cs - 0.5));
    const col1 = Math.min(grid.columns - 1, Math.floor((Math.max(ax, bx) + halfWidth) / cs - 0.5));
    const row0 = Math.max(0, Math.ceil(grid.rows - 0.5 - (Math.max(ay, by) + halfWidth) / cs));
    const row1 = Math.min(grid.rows - 1, Math.floor(grid.rows - 0.5 - (Math.min(ay, by) - halfWidth) / cs));
    for (let row = row0; row <= row1; row++) {
      const y = (grid.rows - row - 0.5) * cs;
      for (let col = col0; col <= col1; col++) {
        const index = row * grid.columns + col;
        if (seen.has(index)) continue;
        if (distanceToSegment((col + 0.5) * cs, y, ax, ay, bx, by) > halfWidth) continue;
        seen.add(index);
        visit(index);
        window = unionWindow(window, { col0: col, row0: row, col1: col, row1: row });
      }
    }
  }
  return window;
}

export function distanceToSegment(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

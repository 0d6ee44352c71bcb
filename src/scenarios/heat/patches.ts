import type { Grid } from './grid.ts';

/**
 * 1 on the cells of every 4-connected patch of `member` cells that holds at least `minArea` m²;
 * 0 elsewhere. Used for cool places (shade patches) and for the public street network.
 */
export function largePatches(grid: Grid, member: (cell: number) => boolean, minArea: number): Uint8Array {
  const { columns, cells } = grid;
  const out = new Uint8Array(cells);
  const seen = new Uint8Array(cells);
  const stack = new Int32Array(cells);
  const patch = new Int32Array(cells);
  const minCells = Math.ceil(minArea / (grid.cellSize * grid.cellSize));
  for (let i = 0; i < cells; i++) if (!member(i)) seen[i] = 1;
  for (let start = 0; start < cells; start++) {
    if (seen[start]) continue;
    let size = 0;
    let top = 0;
    stack[top++] = start;
    seen[start] = 1;
    while (top > 0) {
      const i = stack[--top]!;
      patch[size++] = i;
      const col = i % columns;
      if (col > 0 && !seen[i - 1]) {
        seen[i - 1] = 1;
        stack[top++] = i - 1;
      }
      if (col < columns - 1 && !seen[i + 1]) {
        seen[i + 1] = 1;
        stack[top++] = i + 1;
      }
      if (i >= columns && !seen[i - columns]) {
        seen[i - columns] = 1;
        stack[top++] = i - columns;
      }
      if (i + columns < cells && !seen[i + columns]) {
        seen[i + columns] = 1;
        stack[top++] = i + columns;
      }
    }
    if (size >= minCells) for (let k = 0; k < size; k++) out[patch[k]!] = 1;
  }
  return out;
}

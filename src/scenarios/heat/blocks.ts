import type { Grid } from './grid.ts';

/**
 * A coarser grid of square blocks over the cell grid, for the terms that average over hundreds of
 * metres (wind and heat island): their windows make 2 m detail meaningless and a 10 m block makes
 * a full recompute cost a few milliseconds. Edge blocks may hold fewer cells.
 */
export interface Blocks {
  /** Cells per block edge. */
  size: number;
  columns: number;
  rows: number;
  count: number;
  /** Block edge (m). */
  blockSize: number;
  /** Block index of every cell. */
  blockOf: Int32Array;
  /** Number of cells in each block. */
  cells: Int32Array;
}

/** Block edge the heat model uses (m). */
export const BLOCK_METRES = 10;

export function blocksOf(grid: Grid, metres: number = BLOCK_METRES): Blocks {
  const size = Math.max(1, Math.round(metres / grid.cellSize));
  const columns = Math.ceil(grid.columns / size);
  const rows = Math.ceil(grid.rows / size);
  const blockOf = new Int32Array(grid.cells);
  const cells = new Int32Array(columns * rows);
  for (let row = 0; row < grid.rows; row++) {
    const blockRow = Math.floor(row / size) * columns;
    for (let col = 0; col < grid.columns; col++) {
      const b = blockRow + Math.floor(col / size);
      blockOf[row * grid.columns + col] = b;
      cells[b]!++;
    }
  }
  return { size, columns, rows, count: columns * rows, blockSize: size * grid.cellSize, blockOf, cells };
}

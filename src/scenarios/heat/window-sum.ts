/**
 * Sums over moving rectangular windows in O(1) per cell from an integral image (summed-area
 * table). Values are integers (heights in decimetres, counts, SVF in thousandths) kept in an
 * Int32Array with wrapping arithmetic: a window's sum comes out exact whenever it fits in 31 bits,
 * however large the grid's total, so a scenario run and a full rebuild agree to the last bit.
 */
export class IntegralImage {
  private readonly data: Int32Array;
  private readonly stride: number;

  /** `values` holds one whole number per cell, row-major (e.g. an Int32Array filled by the caller). */
  constructor(
    readonly columns: number,
    readonly rows: number,
    values: ArrayLike<number>,
  ) {
    const stride = columns + 1;
    this.stride = stride;
    const data = new Int32Array((rows + 1) * stride);
    this.data = data;
    for (let row = 0; row < rows; row++) {
      let rowSum = 0;
      const above = row * stride + 1;
      const here = above + stride;
      const source = row * columns;
      for (let col = 0; col < columns; col++) {
        rowSum = (rowSum + values[source + col]!) | 0;
        data[here + col] = (data[above + col]! + rowSum) | 0;
      }
    }
  }

  /** Sum over columns col0…col1 and rows row0…row1 (inclusive; clipped to the grid). */
  sum(col0: number, row0: number, col1: number, row1: number): number {
    const c0 = Math.max(0, col0);
    const r0 = Math.max(0, row0);
    const c1 = Math.min(this.columns - 1, col1);
    const r1 = Math.min(this.rows - 1, row1);
    if (c0 > c1 || r0 > r1) return 0;
    const s = this.stride;
    const d = this.data;
    return (d[(r1 + 1) * s + c1 + 1]! - d[r0 * s + c1 + 1]! - d[(r1 + 1) * s + c0]! + d[r0 * s + c0]!) | 0;
  }

  /** Number of grid cells in the clipped window. */
  count(col0: number, row0: number, col1: number, row1: number): number {
    const w = Math.min(this.columns - 1, col1) - Math.max(0, col0) + 1;
    const h = Math.min(this.rows - 1, row1) - Math.max(0, row0) + 1;
    return w > 0 && h > 0 ? w * h : 0;
  }
}

/** A window around a cell, in cells towards each side. */
export interface Footprint {
  west: number;
  east: number;
  north: number;
  south: number;
}

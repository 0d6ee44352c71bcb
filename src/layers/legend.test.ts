import { describe, expect, it } from 'vitest';
import type { Field, FieldGrid } from '../scenarios/engine/types.ts';
import type { LegendSpec } from './layer-types.ts';
import { colorFor, gridImage, rampColor, type ColorStops } from './legend.ts';

const grid: FieldGrid = { columns: 3, rows: 2, cellSize: 2, bounds: [5.1, 52.0, 5.1001, 52.00004] };

const LEGEND: LegendSpec = {
  quantityKey: 'scenario.heat.legendPet',
  unitKey: 'scenario.heat.unitC',
  classes: [
    { from: 0, to: 10, color: [0, 0, 255, 200] },
    { from: 10, to: 20, color: [0, 255, 0, 200] },
    { from: 20, to: null, color: [255, 0, 0, 200] },
  ],
};

/** Black to white over 0…100, see-through at 0. */
const STOPS: ColorStops = [
  [0, [0, 0, 0, 0]],
  [100, [200, 100, 50, 250]],
];

describe('colour classes', () => {
  it('puts a value on a bound in the upper class and clamps below the first and above the last', () => {
    expect(colorFor(LEGEND, 9.99)).toEqual([0, 0, 255, 200]);
    expect(colorFor(LEGEND, 10)).toEqual([0, 255, 0, 200]);
    expect(colorFor(LEGEND, -5)).toEqual([0, 0, 255, 200]);
    expect(colorFor(LEGEND, 1e6)).toEqual([255, 0, 0, 200]);
  });
});

describe('smooth scales', () => {
  it('interpolates linearly between stops, rounded, and clamps at both ends', () => {
    // By hand: a quarter of the way from (0, 0, 0, 0) to (200, 100, 50, 250).
    expect(rampColor(STOPS, 25)).toEqual([50, 25, 13, 63]);
    expect(rampColor(STOPS, -10)).toEqual([0, 0, 0, 0]);
    expect(rampColor(STOPS, 500)).toEqual([200, 100, 50, 250]);
  });
});

describe('gridImage', () => {
  it('paints a grid field row by row from the north by its classes, with the grid’s bounds, NaN see-through', () => {
    const field: Field = { ids: [], steps: 1, values: Float32Array.from([5, 15, 25, -1, 99, NaN]), grid };
    const image = gridImage(field, 0, { legend: LEGEND });
    expect(image.width).toBe(3);
    expect(image.height).toBe(2);
    expect(image.bounds).toEqual(grid.bounds);
    const pixel = (k: number) => [...image.data.subarray(k * 4, k * 4 + 4)];
    expect([0, 1, 2, 3, 4, 5].map(pixel)).toEqual([
      [0, 0, 255, 200],
      [0, 255, 0, 200],
      [255, 0, 0, 200],
      [0, 0, 255, 200],
      [255, 0, 0, 200],
      [0, 0, 0, 0],
    ]);
  });

  it('picks the step, samples a smooth scale, and refuses a field without a grid', () => {
    const field: Field = {
      ids: [],
      steps: 2,
      values: Float32Array.from([0, 0, 0, 0, 0, 0, 100, 100, 100, -5, 50, NaN]),
      grid,
    };
    const image = gridImage(field, 1, { stops: STOPS });
    expect([...image.data.subarray(0, 4)]).toEqual([200, 100, 50, 250]);
    expect([...image.data.subarray(12, 16)]).toEqual([0, 0, 0, 0]);
    // 50 is within one table entry (100 / 2,047) of the middle: (100, 50, 25, 125) ± 1.
    const middle = [...image.data.subarray(16, 20)];
    [100, 50, 25, 125].forEach((v, j) => expect(Math.abs(middle[j]! - v)).toBeLessThanOrEqual(1));
    expect(image.data[23]).toBe(0);
    expect(() =>
      gridImage({ ids: ['a'], steps: 1, values: new Float32Array(1) }, 0, { stops: STOPS }),
    ).toThrow(/grid/);
  });
});

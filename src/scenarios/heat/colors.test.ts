import { describe, expect, it } from 'vitest';
import type { Field } from '../engine/types.ts';
import {
  colorOf,
  DIFFERENCE_RAMP,
  differenceLegend,
  fieldToImage,
  HEAT_CLASS_COLORS,
  HEAT_CLASS_RAMP,
  heatClassLegend,
  PET_CLASS_RAMP,
  PET_RAMP,
} from './colors.ts';
import { HEAT_CLASS_EDGES } from './pet.ts';

const grid = {
  columns: 3,
  rows: 2,
  cellSize: 2,
  bounds: [5.1, 52.0, 5.1001, 52.00004] as [number, number, number, number],
};

describe('colour ramps', () => {
  it('colours PET by heat class with the class edges, roofs see-through', () => {
    HEAT_CLASS_EDGES.forEach((edge, k) => {
      expect(colorOf(PET_CLASS_RAMP, edge - 0.01)).toEqual(HEAT_CLASS_COLORS[k]);
      expect(colorOf(PET_CLASS_RAMP, edge)).toEqual(HEAT_CLASS_COLORS[k + 1]);
    });
    expect(colorOf(PET_CLASS_RAMP, NaN)[3]).toBe(0);
    expect(colorOf(HEAT_CLASS_RAMP, 3)).toEqual(HEAT_CLASS_COLORS[3]);
    expect(colorOf(HEAT_CLASS_RAMP, 255)[3]).toBe(0);
  });

  it('interpolates the smooth PET ramp and clamps it', () => {
    expect(colorOf(PET_RAMP, -10)).toEqual(HEAT_CLASS_COLORS[0]);
    expect(colorOf(PET_RAMP, 99)).toEqual(HEAT_CLASS_COLORS[5]);
    const mid = colorOf(PET_RAMP, (32 + 38) / 2);
    for (let j = 0; j < 3; j++) {
      const [a, b] = [HEAT_CLASS_COLORS[3]![j]!, HEAT_CLASS_COLORS[4]![j]!];
      expect(mid[j]).toBe(Math.round((a + b) / 2));
    }
  });

  it('shows cooling blue and warming red, and hides changes under 0.1 °C', () => {
    const cool = colorOf(DIFFERENCE_RAMP, -4);
    const warm = colorOf(DIFFERENCE_RAMP, 4);
    expect(cool[2]).toBeGreaterThan(cool[0]);
    expect(warm[0]).toBeGreaterThan(warm[2]);
    expect(colorOf(DIFFERENCE_RAMP, 0.05)[3]).toBe(0);
    expect(colorOf(DIFFERENCE_RAMP, -0.05)[3]).toBe(0);
    expect(colorOf(DIFFERENCE_RAMP, -0.5)[3]).toBeGreaterThan(100);
  });
});

describe('fieldToImage', () => {
  it('paints a grid field row by row from the north, with the grid’s bounds', () => {
    const field: Field = { ids: [], steps: 1, values: Float32Array.from([10, 20, 30, 36, 45, NaN]), grid };
    const image = fieldToImage(field, 0, PET_CLASS_RAMP);
    expect(image.width).toBe(3);
    expect(image.height).toBe(2);
    expect(image.bounds).toEqual(grid.bounds);
    const pixel = (k: number) => [...image.data.subarray(k * 4, k * 4 + 4)];
    expect(pixel(0)).toEqual([...HEAT_CLASS_COLORS[0]!]);
    expect(pixel(2)).toEqual([...HEAT_CLASS_COLORS[3]!]);
    expect(pixel(4)).toEqual([...HEAT_CLASS_COLORS[5]!]);
    expect(pixel(5)[3]).toBe(0);
  });

  it('picks the step and refuses a field without a grid', () => {
    const field: Field = {
      ids: [],
      steps: 2,
      values: Float32Array.from([0, 0, 0, 0, 0, 0, -5, -5, -5, 5, 5, 5]),
      grid,
    };
    const image = fieldToImage(field, 1, DIFFERENCE_RAMP);
    expect(image.data[3]).toBeGreaterThan(0);
    expect(image.data[2]).toBeGreaterThan(image.data[0]!); // cooler: blue
    expect(() => fieldToImage({ ids: ['a'], steps: 1, values: new Float32Array(1) }, 0, PET_RAMP)).toThrow(
      /grid/,
    );
  });
});

describe('legends', () => {
  it('lists the six heat classes with their PET bounds', () => {
    const legend = heatClassLegend();
    expect(legend.map((e) => [e.min, e.max])).toEqual([
      [null, 18],
      [18, 23],
      [23, 29],
      [29, 35],
      [35, 41],
      [41, null],
    ]);
    expect(legend[4]!.label).toBe('35–41 °C: strong heat stress');
  });

  it('steps the difference legend symmetrically around 0', () => {
    const legend = differenceLegend(1, 5);
    expect(legend).toHaveLength(10);
    expect(legend[0]).toMatchObject({ min: null, max: -4, label: '−5 to −4 °C' });
    expect(legend[9]).toMatchObject({ min: 4, max: null });
  });
});

import { describe, expect, it } from 'vitest';
import type { Field, FieldGrid } from '../../scenarios/engine/types.ts';
import { heatPicture, PET_CHANGE_LEGEND, PET_LEGEND } from './heat-greening-view.ts';

/**
 * The heat map's colours, pinned: the RGBA values below were recorded from the colour code as it
 * stood at commit 8430fcd (scenarios/heat/colors.ts: HEAT_CLASS_COLORS, DIFFERENCE_RAMP) and checked
 * by hand where noted, so moving the colour mechanism cannot change a single rendered colour.
 */
const grid: FieldGrid = { columns: 4, rows: 2, cellSize: 2, bounds: [5.1, 52.0, 5.1001, 52.00004] };
const field = (values: number[]): Field => ({ ids: [], steps: 1, values: Float32Array.from(values), grid });
const pixels = (image: { data: Uint8ClampedArray }) =>
  Array.from({ length: image.data.length / 4 }, (_, k) => [...image.data.subarray(k * 4, k * 4 + 4)]);
const rgb = (legend: typeof PET_LEGEND) => legend.classes.map((c) => [c.from, c.to, c.color.slice(0, 3)]);

describe('heat map colours (unchanged by the one legend mechanism)', () => {
  it('paints PET by heat class (edges 18/23/29/35/41 °C), roofs (NaN) see-through', () => {
    const image = heatPicture(field([10, 18, 25, 34.99, 35, 41, 50, NaN]), 'scenario');
    expect(pixels(image)).toEqual([
      [69, 117, 180, 210],
      [145, 207, 96, 210],
      [255, 237, 160, 210],
      [253, 174, 97, 215],
      [215, 48, 39, 220],
      [128, 0, 38, 225],
      [128, 0, 38, 225],
      [0, 0, 0, 0],
    ]);
    expect(pixels(heatPicture(field([10, 18, 25, 34.99, 35, 41, 50, NaN]), 'baseline'))).toEqual(
      pixels(image),
    );
  });

  it('paints the change ramp: blue cooler, red warmer, see-through within ±0.1 °C', () => {
    // By hand at −8 and 7 (clamped to the end stops −6 and 6); in between the 2,048-entry table is
    // a hair off the exact interpolation (e.g. −2: exact 68, 136, 190, 210).
    const image = heatPicture(field([-8, -2, -0.5, -0.05, 0.05, 0.5, 2, 7]), 'difference');
    expect(pixels(image)).toEqual([
      [5, 48, 97, 230],
      [68, 135, 189, 210],
      [162, 202, 225, 172],
      [247, 247, 247, 0],
      [247, 247, 247, 0],
      [247, 183, 154, 172],
      [208, 81, 70, 210],
      [103, 0, 31, 230],
    ]);
  });

  it('shows the same colours in the legends', () => {
    expect(rgb(PET_LEGEND)).toEqual([
      [0, 18, [69, 117, 180]],
      [18, 23, [145, 207, 96]],
      [23, 29, [255, 237, 160]],
      [29, 35, [253, 174, 97]],
      [35, 41, [215, 48, 39]],
      [41, null, [128, 0, 38]],
    ]);
    // Each bin coloured at its middle; by hand: −4 → 5 + ⅔·28 = 24, 48 + ⅔·54 = 84, 97 + ⅔·75 = 147.
    expect(rgb(PET_CHANGE_LEGEND)).toEqual([
      [-6, -3, [24, 84, 147]],
      [-3, -1, [68, 136, 190]],
      [-1, -0.1, [162, 202, 225]],
      [-0.1, 0.1, [235, 235, 235]],
      [0.1, 1, [247, 183, 154]],
      [1, 3, [209, 81, 71]],
      [3, null, [153, 16, 39]],
    ]);
  });
});

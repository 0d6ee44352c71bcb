import type { Field } from '../engine/types.ts';
import { HEAT_CLASS_EDGES, HEAT_CLASSES, NO_CLASS } from './pet.ts';

/**
 * Colour ramps and legends for the heat fields, as plain data, plus `fieldToImage`, which turns a
 * grid field into RGBA pixels and its WGS84 bounds for a bitmap layer (deck.gl's BitmapLayer takes
 * `image: {width, height, data}` and `bounds: [west, south, east, north]`). Pure: runs in the main
 * thread, a worker or a test.
 */
export type Rgba = readonly [number, number, number, number];

/** Steps: values below edges[0] get colors[0], from edges[k − 1] up colors[k]. */
export interface ClassRamp {
  kind: 'classes';
  edges: readonly number[];
  colors: readonly Rgba[];
  /** For NaN and for `noDataValue` (e.g. 255 in a class field): roofs stay see-through. */
  noData: Rgba;
  noDataValue?: number;
}

/** Linear interpolation between stops (value, colour), clamped at both ends. */
export interface LinearRamp {
  kind: 'linear';
  stops: readonly (readonly [number, Rgba])[];
  noData: Rgba;
}

export type ColorRamp = ClassRamp | LinearRamp;

const CLEAR: Rgba = [0, 0, 0, 0];

/** Colours of heat classes 0…5 (cool blue, comfortable green, then yellow to dark red). */
export const HEAT_CLASS_COLORS: readonly Rgba[] = [
  [69, 117, 180, 210],
  [145, 207, 96, 210],
  [255, 237, 160, 210],
  [253, 174, 97, 215],
  [215, 48, 39, 220],
  [128, 0, 38, 225],
];

/** PET in °C coloured by heat class (edges 18 / 23 / 29 / 35 / 41 °C). */
export const PET_CLASS_RAMP: ClassRamp = {
  kind: 'classes',
  edges: HEAT_CLASS_EDGES,
  colors: HEAT_CLASS_COLORS,
  noData: CLEAR,
};

/** The `heatClass` field (values 0…5, 255 on roofs) in the same colours. */
export const HEAT_CLASS_RAMP: ClassRamp = {
  kind: 'classes',
  edges: [0.5, 1.5, 2.5, 3.5, 4.5],
  colors: HEAT_CLASS_COLORS,
  noData: CLEAR,
  noDataValue: NO_CLASS,
};

/** PET in °C as a smooth ramp over the classes' colours (for a continuous map). */
export const PET_RAMP: LinearRamp = {
  kind: 'linear',
  stops: [
    [15, HEAT_CLASS_COLORS[0]!],
    [20.5, HEAT_CLASS_COLORS[1]!],
    [26, HEAT_CLASS_COLORS[2]!],
    [32, HEAT_CLASS_COLORS[3]!],
    [38, HEAT_CLASS_COLORS[4]!],
    [46, HEAT_CLASS_COLORS[5]!],
  ],
  noData: CLEAR,
};

/**
 * PET difference (scenario − baseline, °C): blue cooler, red warmer, see-through below ±0.1 °C so
 * only what changed shows; saturates at ±6 °C (about half the sun-to-shade step).
 */
export const DIFFERENCE_RAMP: LinearRamp = {
  kind: 'linear',
  stops: [
    [-6, [5, 48, 97, 230]],
    [-3, [33, 102, 172, 220]],
    [-1, [103, 169, 207, 200]],
    [-0.1, [209, 229, 240, 150]],
    [-0.099, [247, 247, 247, 0]],
    [0.099, [247, 247, 247, 0]],
    [0.1, [253, 219, 199, 150]],
    [1, [239, 138, 98, 200]],
    [3, [178, 24, 43, 220]],
    [6, [103, 0, 31, 230]],
  ],
  noData: CLEAR,
};

/** Share of hours in shade (0…1): clear in full sun, dark blue-grey in full shade. */
export const SHADE_RAMP: LinearRamp = {
  kind: 'linear',
  stops: [
    [0, [40, 50, 90, 0]],
    [1, [40, 50, 90, 170]],
  ],
  noData: CLEAR,
};

/** The `coolPlace` field (1 = part of a cool place). */
export const COOL_PLACE_RAMP: ClassRamp = {
  kind: 'classes',
  edges: [0.5],
  colors: [CLEAR, [0, 150, 160, 170]],
  noData: CLEAR,
};

/** The colour of one value. */
export function colorOf(ramp: ColorRamp, value: number): Rgba {
  if (Number.isNaN(value)) return ramp.noData;
  if (ramp.kind === 'classes') {
    if (ramp.noDataValue !== undefined && value === ramp.noDataValue) return ramp.noData;
    let k = 0;
    while (k < ramp.edges.length && value >= ramp.edges[k]!) k++;
    return ramp.colors[k]!;
  }
  const { stops } = ramp;
  if (value <= stops[0]![0]) return stops[0]![1];
  for (let k = 1; k < stops.length; k++) {
    const [v1, c1] = stops[k]!;
    if (value > v1) continue;
    const [v0, c0] = stops[k - 1]!;
    const t = (value - v0) / (v1 - v0);
    return [0, 1, 2, 3].map((j) => Math.round(c0[j]! + t * (c1[j]! - c0[j]!))) as unknown as Rgba;
  }
  return stops.at(-1)![1];
}

export interface GridImage {
  width: number;
  height: number;
  /** RGBA, row 0 at the top (north). */
  data: Uint8ClampedArray;
  /** [west, south, east, north] in degrees WGS84. */
  bounds: [number, number, number, number];
}

/**
 * One step of a grid field as RGBA pixels. Linear ramps are sampled into a 2,048-entry table
 * over their range (0.006 °C per entry for differences), so a million cells take a few milliseconds.
 */
export function fieldToImage(field: Field, step: number, ramp: ColorRamp): GridImage {
  const grid = field.grid;
  if (!grid) throw new Error('fieldToImage needs a grid field (field.grid is missing)');
  const cells = grid.columns * grid.rows;
  const s = Math.min(Math.max(0, Math.floor(step)), field.steps - 1);
  const values = field.values.subarray(s * cells, (s + 1) * cells);
  const data = new Uint8ClampedArray(cells * 4);
  const paint = painter(ramp);
  for (let i = 0; i < cells; i++) paint(values[i]!, data, i * 4);
  return { width: grid.columns, height: grid.rows, data, bounds: [...grid.bounds] };
}

function painter(ramp: ColorRamp): (value: number, out: Uint8ClampedArray, at: number) => void {
  const write = (c: Rgba, out: Uint8ClampedArray, at: number) => {
    out[at] = c[0];
    out[at + 1] = c[1];
    out[at + 2] = c[2];
    out[at + 3] = c[3];
  };
  if (ramp.kind === 'classes') return (v, out, at) => write(colorOf(ramp, v), out, at);
  const lo = ramp.stops[0]![0];
  const hi = ramp.stops.at(-1)![0];
  const size = 2048;
  const table = Array.from({ length: size }, (_, k) => colorOf(ramp, lo + ((hi - lo) * k) / (size - 1)));
  return (v, out, at) => {
    if (Number.isNaN(v)) return write(ramp.noData, out, at);
    const k = Math.round(((Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo)) * (size - 1));
    write(table[k]!, out, at);
  };
}

export interface LegendEntry {
  /** Lower and upper bound; null when open-ended. */
  min: number | null;
  max: number | null;
  color: Rgba;
  label: string;
}

/** The heat-class legend: PET bounds (°C), colour and the stress each class stands for. */
export function heatClassLegend(): LegendEntry[] {
  return HEAT_CLASSES.map((c) => ({
    min: c.min,
    max: c.max,
    color: HEAT_CLASS_COLORS[c.index]!,
    label:
      c.min === null
        ? `< ${c.max} °C: ${c.stress}`
        : c.max === null
          ? `> ${c.min} °C: ${c.stress}`
          : `${c.min}–${c.max} °C: ${c.stress}`,
  }));
}

/** A stepped legend for PET differences: bins of `step` °C up to ±`max`, coloured at their middle. */
export function differenceLegend(step = 1, max = 5): LegendEntry[] {
  const out: LegendEntry[] = [];
  for (let lo = -max; lo < max; lo += step) {
    const hi = lo + step;
    const middle = (lo + hi) / 2;
    out.push({
      min: lo === -max ? null : lo,
      max: hi === max ? null : hi,
      color: colorOf(DIFFERENCE_RAMP, middle === 0 ? 0 : middle),
      label: `${signed(lo)} to ${signed(hi)} °C`,
    });
  }
  return out;
}

function signed(v: number): string {
  return v > 0 ? `+${v}` : v < 0 ? `−${-v}` : '0';
}

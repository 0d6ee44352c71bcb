import type { Field } from '../scenarios/engine/types.ts';
import type { LegendSpec, Rgba } from './layer-types.ts';

/**
 * The one home of colour classes and colour scales: every layer and scenario view colours its data
 * here, from a `LegendSpec` (classes with bounds, also what the legend shows) or from a smooth scale.
 * Models may define class bounds (e.g. the heat-stress edges); the colours belong to the views.
 */

/** The colour of the legend class a value falls in (classes are [from, to), the last is open). */
export function colorFor(legend: LegendSpec, value: number): Rgba {
  const match = legend.classes.find((c) => value >= c.from && (c.to === null || value < c.to));
  return (match ?? (value < legend.classes[0]!.from ? legend.classes[0]! : legend.classes.at(-1)!)).color;
}

/** A smooth colour scale: (value, colour) stops in rising order, linear in between, clamped at both ends. */
export type ColorStops = readonly (readonly [number, Rgba])[];

/** The colour of one value on a smooth scale (channels rounded to whole numbers). */
export function rampColor(stops: ColorStops, value: number): Rgba {
  if (value <= stops[0]![0]) return stops[0]![1];
  for (let k = 1; k < stops.length; k++) {
    const [v1, c1] = stops[k]!;
    if (value > v1) continue;
    const [v0, c0] = stops[k - 1]!;
    const t = (value - v0) / (v1 - v0);
    const mix = (j: number) => Math.round(c0[j]! + t * (c1[j]! - c0[j]!));
    return [mix(0), mix(1), mix(2), mix(3)];
  }
  return stops.at(-1)![1];
}

/** How a grid field is coloured: by a legend's classes or along a smooth scale. NaN stays see-through. */
export type GridColoring = { legend: LegendSpec } | { stops: ColorStops };

export interface GridImage {
  width: number;
  height: number;
  /** RGBA, row 0 at the top (north). */
  data: Uint8ClampedArray;
  /** [west, south, east, north] in degrees WGS84. */
  bounds: [number, number, number, number];
}

const CLEAR: Rgba = [0, 0, 0, 0];

/**
 * One step of a grid field as RGBA pixels and its WGS84 bounds, for a bitmap layer (deck.gl's
 * BitmapLayer takes `image: {width, height, data}` and `bounds: [west, south, east, north]`). Smooth
 * scales are sampled into a 2,048-entry table over their range (0.006 °C per entry for a ±6 °C
 * scale), so a million cells take a few milliseconds.
 */
export function gridImage(field: Field, step: number, coloring: GridColoring): GridImage {
  const grid = field.grid;
  if (!grid) throw new Error('gridImage needs a grid field (field.grid is missing)');
  const cells = grid.columns * grid.rows;
  const s = Math.min(Math.max(0, Math.floor(step)), field.steps - 1);
  const values = field.values.subarray(s * cells, (s + 1) * cells);
  const data = new Uint8ClampedArray(cells * 4);
  const colorOf = painter(coloring);
  for (let i = 0; i < cells; i++) {
    const c = colorOf(values[i]!);
    data[i * 4] = c[0];
    data[i * 4 + 1] = c[1];
    data[i * 4 + 2] = c[2];
    data[i * 4 + 3] = c[3];
  }
  return { width: grid.columns, height: grid.rows, data, bounds: [...grid.bounds] };
}

function painter(coloring: GridColoring): (value: number) => Rgba {
  if ('legend' in coloring) {
    const { legend } = coloring;
    return (v) => (Number.isNaN(v) ? CLEAR : colorFor(legend, v));
  }
  const { stops } = coloring;
  const lo = stops[0]![0];
  const hi = stops.at(-1)![0];
  const size = 2048;
  const table = Array.from({ length: size }, (_, k) => rampColor(stops, lo + ((hi - lo) * k) / (size - 1)));
  return (v) =>
    Number.isNaN(v)
      ? CLEAR
      : table[Math.round(((Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo)) * (size - 1))]!;
}

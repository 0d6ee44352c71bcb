/**
 * Building "styles" of the three kinds of townscape in the sample, and the attribute rules per style.
 * Kept apart from the placement code so the numbers are easy to review.
 */
import type { Prng } from './prng.ts';
import type { RoofType } from './utrecht-layout.ts';

export type Style = 'old' | 'belt' | 'modern';

export interface StyleRules {
  /** Frontage width along the street (m). */
  frontage: [number, number];
  /** Depth away from the street (m). */
  depth: [number, number];
  /** Distance from the street corridor's edge to the facade (m). */
  setback: [number, number];
  /** Gap to the next parcel along the street (m); 0.3 m reads as a terrace of separate houses. */
  gap: [number, number];
  /** Height above ground (m) of street-front buildings. */
  height: [number, number];
  /** Height of back/yard buildings found by the interior fill. */
  backHeight: [number, number];
  /** Size range of interior (back) buildings (m). */
  backSize: [number, number];
  /** Chance per interior grid point of trying a back building. */
  backChance: number;
  roofs: (readonly [RoofType, number])[];
  years: (readonly [[number, number], number])[];
}

export const RULES: Record<Style, StyleRules> = {
  // Medieval core: narrow, deep canal houses, mostly gabled (occasionally two plots merged).
  old: {
    frontage: [8.5, 16],
    depth: [12, 22],
    setback: [0.3, 0.8],
    gap: [0.3, 0.3],
    height: [8, 17],
    backHeight: [6, 9],
    backSize: [6, 12],
    backChance: 0.03,
    roofs: [
      ['slanted', 0.74],
      ['multiple horizontal', 0.12],
      ['single horizontal', 0.1],
      ['horizontal', 0.04],
    ],
    years: [
      [[1300, 1649], 0.14],
      [[1650, 1849], 0.34],
      [[1850, 1939], 0.36],
      [[1940, 2022], 0.16],
    ],
  },
  // 19th/early-20th-century belt outside the singel: terraces of brick houses (one footprint per terrace
  // block rather than per house, to keep the sample small).
  belt: {
    frontage: [32, 58],
    depth: [10, 14],
    setback: [1.5, 4],
    gap: [0.3, 0.3],
    height: [7, 13],
    backHeight: [6, 7],
    backSize: [6, 10],
    backChance: 0.015,
    roofs: [
      ['slanted', 0.62],
      ['single horizontal', 0.2],
      ['horizontal', 0.08],
      ['multiple horizontal', 0.1],
    ],
    years: [
      [[1870, 1939], 0.78],
      [[1940, 2022], 0.22],
    ],
  },
  // Station and Jaarbeurs area: offices and housing blocks.
  modern: {
    frontage: [26, 60],
    depth: [16, 34],
    setback: [4, 9],
    gap: [8, 20],
    height: [12, 25],
    backHeight: [9, 16],
    backSize: [16, 32],
    backChance: 0.02,
    roofs: [
      ['horizontal', 0.45],
      ['multiple horizontal', 0.45],
      ['single horizontal', 0.1],
    ],
    years: [
      [[1955, 1989], 0.45],
      [[1990, 2023], 0.55],
    ],
  },
};

export interface BuildingAttributes {
  year: number;
  height: number;
  roof: RoofType;
  floors: number;
}

/** Attributes of one generated building; `back` marks yard/interior buildings (lower, flat-roofed). */
export function attributesFor(style: Style, back: boolean, rng: Prng): BuildingAttributes {
  const r = RULES[style];
  const [y0, y1] = rng.weighted(r.years);
  const year = rng.int(y0, y1);
  const [h0, h1] = back ? r.backHeight : r.height;
  // Clamp to the 6–25 m band the sample promises for ordinary buildings.
  const height = Math.min(25, Math.max(6, Math.round(rng.range(h0, h1) * 10) / 10));
  const roof: RoofType = back ? (rng.chance(0.7) ? 'single horizontal' : 'slanted') : rng.weighted(r.roofs);
  // Gabled roofs hold about one storey less than a box of the same ridge height.
  const effective = roof === 'slanted' ? height - 3 : height;
  const floors = Math.max(1, Math.round(effective / 3.1));
  return { year, height, roof, floors };
}

/** Ground level in metres NAP: a low rise around the Dom (~4.5 m) falling to ~2.2 m at the edges. */
export function groundLevel(x: number, y: number, rng: Prng): number {
  const d2 = (x * x + y * y) / (750 * 750);
  const h = 2.2 + 2.4 * Math.exp(-d2) + rng.range(-0.15, 0.15);
  return Math.round(h * 100) / 100;
}

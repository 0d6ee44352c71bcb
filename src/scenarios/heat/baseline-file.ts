import { z } from 'zod';

/**
 * The heat model's baseline file (public/data/heat/utrecht-centre-heat.json): the grid, building
 * footprints with heights, ground cover shapes and trees, as compact vectors that the worker
 * burns into rasters at run time (a JSON of footprints is ~10× smaller than the rasters it makes,
 * diffs readably, and keeps building ids for green roofs).
 *
 * Coordinates and lengths are whole decimetres in the grid frame: x east of the grid's west edge,
 * y north of its south edge (see grid.ts). Rings are flat [x0, y0, x1, y1, …], not closed.
 */
export const HEAT_BASELINE_FORMAT = 'tweeling-heat-baseline';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids use lower-case letters, digits and dashes');

/**
 * Long number lists are checked in one pass (the engine validates the baseline on every run, and
 * per-element schemas would cost tens of milliseconds for the sample's 40,000 numbers).
 */
function integers(minimumLength: number, message: string) {
  return z.custom<number[]>(
    (v) => Array.isArray(v) && v.length >= minimumLength && v.length % 2 === 0 && v.every(Number.isInteger),
    { message },
  );
}
const flatRing = integers(6, 'a ring lists at least 3 points as whole-decimetre x, y pairs');
const flatLine = integers(4, 'a line lists at least 2 points as whole-decimetre x, y pairs');

export const GROUND_COVERS = ['paved', 'green', 'water', 'rail'] as const;
export type GroundCover = (typeof GROUND_COVERS)[number];

const groundShape = z.union([
  z
    .object({ cover: z.enum(GROUND_COVERS), name: z.string().optional(), rings: z.array(flatRing).min(1) })
    .strict(),
  z
    .object({
      cover: z.enum(GROUND_COVERS),
      name: z.string().optional(),
      line: flatLine,
      /** Full corridor width (dm). */
      width: z.number().int().positive(),
    })
    .strict(),
]);
export type GroundShape = z.infer<typeof groundShape>;

export const heatBaselineSchema = z
  .object({
    format: z.literal(HEAT_BASELINE_FORMAT),
    version: z.literal(1),
    meta: z
      .object({
        id,
        title: z.string(),
        sample: z.boolean(),
        note: z.string(),
        licence: z.string(),
        generator: z.string(),
      })
      .strict(),
    grid: z
      .object({
        west: z.number().min(-180).max(180),
        south: z.number().min(-90).max(90),
        cellSize: z.number().min(0.5).max(10),
        columns: z.number().int().min(1).max(5000),
        rows: z.number().int().min(1).max(5000),
      })
      .strict()
      .refine((g) => g.columns * g.rows <= 4_000_000, 'at most 4 million cells'),
    buildings: z
      .object({
        ids: z.array(z.string().min(1)),
        /** Height above the ground (dm). */
        heights: z.custom<number[]>(
          (v) => Array.isArray(v) && v.every((h) => Number.isInteger(h) && h >= 0),
          {
            message: 'heights are whole decimetres, 0 or more',
          },
        ),
        /** 1 when people live or work there (a home for the cool-place distance), 0 for a church or hall. */
        homes: z.custom<(0 | 1)[]>((v) => Array.isArray(v) && v.every((h) => h === 0 || h === 1), {
          message: 'homes are 0 or 1 per building',
        }),
        rings: z.array(flatRing),
      })
      .strict()
      .refine(
        (b) =>
          b.heights.length === b.ids.length &&
          b.homes.length === b.ids.length &&
          b.rings.length === b.ids.length,
        'ids, heights, homes and rings must have the same length',
      ),
    /** Ground cover painted in order over a paved default (later shapes win); buildings go on top. */
    ground: z.array(groundShape),
    /** Trees as [x, y, crown diameter, height] quadruples (dm). */
    trees: z.custom<number[]>((v) => Array.isArray(v) && v.length % 4 === 0 && v.every(Number.isInteger), {
      message: 'trees are listed as whole-decimetre x, y, crown diameter, height quadruples',
    }),
  })
  .strict();

export type HeatBaseline = z.infer<typeof heatBaselineSchema>;

/** Decimetres → metres for a flat coordinate list. */
export function toMetres(values: readonly number[]): number[] {
  return values.map((v) => v / 10);
}

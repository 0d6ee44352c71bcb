import { z } from 'zod';

/**
 * The `heat-greening` scenario's changes and run settings. Positions are WGS84 [lon, lat] in
 * degrees (short and shareable); the worker converts them to the grid. Lengths are metres.
 */
const lonLat = z.tuple([
  z.number().min(-180, 'longitude must be −180…180').max(180, 'longitude must be −180…180'),
  z.number().min(-90, 'latitude must be −90…90').max(90, 'latitude must be −90…90'),
]);
export type LonLat = z.infer<typeof lonLat>;

/** An outline of 3–500 points; repeating the first point at the end is allowed. */
const polygon = z.array(lonLat).min(3, 'a polygon needs at least 3 points').max(500, 'at most 500 points');

const treeHeight = z
  .number()
  .positive('a tree height must be more than 0 m')
  .max(50, 'a tree height must be at most 50 m');
const crownDiameter = z
  .number()
  .min(1, 'a crown diameter must be at least 1 m')
  .max(30, 'a crown diameter must be at most 30 m');

/** Defaults for a young-to-mature street tree (crown 8 m, 10 m tall); not written into files. */
export const TREE_DEFAULTS = { crownDiameter: 8, height: 10, spacing: 8 } as const;

const trees = z
  .object({
    type: z.literal('trees'),
    points: z.array(lonLat).min(1, 'needs at least one tree').max(2000, 'at most 2,000 trees'),
    crownDiameter: crownDiameter.optional(),
    height: treeHeight.optional(),
  })
  .strict();

const treeRow = z
  .object({
    type: z.literal('tree-row'),
    line: z.array(lonLat).min(2, 'a row needs at least 2 points').max(500, 'at most 500 points'),
    /** Distance between trees along the line (m). */
    spacing: z.number().min(2, 'trees must be at least 2 m apart').max(100, 'at most 100 m apart').optional(),
    crownDiameter: crownDiameter.optional(),
    height: treeHeight.optional(),
  })
  .strict();

const depave = z.object({ type: z.literal('depave'), polygon }).strict();
const water = z.object({ type: z.literal('water'), polygon }).strict();

const greenRoof = z
  .object({
    type: z.literal('green-roof'),
    polygon: polygon.optional(),
    buildingId: z.string().min(1).optional(),
  })
  .strict()
  .refine((c) => (c.polygon === undefined) !== (c.buildingId === undefined), {
    message: 'give either a polygon or a buildingId',
  });

const building = z
  .object({
    type: z.literal('building'),
    polygon,
    height: z
      .number()
      .min(1, 'a building must be at least 1 m tall')
      .max(300, 'a building must be at most 300 m tall'),
  })
  .strict();

export const heatChangeSchema = z.discriminatedUnion('type', [
  trees,
  treeRow,
  depave,
  greenRoof,
  water,
  building,
]);
export type HeatChange = z.infer<typeof heatChangeSchema>;

const weather = z
  .object({
    airTemperature: z.number().min(-30).max(50),
    relativeHumidity: z.number().min(1, 'must be 1–100 %').max(100, 'must be 1–100 %'),
    windSpeed: z.number().min(0).max(40),
    windDirection: z.number().min(0).max(360).optional(),
    globalRadiation: z.number().min(0).max(1400).optional(),
    diffuseRadiation: z.number().min(0).max(1400).optional(),
    minTemperature: z.number().min(-40).max(50).optional(),
    maxTemperature: z.number().min(-30).max(55).optional(),
  })
  .strict();

export const heatRunSchema = z
  .object({
    /** The day (default 2015-07-01, the reference hot day of the national map). */
    date: z.iso.date('must be a date YYYY-MM-DD').optional(),
    /** The hourly mean from this local hour (0…23) to the next, or the mean of 12:00–18:00 like the national map (default). */
    hour: z
      .union([z.number().int().min(0).max(23), z.literal('afternoon')], {
        error: 'must be a whole hour 0…23 or "afternoon"',
      })
      .optional(),
    /** Station weather for every modelled hour, instead of the reference hot day's. */
    weather: weather.optional(),
  })
  .strict();
export type HeatRun = z.infer<typeof heatRunSchema>;

import { z } from 'zod';
import { amsterdamParts } from '../../time/amsterdam.ts';

/** The sample file's shape (public/data/layers/crowd-sample.json), validated on load. */
const profileSchema = z.object({
  weekday: z.array(z.number().min(0)).length(24),
  weekend: z.number().positive(),
});

export const crowdFileSchema = z.object({
  meta: z.object({
    sample: z.boolean(),
    unit: z.string(),
    licence: z.string(),
    created: z.string(),
    annualGrowth: z.number(),
    baseYear: z.number().int(),
  }),
  profiles: z.record(z.string(), profileSchema),
  points: z
    .array(
      z.object({
        id: z.string(),
        name: z.string(),
        lon: z.number().min(-180).max(180),
        lat: z.number().min(-90).max(90),
        peak: z.number().positive(),
        profile: z.string(),
      }),
    )
    .min(1),
});

export type CrowdFile = z.infer<typeof crowdFileSchema>;
export type CrowdPoint = CrowdFile['points'][number];

/** A counting point ready to draw: its position in the overlay frame and its count at app time. */
export interface CrowdFeature {
  point: CrowdPoint;
  /** ENU metres in the overlay frame. */
  position: [number, number, number];
  /** Passers-by per hour at the app time. */
  count: number;
}

export function parseCrowdFile(raw: unknown): CrowdFile {
  const file = crowdFileSchema.parse(raw);
  for (const point of file.points) {
    if (!file.profiles[point.profile]) throw new Error(`unknown profile "${point.profile}" at ${point.id}`);
  }
  return file;
}

/**
 * Passers-by per hour at a point at a moment (Amsterdam time): its daily peak × the share of the
 * peak its profile gives for that hour (× the weekend factor on Saturdays and Sundays), grown by
 * the file's yearly growth after its base year (for planning horizons).
 */
export function countAt(file: CrowdFile, point: CrowdPoint, time: number): number {
  const profile = file.profiles[point.profile]!;
  const wall = amsterdamParts(time);
  const weekend = wall.weekday === 0 || wall.weekday === 6 ? profile.weekend : 1;
  const years = Math.max(0, wall.year - file.meta.baseYear);
  const growth = (1 + file.meta.annualGrowth) ** years;
  return Math.round(point.peak * profile.weekday[wall.hour]! * weekend * growth);
}

/**
 * Telraam API v1 shapes (HIGH for endpoints and field names, from two client codebases and a
 * real snapshot sample) and the static export file this app reads by default.
 */
import { z } from 'zod';
import { parseTimestamp, toIsoTimestamp } from '../../time/timestamp.ts';
import { geometrySchema } from '../ogc-features/schema.ts';

/**
 * Telraam's timestamps ("2023-12-10 04:00:00+00:00") as canonical ISO, so that everything after
 * the schema can use Date.parse in any browser; one that does not parse becomes null (no data).
 */
const timestamp = z
  .string()
  .nullable()
  .optional()
  .transform((v) => (typeof v === 'string' ? (toIsoTimestamp(v) ?? null) : v));

/** Snapshot counts are numbers, or "" when a segment has no recent data; tolerate numeric strings. */
const count = z
  .union([z.number(), z.string(), z.null()])
  .optional()
  .transform((v) => {
    if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
    if (typeof v === 'string' && v.trim() !== '') {
      const n = Number(v);
      return Number.isFinite(n) ? n : undefined;
    }
    return undefined;
  });

export const snapshotPropertiesSchema = z.looseObject({
  segment_id: z.union([z.number(), z.string()]).transform((v) => String(v)),
  last_data_package: timestamp,
  timezone: z.string().nullable().optional(),
  date: timestamp,
  period: z.string().nullable().optional(),
  uptime: count,
  heavy: count,
  car: count,
  bike: count,
  pedestrian: count,
  v85: count,
});

export const snapshotSchema = z.looseObject({
  status_code: z.number().optional(),
  message: z.string().optional(),
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.looseObject({
      type: z.literal('Feature'),
      geometry: geometrySchema.nullable(),
      properties: snapshotPropertiesSchema,
    }),
  ),
});

export const reportRecordSchema = z.looseObject({
  instance_id: z.number().optional(),
  segment_id: z.union([z.number(), z.string()]).transform((v) => String(v)),
  date: z.string().transform((v, ctx) => {
    const iso = toIsoTimestamp(v);
    if (iso === undefined) ctx.addIssue({ code: 'custom', message: 'not a timestamp with a time zone' });
    return iso ?? v;
  }),
  interval: z.string().optional(),
  uptime: z.number(),
  heavy: z.number(),
  car: z.number(),
  bike: z.number(),
  pedestrian: z.number(),
  v85: z.number().nullable().optional(),
  bike_lft: z.number().optional(),
  bike_rgt: z.number().optional(),
  car_lft: z.number().optional(),
  car_rgt: z.number().optional(),
});

export const reportSchema = z.looseObject({
  status_code: z.number().optional(),
  message: z.string().optional(),
  report: z.array(reportRecordSchema),
});

/** The file `scripts/` writes on a server with the key, and the browser reads without one. */
export const EXPORT_FORMAT = 'tweeling-telraam-export';

export const exportSchema = z.looseObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(1),
  generatedAt: z.string().refine((s) => parseTimestamp(s) !== undefined, { message: 'not an ISO date' }),
  snapshot: snapshotSchema,
  /** Raw report records per segment id. */
  reports: z.record(z.string(), z.array(reportRecordSchema)).optional(),
});

export type SnapshotResponse = z.infer<typeof snapshotSchema>;
export type ReportRecord = z.infer<typeof reportRecordSchema>;
export type TelraamExport = z.infer<typeof exportSchema>;
export type TelraamExportInput = z.input<typeof exportSchema>;

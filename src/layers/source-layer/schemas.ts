/**
 * Zod schemas for the snapshot files' data: the typed output of the src/sources loaders, written
 * by `npm run snapshots`. They mirror those types, so a snapshot that no longer fits fails loudly.
 */
import { z } from 'zod';
import type { Buurt } from '../../sources/ogc-features/cbs-wijkenbuurten.ts';
import type { BgtTree } from '../../sources/ogc-features/pdok-bgt.ts';
import { geometrySchema } from '../../sources/ogc-features/schema.ts';
import type { AirSensor } from '../../sources/samen-meten/index.ts';
import type { TelraamSegment } from '../../sources/telraam/index.ts';

const lonLat = z.tuple([z.number(), z.number()]);

export const airSensorsSchema: z.ZodType<AirSensor[]> = z.array(
  z.object({
    sensorId: z.string(),
    name: z.string(),
    lon: z.number(),
    lat: z.number(),
    datastreams: z.array(
      z.object({ id: z.string(), observedProperty: z.string(), unit: z.string().optional() }),
    ),
    latest: z.object({ time: z.string(), value: z.number(), observedProperty: z.string() }).optional(),
    properties: z.record(z.string(), z.unknown()),
  }),
);

export const treesSchema: z.ZodType<BgtTree[]> = z.array(
  z.object({ id: z.string(), lon: z.number(), lat: z.number() }),
);

export const buurtenSchema: z.ZodType<Buurt[]> = z.array(
  z.object({
    buurtcode: z.string(),
    buurtnaam: z.string().optional(),
    wijkcode: z.string().optional(),
    gemeentecode: z.string().optional(),
    stats: z.record(z.string(), z.number().nullable()),
    geometry: geometrySchema.nullable(),
  }),
);

const counts = z.object({
  date: z.string().optional(),
  period: z.string().optional(),
  uptime: z.number(),
  car: z.number().optional(),
  bike: z.number().optional(),
  pedestrian: z.number().optional(),
  heavy: z.number().optional(),
  v85: z.number().optional(),
});

export const telraamSchema: z.ZodType<TelraamSegment[]> = z.array(
  z.object({
    segmentId: z.string(),
    lines: z.array(z.array(lonLat)),
    lastDataPackage: z.string().optional(),
    latest: counts.optional(),
  }),
);

/**
 * GeoJSON as served by OGC API Features (PDOK). Geometry is validated per type so that a broken
 * coordinate array fails with a path like `features[3].geometry.coordinates`.
 */
import { z } from 'zod';
import { linkSchema } from '../ogc/links.ts';

const position = z.array(z.number()).min(2);
const line = z.array(position).min(2);
const ring = z.array(position).min(4);

export const geometrySchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('Point'), coordinates: position }),
  z.looseObject({ type: z.literal('MultiPoint'), coordinates: z.array(position) }),
  z.looseObject({ type: z.literal('LineString'), coordinates: line }),
  z.looseObject({ type: z.literal('MultiLineString'), coordinates: z.array(line) }),
  z.looseObject({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
  z.looseObject({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)) }),
]);

export type Geometry = z.infer<typeof geometrySchema>;

export function featureSchema<P extends z.ZodType>(properties: P) {
  return z.looseObject({
    type: z.literal('Feature'),
    id: z.union([z.string(), z.number()]).optional(),
    // OGC allows null geometry and null properties.
    geometry: geometrySchema.nullable(),
    properties: z.preprocess((v) => v ?? {}, properties),
  });
}

export function featureCollectionSchema<P extends z.ZodType>(properties: P) {
  return z.looseObject({
    type: z.literal('FeatureCollection'),
    features: z.array(featureSchema(properties)),
    links: z.array(linkSchema).optional(),
    numberReturned: z.number().int().nonnegative().optional(),
    numberMatched: z.number().int().nonnegative().optional(),
    timeStamp: z.string().optional(),
  });
}

/** Properties we do not model: any JSON object. */
export const anyProperties = z.record(z.string(), z.unknown());

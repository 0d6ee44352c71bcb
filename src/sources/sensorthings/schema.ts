/**
 * OGC SensorThings API v1.0 entities, as far as the twin reads them. Everything is loose: servers
 * (FROST and others) add fields, and expanded navigation properties appear only when asked for.
 */
import { z } from 'zod';

export const iotId = z.union([z.number(), z.string()]);

const position = z.array(z.number()).min(2);
const pointGeometry = z.looseObject({ type: z.literal('Point'), coordinates: position });

/** `location` is GeoJSON: a bare geometry or a Feature wrapping one. Non-point shapes are kept unparsed. */
export const locationSchema = z.looseObject({
  '@iot.id': iotId.optional(),
  name: z.string().optional(),
  encodingType: z.string().optional(),
  location: z.union([
    pointGeometry,
    z.looseObject({ type: z.literal('Feature'), geometry: pointGeometry }),
    z.looseObject({ type: z.string() }),
  ]),
});

export const observedPropertySchema = z.looseObject({ name: z.string(), definition: z.string().optional() });

export const datastreamSchema = z.looseObject({
  '@iot.id': iotId,
  name: z.string(),
  description: z.string().optional(),
  unitOfMeasurement: z
    .looseObject({
      name: z.string().nullable().optional(),
      symbol: z.string().nullable().optional(),
      definition: z.string().nullable().optional(),
    })
    .nullable()
    .optional(),
  ObservedProperty: observedPropertySchema.optional(),
});

export const thingSchema = z.looseObject({
  '@iot.id': iotId,
  name: z.string(),
  description: z.string().optional(),
  properties: z.record(z.string(), z.unknown()).nullable().optional(),
  Locations: z.array(locationSchema).optional(),
  Datastreams: z.array(datastreamSchema).optional(),
  /** Where the related entities are when they were not expanded (the server ignored `$expand`). */
  'Locations@iot.navigationLink': z.string().optional(),
  'Datastreams@iot.navigationLink': z.string().optional(),
  /** The next page of an expanded list (servers page expanded entities too, e.g. FROST at 100). */
  'Locations@iot.nextLink': z.string().optional(),
  'Datastreams@iot.nextLink': z.string().optional(),
});

export const observationSchema = z.looseObject({
  '@iot.id': iotId.optional(),
  phenomenonTime: z.string(),
  resultTime: z.string().nullable().optional(),
  result: z.unknown(),
});

export function collectionSchema<T extends z.ZodType>(item: T) {
  return z.looseObject({
    value: z.array(item),
    '@iot.nextLink': z.string().optional(),
    '@iot.count': z.number().optional(),
  });
}

export type Thing = z.infer<typeof thingSchema>;
export type Datastream = z.infer<typeof datastreamSchema>;
export type Observation = z.infer<typeof observationSchema>;
export type SensorLocation = z.infer<typeof locationSchema>;

/**
 * Zod schemas for the 3DBAG API (CityJSON 2.0 CityJSONFeature wrapped in an OGC-like collection).
 * Top-level keys are HIGH certainty (read from the server code); the inner CityJSON follows the
 * CityJSON 2.0 spec. Vertex indices are range-checked so a broken geometry fails with a path.
 */
import { z } from 'zod';
import { linkSchema } from '../ogc/links.ts';

const index = z.number().int().nonnegative();
const ring = z.array(index).min(3);
const surface = z.array(ring).min(1);

const semanticsSchema = z.looseObject({
  surfaces: z.array(z.looseObject({ type: z.string() })),
  values: z.unknown(),
});

const lod = z.union([z.string(), z.number()]).transform((v) => String(v));

export const solidSchema = z.looseObject({
  type: z.literal('Solid'),
  lod,
  boundaries: z.array(z.array(surface)),
  semantics: semanticsSchema.optional(),
});

export const multiSurfaceSchema = z.looseObject({
  type: z.enum(['MultiSurface', 'CompositeSurface']),
  lod,
  boundaries: z.array(surface),
  semantics: semanticsSchema.optional(),
});

/** Other CityJSON geometry types are kept but not interpreted. */
const otherGeometrySchema = z.looseObject({
  type: z.string().refine((t) => !['Solid', 'MultiSurface', 'CompositeSurface'].includes(t)),
  lod: lod.optional(),
});

export const geometrySchema = z.union([solidSchema, multiSurfaceSchema, otherGeometrySchema]);

export const cityObjectSchema = z.looseObject({
  type: z.string(),
  attributes: z.record(z.string(), z.unknown()).optional(),
  geometry: z.array(geometrySchema).optional(),
  children: z.array(z.string()).optional(),
  parents: z.array(z.string()).optional(),
});

const vertex = z.tuple([z.number(), z.number(), z.number()]);

export const cityJsonFeatureSchema = z
  .looseObject({
    type: z.literal('CityJSONFeature'),
    id: z.string().min(1),
    CityObjects: z.record(z.string(), cityObjectSchema),
    vertices: z.array(vertex),
  })
  .superRefine((feature, ctx) => {
    const n = feature.vertices.length;
    for (const [key, obj] of Object.entries(feature.CityObjects)) {
      (obj.geometry ?? []).forEach((g, gi) => {
        if (!('boundaries' in g)) return;
        const bad = firstBadIndex(g.boundaries, n);
        if (bad !== undefined) {
          ctx.addIssue({
            code: 'custom',
            message: `vertex index ${bad} out of range (${n} vertices)`,
            path: ['CityObjects', key, 'geometry', gi, 'boundaries'],
          });
        }
      });
    }
    if (!(feature.id in feature.CityObjects)) {
      ctx.addIssue({ code: 'custom', message: 'no CityObject with the feature id', path: ['CityObjects'] });
    }
  });

function firstBadIndex(b: unknown, n: number): number | undefined {
  if (typeof b === 'number') return b >= n ? b : undefined;
  if (Array.isArray(b)) {
    for (const x of b) {
      const bad = firstBadIndex(x, n);
      if (bad !== undefined) return bad;
    }
  }
  return undefined;
}

export const transformSchema = z.looseObject({
  scale: z.tuple([z.number(), z.number(), z.number()]),
  translate: z.tuple([z.number(), z.number(), z.number()]),
});

export const metadataSchema = z.looseObject({
  transform: transformSchema,
  referenceSystem: z.string().optional(),
  version: z.string().optional(),
});

export const collectionSchema = z.looseObject({
  type: z.literal('FeatureCollection'),
  numberMatched: z.number().int().nonnegative().optional(),
  numberReturned: z.number().int().nonnegative().optional(),
  links: z.array(linkSchema).optional(),
  metadata: metadataSchema,
  features: z.array(cityJsonFeatureSchema),
});

export const singleItemSchema = z.looseObject({
  id: z.string(),
  metadata: metadataSchema,
  feature: cityJsonFeatureSchema,
  links: z.array(linkSchema).optional(),
});

export type CityJsonFeature = z.infer<typeof cityJsonFeatureSchema>;
export type CityObject = z.infer<typeof cityObjectSchema>;
export type Transform = z.infer<typeof transformSchema>;
export type Solid = z.infer<typeof solidSchema>;
export type MultiSurface = z.infer<typeof multiSurfaceSchema>;

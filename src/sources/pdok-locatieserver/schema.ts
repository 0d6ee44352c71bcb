/**
 * Zod schemas of PDOK Locatieserver v3.1 responses (Solr JSON). Only what we read is required;
 * everything else passes through, because PDOK adds fields over time.
 */
import { z } from 'zod';
import { parseWktPoint } from '../geo.ts';

const wktPoint = z
  .string()
  .refine((s) => parseWktPoint(s) !== undefined, { message: 'not a WKT POINT(x y)' });

export const suggestDocSchema = z.looseObject({
  id: z.string().min(1),
  weergavenaam: z.string(),
  type: z.string().optional(),
  // Tolerated when malformed: a suggestion without a point is still useful (lookup gives the point).
  centroide_ll: z.string().optional(),
  score: z.number().optional(),
});

export const suggestResponseSchema = z.looseObject({
  response: z.looseObject({
    numFound: z.number().int().nonnegative(),
    start: z.number().int().nonnegative().optional(),
    maxScore: z.number().optional(),
    numFoundExact: z.boolean().optional(),
    docs: z.array(suggestDocSchema),
  }),
  highlighting: z.record(z.string(), z.unknown()).optional(),
  spellcheck: z.unknown().optional(),
});

export const lookupDocSchema = z
  .looseObject({
    id: z.string().min(1),
    weergavenaam: z.string(),
    type: z.string().optional(),
    centroide_ll: wktPoint.optional(),
    centroide_rd: wktPoint.optional(),
    straatnaam: z.string().optional(),
    huisnummer: z.number().optional(),
    postcode: z.string().optional(),
    woonplaatsnaam: z.string().optional(),
    gemeentenaam: z.string().optional(),
    buurtcode: z.string().optional(),
    afstand: z.number().optional(),
  })
  // A location without any point is useless to the viewer: reject it with a clear path.
  .refine((d) => d.centroide_ll !== undefined || d.centroide_rd !== undefined, {
    message: 'neither centroide_ll nor centroide_rd present',
    path: ['centroide_ll'],
  });

export const lookupResponseSchema = z.looseObject({
  response: z.looseObject({
    numFound: z.number().int().nonnegative(),
    start: z.number().int().nonnegative().optional(),
    docs: z.array(lookupDocSchema),
  }),
});

export type SuggestResponse = z.infer<typeof suggestResponseSchema>;
export type LookupResponse = z.infer<typeof lookupResponseSchema>;
export type LookupDoc = z.infer<typeof lookupDocSchema>;

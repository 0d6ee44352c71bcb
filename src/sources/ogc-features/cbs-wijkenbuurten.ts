/**
 * CBS wijken en buurten via PDOK's OGC API (one API per year). Statistics are embedded as
 * snake_case properties; CBS writes secret or missing numbers as negative sentinels
 * (-99995…-99999), which we turn into null so they never reach a choropleth as real values.
 */
import { z } from 'zod';
import { endpoints } from '../../config/endpoints.ts';
import type { HttpClient } from '../http/client.ts';
import type { SourceResult } from '../provenance.ts';
import type { LoadOptions } from '../types.ts';
import { createOgcFeaturesClient } from './client.ts';
import { geometrySchema } from './schema.ts';

export const CBS_SOURCE_ID = 'cbs-wijkenbuurten';

export const buurtProperties = z.looseObject({
  buurtcode: z.string(),
  buurtnaam: z.string().optional(),
  wijkcode: z.string().optional(),
  gemeentecode: z.string().optional(),
});

/** A neighbourhood as the loader returns it; also validates the embedded snapshot. */
export const buurtSchema = z.object({
  buurtcode: z.string(),
  buurtnaam: z.string().optional(),
  wijkcode: z.string().optional(),
  gemeentecode: z.string().optional(),
  /** Every numeric property; sentinels and negatives as null. */
  stats: z.record(z.string(), z.number().nullable()),
  geometry: geometrySchema.nullable(),
});
export type Buurt = z.infer<typeof buurtSchema>;

/** Negative values are CBS sentinels for "secret" or "unknown" (MED: documented for -99995…-99999). */
export function cbsNumber(v: number): number | null {
  return v < 0 ? null : v;
}

export function createCbsWijkenBuurten(options: { baseUrl?: string; http?: HttpClient } = {}) {
  const client = createOgcFeaturesClient({
    sourceId: CBS_SOURCE_ID,
    baseUrl: options.baseUrl ?? endpoints.cbsWijkenBuurten,
    policy: { ttlMs: 7 * 24 * 3_600_000 },
    ...(options.http ? { http: options.http } : {}),
  });
  return {
    /** All buurten of a municipality (Utrecht = GM0344). */
    async buurten(gemeentecode = 'GM0344', opts: LoadOptions = {}): Promise<SourceResult<Buurt[]>> {
      const r = await client.items('buurten', {
        ...opts,
        properties: buurtProperties,
        params: { gemeentecode },
        limit: 1000,
      });
      const buurten = r.data.features.map((f): Buurt => {
        const stats: Record<string, number | null> = {};
        for (const [key, value] of Object.entries(f.properties)) {
          if (typeof value === 'number') stats[key] = cbsNumber(value);
        }
        const b: Buurt = { buurtcode: f.properties.buurtcode, stats, geometry: f.geometry };
        if (f.properties.buurtnaam !== undefined) b.buurtnaam = f.properties.buurtnaam;
        if (f.properties.wijkcode !== undefined) b.wijkcode = f.properties.wijkcode;
        if (f.properties.gemeentecode !== undefined) b.gemeentecode = f.properties.gemeentecode;
        return b;
      });
      return { ...r, data: buurten };
    },
  };
}

/**
 * BAG panden from PDOK's OGC API (v2). Field names are MED certainty (from WFS samples and client
 * code), so every property is optional except `identificatie`.
 */
import { z } from 'zod';
import { endpoints } from '../../config/endpoints.ts';
import type { HttpClient } from '../http/client.ts';
import type { SourceResult } from '../provenance.ts';
import type { BBox, LoadOptions } from '../types.ts';
import { createOgcFeaturesClient, type FeatureSet } from './client.ts';

export const BAG_SOURCE_ID = 'pdok-bag';

export const bagPandProperties = z.looseObject({
  // Seen as a string; accept a number too (leading zeros would be lost, so pad to 16).
  identificatie: z.union([z.string(), z.number()]).transform((v) => String(v).padStart(16, '0')),
  bouwjaar: z.number().int().nullable().optional(),
  status: z.string().nullable().optional(),
  gebruiksdoel: z.string().nullable().optional(),
  oppervlakte_min: z.number().nullable().optional(),
  oppervlakte_max: z.number().nullable().optional(),
  aantal_verblijfsobjecten: z.number().int().nullable().optional(),
});

export type BagPandProperties = z.infer<typeof bagPandProperties>;

export interface BagOptions extends LoadOptions {
  limit?: number;
  maxFeatures?: number;
}

export function createPdokBag(options: { baseUrl?: string; http?: HttpClient } = {}) {
  const client = createOgcFeaturesClient({
    sourceId: BAG_SOURCE_ID,
    baseUrl: options.baseUrl ?? endpoints.pdokBagOgc,
    ...(options.http ? { http: options.http } : {}),
  });
  return {
    /** Panden in a WGS84 bbox. */
    panden(bbox: BBox, opts: BagOptions = {}): Promise<SourceResult<FeatureSet<BagPandProperties>>> {
      return client.items('pand', { ...opts, bbox, properties: bagPandProperties });
    },
  };
}

/** `gebruiksdoel` is a comma-separated list in BAG ("woonfunctie,winkelfunctie"). */
export function splitGebruiksdoel(value: string | null | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

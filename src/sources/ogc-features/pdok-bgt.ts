/**
 * BGT collections from PDOK's OGC API: tree points and three area layers. The property names of
 * BGT in the OGC API were not seen (MED/LOW), so properties are kept as an open record and only a
 * best-effort `kind` is derived; the geometry is what the layers rely on.
 */

import { endpoints } from '../../config/endpoints.ts';
import type { HttpClient } from '../http/client.ts';
import type { SourceResult } from '../provenance.ts';
import type { BBox, LoadOptions, LonLat } from '../types.ts';
import { createOgcFeaturesClient, type CrsName, type FeatureSet } from './client.ts';
import { anyProperties } from './schema.ts';
import { z } from 'zod';

export const BGT_SOURCE_ID = 'pdok-bgt';

export type BgtAreaCollection = 'begroeidterreindeel' | 'wegdeel' | 'waterdeel';

/** A tree point as the loader returns it; also validates the embedded snapshot. */
export const bgtTreeSchema = z.object({ id: z.string(), lon: z.number(), lat: z.number() });
export type BgtTree = z.infer<typeof bgtTreeSchema>;

export interface BgtArea {
  id: string;
  collection: BgtAreaCollection;
  /** e.g. "grasland overig", "rijbaan lokale weg", "watergang", when a known field is present. */
  kind?: string;
  properties: Record<string, unknown>;
  geometry: FeatureSet<unknown>['features'][number]['geometry'];
}

export interface BgtOptions extends LoadOptions {
  /** CRS of the bbox: RD New is convenient for the city grid. Default CRS84. */
  bboxCrs?: CrsName;
  limit?: number;
  maxFeatures?: number;
}

// Candidate field names for the feature's class, most specific first (unverified against PDOK).
const KIND_FIELDS = ['fysiek_voorkomen', 'fysiekvoorkomen', 'functie', 'type', 'plus_type', 'class'];

function kindOf(p: Record<string, unknown>): string | undefined {
  for (const key of KIND_FIELDS) {
    const v = p[key];
    if (typeof v === 'string' && v.trim() !== '') return v;
  }
  return undefined;
}

export function createPdokBgt(options: { baseUrl?: string; http?: HttpClient } = {}) {
  const client = createOgcFeaturesClient({
    sourceId: BGT_SOURCE_ID,
    baseUrl: options.baseUrl ?? endpoints.pdokBgtOgc,
    ...(options.http ? { http: options.http } : {}),
  });

  function idOf(f: { id?: string | number; properties: Record<string, unknown> }, i: number): string {
    const lokaal = f.properties.lokaal_id ?? f.properties.lokaalid ?? f.properties.identificatie;
    return String(f.id ?? lokaal ?? i);
  }

  return {
    /** Tree positions (`vegetatieobject_punt`): position only, no species or height in the BGT. */
    async trees(bbox: BBox, opts: BgtOptions = {}): Promise<SourceResult<BgtTree[]>> {
      const r = await client.items('vegetatieobject_punt', { ...opts, bbox, properties: anyProperties });
      const trees = r.data.features.flatMap((f, i): BgtTree[] => {
        if (f.geometry?.type !== 'Point') return [];
        const [lon, lat] = f.geometry.coordinates as LonLat;
        return [{ id: idOf(f, i), lon, lat }];
      });
      return { ...r, data: trees };
    },

    async areas(
      collection: BgtAreaCollection,
      bbox: BBox,
      opts: BgtOptions = {},
    ): Promise<SourceResult<BgtArea[]>> {
      const r = await client.items(collection, { ...opts, bbox, properties: anyProperties });
      const areas = r.data.features.map((f, i): BgtArea => {
        const area: BgtArea = { id: idOf(f, i), collection, properties: f.properties, geometry: f.geometry };
        const kind = kindOf(f.properties);
        if (kind) area.kind = kind;
        return area;
      });
      return { ...r, data: areas };
    },
  };
}

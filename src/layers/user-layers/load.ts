/**
 * Loads a user layer through the shared fetch wrapper (timeouts, retries, size cap, zod), so its
 * failures come back as SourceErrors the panel can word like any other source's. The source id
 * is the URL's host, which is what the messages then name.
 */
import { z } from 'zod';
import { INPUT_LIMITS } from '../../config/input-limits.ts';
import { assertPositionsWithin, assertPositionsWithinText } from '../../sources/http/limits.ts';
import {
  crsFromMember,
  crsFromUrl,
  decideCrs,
  mapGeometry,
  rdPositionToLonLat,
  type CrsDecision,
} from '../../sources/ogc-features/crs.ts';
import { getDefaultHttpClient, type HttpClient } from '../../sources/http/client.ts';
import { createOgcFeaturesClient, type OgcFeature } from '../../sources/ogc-features/client.ts';
import { anyProperties, featureCollectionSchema, type Geometry } from '../../sources/ogc-features/schema.ts';
import { toResult, type SourceResult } from '../../sources/provenance.ts';
import { parseCapabilitiesLayers } from '../../sources/klimaateffectatlas/index.ts';
import { createSensorThingsClient, locationLonLat } from '../../sources/sensorthings/client.ts';
import { safeDecode, type UserLayerKind } from './detect.ts';

export interface UserFeature {
  properties: Record<string, unknown>;
  /** WGS84 lon/lat. */
  geometry: Geometry;
}

/** More features than a list or a map of one layer can show usefully. */
export const MAX_FEATURES = 5000;

export function userSourceId(url: URL): string {
  return url.host || 'user';
}

const tilesetSchema = z.looseObject({
  asset: z.looseObject({ version: z.string() }),
  root: z.looseObject({ geometricError: z.number() }),
});
const capabilitiesSchema = z.string().refine((text) => /Capabilities/.test(text.slice(0, 2000)), {
  message: 'not an OGC capabilities document',
});

function withGeometry(features: readonly OgcFeature<Record<string, unknown>>[]): UserFeature[] {
  return features.flatMap((f) => (f.geometry ? [{ properties: f.properties, geometry: f.geometry }] : []));
}

/** What a check found that drawing needs: for a WMS, the layer to request. */
export interface UserLayerExtras {
  wmsLayer?: string;
  /** Set when the features came in RD New and were converted to WGS84. */
  convertedFrom?: 'rd';
}

/** A layer that loaded but cannot be placed; the panel says why in its own words. */
export class UnknownCrsError extends Error {
  constructor(readonly declared: string | undefined) {
    super(`coordinates are neither WGS84 nor RD New${declared ? ` (declared: ${declared})` : ''}`);
    this.name = 'UnknownCrsError';
  }
}

/**
 * Features in WGS84 whatever they came in: RD New (by the numbers, a `crs` member or `crs=` in
 * the address) is converted; coordinates that are neither are refused rather than drawn nowhere.
 */
export function toWgs84Features(
  features: UserFeature[],
  declared: ReturnType<typeof crsFromUrl>,
): { features: UserFeature[]; crs: CrsDecision } {
  const crs = decideCrs(
    features.map((f) => f.geometry),
    declared,
  );
  if (crs.crs === 'unknown') throw new UnknownCrsError(crs.declared);
  if (crs.crs === 'wgs84') return { features, crs };
  return {
    features: features.map((f) => ({ ...f, geometry: mapGeometry(f.geometry, rdPositionToLonLat) })),
    crs,
  };
}

/** Features for drawable kinds; an empty list after a successful check for the others. */
export async function loadUserLayer(
  url: URL,
  kind: UserLayerKind,
  signal: AbortSignal,
  http: HttpClient = getDefaultHttpClient(),
): Promise<SourceResult<UserFeature[]> & UserLayerExtras> {
  const sourceId = userSourceId(url);
  const href = url.href;
  switch (kind) {
    case 'geojson': {
      const fetched = await http.request({
        sourceId,
        url: href,
        schema: featureCollectionSchema(anyProperties),
        policy: { maxBytes: INPUT_LIMITS.userGeoJsonBytes },
        // Counted before validating: zod on a million positions alone would freeze the tab.
        precheckText: assertPositionsWithinText,
        precheck: assertPositionsWithin,
        signal,
      });
      const converted = toWgs84Features(
        withGeometry(fetched.data.features.slice(0, MAX_FEATURES)),
        crsFromMember(fetched.data['crs']) ?? crsFromUrl(url),
      );
      const result = toResult(sourceId, [fetched], converted.features);
      return converted.crs.crs === 'rd' ? { ...result, convertedFrom: 'rd' } : result;
    }
    case 'ogc-features': {
      const match = /^(.*)\/collections\/([^/]+)\/items\/?$/.exec(url.origin + url.pathname);
      const client = createOgcFeaturesClient({ sourceId, baseUrl: match?.[1] ?? href, http });
      const params = Object.fromEntries(url.searchParams);
      const r = await client.items(safeDecode(match?.[2] ?? ''), {
        properties: anyProperties,
        maxFeatures: MAX_FEATURES,
        params,
        precheckText: assertPositionsWithinText,
        precheck: assertPositionsWithin,
        signal,
      });
      const converted = toWgs84Features(withGeometry(r.data.features), crsFromUrl(url));
      const result = { ...r, data: converted.features };
      return converted.crs.crs === 'rd' ? { ...result, convertedFrom: 'rd' } : result;
    }
    case 'sensorthings': {
      const base = /^(.*\/v1\.[01])/.exec(url.origin + url.pathname)?.[1] ?? href;
      const client = createSensorThingsClient({ sourceId, baseUrl: base, http });
      const listed = await client.things({ expand: 'Locations' }, { maxItems: MAX_FEATURES, signal });
      const r = { ...listed, data: await client.completeThings(listed.data, { signal }, ['Locations']) };
      const features = r.data.flatMap((thing): UserFeature[] => {
        const point = (thing.Locations ?? []).map(locationLonLat).find((p) => p !== undefined);
        return point
          ? [
              {
                properties: { name: thing.name, ...thing.properties },
                geometry: { type: 'Point', coordinates: point },
              },
            ]
          : [];
      });
      return { ...r, data: features };
    }
    case '3dtiles': {
      const fetched = await http.request({ sourceId, url: href, schema: tilesetSchema, signal });
      return toResult(sourceId, [fetched], []);
    }
    case 'wms':
    case 'wmts': {
      const capabilities = new URL(href);
      if (!capabilities.searchParams.has('request')) {
        capabilities.searchParams.set('service', kind.toUpperCase());
        capabilities.searchParams.set('request', 'GetCapabilities');
      }
      const fetched = await http.request({
        sourceId,
        url: capabilities.href,
        schema: capabilitiesSchema,
        responseType: 'text',
        policy: { maxBytes: INPUT_LIMITS.capabilitiesBytes },
        signal,
      });
      const result = toResult(sourceId, [fetched], [] as UserFeature[]);
      if (kind === 'wmts') return result;
      // The layer named in the address wins; otherwise the first named layer the service offers.
      const named = url.searchParams.get('layers') ?? url.searchParams.get('LAYERS');
      const wmsLayer = named ?? parseCapabilitiesLayers(fetched.data).find((layer) => layer.name)?.name;
      return wmsLayer ? { ...result, wmsLayer } : result;
    }
  }
}

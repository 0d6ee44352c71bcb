/**
 * Loads a user layer through the shared fetch wrapper (timeouts, retries, size cap, zod), so its
 * failures come back as SourceErrors the panel can word like any other source's. The source id
 * is the URL's host, which is what the messages then name.
 */
import { z } from 'zod';
import { getDefaultHttpClient, type HttpClient } from '../../sources/http/client.ts';
import { createOgcFeaturesClient, type OgcFeature } from '../../sources/ogc-features/client.ts';
import { anyProperties, featureCollectionSchema, type Geometry } from '../../sources/ogc-features/schema.ts';
import { toResult, type SourceResult } from '../../sources/provenance.ts';
import { parseCapabilitiesLayers } from '../../sources/klimaateffectatlas/index.ts';
import { createSensorThingsClient, locationLonLat } from '../../sources/sensorthings/client.ts';
import type { UserLayerKind } from './detect.ts';

export interface UserFeature {
  properties: Record<string, unknown>;
  /** WGS84 lon/lat. */
  geometry: Geometry;
}

const MAX_FEATURES = 5000;

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
        signal,
      });
      return toResult(sourceId, [fetched], withGeometry(fetched.data.features.slice(0, MAX_FEATURES)));
    }
    case 'ogc-features': {
      const match = /^(.*)\/collections\/([^/]+)\/items\/?$/.exec(url.origin + url.pathname);
      const client = createOgcFeaturesClient({ sourceId, baseUrl: match?.[1] ?? href, http });
      const params = Object.fromEntries(url.searchParams);
      const r = await client.items(decodeURIComponent(match?.[2] ?? ''), {
        properties: anyProperties,
        maxFeatures: MAX_FEATURES,
        params,
        signal,
      });
      return { ...r, data: withGeometry(r.data.features) };
    }
    case 'sensorthings': {
      const base = /^(.*\/v1\.[01])/.exec(url.origin + url.pathname)?.[1] ?? href;
      const client = createSensorThingsClient({ sourceId, baseUrl: base, http });
      const r = await client.things({ expand: 'Locations' }, { maxItems: MAX_FEATURES, signal });
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

/**
 * A generic OGC API Features client: `items` with bbox (+ bbox-crs), limit and cursor paging via
 * `links rel=next` until done or `maxFeatures`. When a response is requested in RD New it is
 * converted to WGS84 here, so everything leaving `sources/` is lon/lat.
 */
import type { z } from 'zod';
import { INPUT_LIMITS } from '../../config/input-limits.ts';
import { mapGeometry, rdPositionToLonLat } from './crs.ts';
import { getDefaultHttpClient, type HttpClient, type RequestPolicy } from '../http/client.ts';
import { buildUrl, rebaseUrl } from '../http/url.ts';
import { nextLink } from '../ogc/links.ts';
import { collectPages } from '../paging.ts';
import { toResult, type SourceResult } from '../provenance.ts';
import { loadSpec, type BBox, type LoadOptions } from '../types.ts';
import { featureCollectionSchema, type Geometry } from './schema.ts';

export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
export const RD_NEW_URI = 'http://www.opengis.net/def/crs/EPSG/0/28992';

export type CrsName = 'CRS84' | 'EPSG:28992';
const crsUri = (c: CrsName) => (c === 'CRS84' ? CRS84 : RD_NEW_URI);

export interface OgcFeature<P> {
  id?: string | number;
  properties: P;
  /** WGS84 lon/lat, whatever CRS the server answered in. */
  geometry: Geometry | null;
}

export interface FeatureSet<P> {
  features: OgcFeature<P>[];
  numberMatched?: number;
  truncated: boolean;
}

export interface ItemsOptions<P> extends LoadOptions {
  properties: z.ZodType<P>;
  bbox?: BBox;
  /** CRS of `bbox`; default CRS84 (lon/lat). */
  bboxCrs?: CrsName;
  /** CRS to ask the server for; RD answers are converted to WGS84. Default CRS84. */
  crs?: CrsName;
  /** Page size (PDOK allows up to 1000). */
  limit?: number;
  maxFeatures?: number;
  /** Extra query parameters, e.g. property filters like `gemeentecode=GM0344`. */
  params?: Record<string, string>;
  /** A cheap check of each raw page before it is validated (see RequestSpec.precheck). */
  precheck?: (raw: unknown) => void;
  precheckText?: (text: string) => void;
}

export interface OgcFeaturesClient {
  readonly sourceId: string;
  items<P>(collection: string, opts: ItemsOptions<P>): Promise<SourceResult<FeatureSet<P>>>;
}

export interface OgcFeaturesClientOptions {
  sourceId: string;
  baseUrl: string;
  http?: HttpClient;
  policy?: Partial<RequestPolicy>;
}

export function createOgcFeaturesClient(options: OgcFeaturesClientOptions): OgcFeaturesClient {
  const { sourceId, baseUrl } = options;
  const http = options.http ?? getDefaultHttpClient();
  const policy = { ttlMs: 60 * 60_000, maxBytes: INPUT_LIMITS.featurePageBytes, ...options.policy };

  async function items<P>(collection: string, opts: ItemsOptions<P>): Promise<SourceResult<FeatureSet<P>>> {
    const schema = featureCollectionSchema(opts.properties);
    const limit = opts.limit ?? 1000;
    const maxFeatures = opts.maxFeatures ?? 10_000;
    const params: Record<string, string | number | undefined> = { f: 'json', limit, ...opts.params };
    if (opts.bbox) {
      params.bbox = opts.bbox.join(',');
      if (opts.bboxCrs && opts.bboxCrs !== 'CRS84') params['bbox-crs'] = crsUri(opts.bboxCrs);
    }
    if (opts.crs && opts.crs !== 'CRS84') params.crs = crsUri(opts.crs);
    const toWgs84 = opts.crs === 'EPSG:28992';

    const collected = await collectPages({
      firstUrl: buildUrl(baseUrl, `collections/${encodeURIComponent(collection)}/items`, params),
      maxItems: maxFeatures,
      maxPages: Math.ceil(maxFeatures / limit) + 1,
      fetchPage: (url) =>
        http.request({
          sourceId,
          url,
          schema,
          policy,
          ...(opts.precheck ? { precheck: opts.precheck } : {}),
          ...(opts.precheckText ? { precheckText: opts.precheckText } : {}),
          ...loadSpec(opts),
        }),
      items: (page) =>
        page.features.map((f): OgcFeature<P> => {
          const feature: OgcFeature<P> = {
            properties: f.properties as P,
            geometry: f.geometry && toWgs84 ? mapGeometry(f.geometry, rdPositionToLonLat) : f.geometry,
          };
          if (f.id !== undefined) feature.id = f.id;
          return feature;
        }),
      next: (page) => {
        const href = nextLink(page.links);
        return href === undefined ? undefined : rebaseUrl(href, baseUrl, '/collections/');
      },
    });
    const data: FeatureSet<P> = { features: collected.items, truncated: collected.truncated };
    const matched = collected.pages[0]?.data.numberMatched;
    if (matched !== undefined) data.numberMatched = matched;
    return toResult(sourceId, collected.pages, data);
  }

  return { sourceId, items };
}

export { mapGeometry } from './crs.ts';

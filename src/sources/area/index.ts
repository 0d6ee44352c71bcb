/**
 * The area builder's reads: 3DBAG buildings, BGT ground cover and tree points, CBS buurten, each
 * paged through `rel=next`. Unlike the viewer's loaders, a cursor that points back at a page already
 * read is an error here: a baseline built from part of an area must not pass as complete.
 */
import { INPUT_LIMITS } from '../../config/input-limits.ts';
import type { z } from 'zod';
import { getDefaultHttpClient, type HttpClient } from '../http/client.ts';
import { SourceError } from '../http/errors.ts';
import { buildUrl, rebaseUrl } from '../http/url.ts';
import { buurtProperties, cbsNumber } from '../ogc-features/cbs-wijkenbuurten.ts';
import { anyProperties, featureCollectionSchema, type Geometry } from '../ogc-features/schema.ts';
import { nextLink, type Link } from '../ogc/links.ts';
import { collectPages } from '../paging.ts';
import { toResult, type SourceResult } from '../provenance.ts';
import { parseCityJsonFeature, type ThreeDBagBuilding } from '../threedbag/cityjson.ts';
import { collectionSchema } from '../threedbag/schema.ts';
import { loadSpec, type BBox, type LoadOptions } from '../types.ts';
import type { AreaEndpoints } from './endpoints.ts';

export { areaEndpoints, areaEndpointsUnder, type AreaEndpoints } from './endpoints.ts';

export const BGT_GROUND_COLLECTIONS = [
  'wegdeel',
  'ondersteunendwegdeel',
  'onbegroeidterreindeel',
  'begroeidterreindeel',
  'waterdeel',
] as const;
export type BgtGroundCollection = (typeof BGT_GROUND_COLLECTIONS)[number];

export interface AreaFeature {
  id: string;
  properties: Record<string, unknown>;
  geometry: Geometry | null;
}

export interface AreaBuurt {
  code: string;
  name: string;
  /** Residents; null when CBS keeps it secret. */
  population: number | null;
  geometry: Geometry | null;
}

interface PagedRead<P, T> {
  sourceId: string;
  firstUrl: string;
  base: string;
  schema: z.ZodType<P>;
  items: (page: P) => T[];
  links: (page: P) => readonly Link[] | undefined;
  http: HttpClient;
  opts: LoadOptions;
  maxPages: number;
}

async function readAllPages<P, T>(r: PagedRead<P, T>): Promise<SourceResult<T[]>> {
  const seen = new Set<string>([r.firstUrl]);
  const collected = await collectPages({
    firstUrl: r.firstUrl,
    maxItems: Number.MAX_SAFE_INTEGER,
    maxPages: r.maxPages,
    fetchPage: (url) =>
      r.http.request({
        sourceId: r.sourceId,
        url,
        schema: r.schema,
        policy: { maxBytes: INPUT_LIMITS.featurePageBytes },
        ...loadSpec(r.opts),
      }),
    items: r.items,
    next: (page) => {
      const href = nextLink(r.links(page));
      if (href === undefined) return undefined;
      const url = rebaseUrl(href, r.base, '/collections/');
      if (seen.has(url))
        throw new SourceError({
          kind: 'invalid-shape',
          sourceId: r.sourceId,
          url,
          detail: 'the next-page link points back at a page already read (a looping cursor)',
        });
      seen.add(url);
      return url;
    },
  });
  if (collected.truncated)
    throw new SourceError({
      kind: 'too-large',
      sourceId: r.sourceId,
      url: r.firstUrl,
      detail: `more than ${r.maxPages} pages: the area is too large for this source`,
    });
  return toResult(r.sourceId, collected.pages, collected.items);
}

export interface AreaSources {
  buildings(bboxRd: BBox, opts?: LoadOptions): Promise<SourceResult<ThreeDBagBuilding[]>>;
  bgt(
    collection: BgtGroundCollection | 'vegetatieobject_punt',
    bbox: BBox,
    opts?: LoadOptions,
  ): Promise<SourceResult<AreaFeature[]>>;
  buurten(bbox: BBox, opts?: LoadOptions): Promise<SourceResult<AreaBuurt[]>>;
}

export function createAreaSources(
  endpoints: AreaEndpoints,
  http: HttpClient = getDefaultHttpClient(),
): AreaSources {
  const ogcFeatures = (sourceId: string, base: string, collection: string, bbox: BBox, opts: LoadOptions) =>
    readAllPages({
      sourceId,
      base,
      firstUrl: buildUrl(base, `collections/${collection}/items`, {
        f: 'json',
        limit: 1000,
        bbox: bbox.join(','),
      }),
      schema: featureCollectionSchema(anyProperties),
      items: (page) =>
        page.features.map((f, i): AreaFeature => ({
          id: String(f.id ?? f.properties.lokaal_id ?? `${collection}-${i}`),
          properties: f.properties,
          geometry: f.geometry,
        })),
      links: (page) => page.links,
      http,
      opts,
      maxPages: 200,
    });
  return {
    buildings: (bboxRd, opts = {}) =>
      readAllPages({
        sourceId: '3dbag-api',
        base: endpoints.threeDBagApi,
        // The 3DBAG API allows at most 100 per page and rejects any other parameter.
        firstUrl: buildUrl(endpoints.threeDBagApi, 'collections/pand/items', {
          bbox: bboxRd.map((v) => Number(v.toFixed(3))).join(','),
          limit: 100,
        }),
        schema: collectionSchema,
        items: (page) => page.features.map((f) => parseCityJsonFeature(f, page.metadata.transform)),
        links: (page) => page.links,
        http,
        opts,
        maxPages: 400,
      }),
    bgt: (collection, bbox, opts = {}) => ogcFeatures('pdok-bgt', endpoints.pdokBgt, collection, bbox, opts),
    buurten: async (bbox, opts = {}) => {
      const r = await ogcFeatures('cbs-wijkenbuurten', endpoints.cbsWijkenBuurten, 'buurten', bbox, opts);
      const buurten = r.data.flatMap((f): AreaBuurt[] => {
        const p = buurtProperties.safeParse(f.properties);
        if (!p.success) return [];
        const inwoners = f.properties.aantal_inwoners;
        return [
          {
            code: p.data.buurtcode,
            name: p.data.buurtnaam ?? p.data.buurtcode,
            population: typeof inwoners === 'number' ? cbsNumber(inwoners) : null,
            geometry: f.geometry,
          },
        ];
      });
      return { ...r, data: buurten };
    },
  };
}

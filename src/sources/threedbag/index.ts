/**
 * 3DBAG: version-pinned 3D Tiles URLs for the globe, and the 3DBAG API (CityJSONFeature) for
 * click-to-inspect and small areas. The API is not OGC-compliant: 1-based `offset`, `limit` ≤ 100,
 * EPSG:7415 only, and any unknown query parameter is a 400, so we send nothing else.
 */
import { INPUT_LIMITS } from '../../config/input-limits.ts';
import { endpoints, THREEDBAG_VERSION } from '../../config/endpoints.ts';
import { lonLatToRd } from '../../geo/rd.ts';
import { getDefaultHttpClient, type HttpClient } from '../http/client.ts';
import { buildUrl, rebaseUrl } from '../http/url.ts';
import { nextLink } from '../ogc/links.ts';
import { collectPages } from '../paging.ts';
import { toResult, type SourceResult } from '../provenance.ts';
import { loadSpec, type BBox, type LoadOptions } from '../types.ts';
import { parseCityJsonFeature, type ThreeDBagBuilding } from './cityjson.ts';
import { collectionSchema, singleItemSchema } from './schema.ts';

export type { ThreeDBagBuilding, BuildingHeights } from './cityjson.ts';
export { parseCityJsonFeature, applyTransform } from './cityjson.ts';

export const SOURCE_ID = '3dbag-api';
export const TILES_SOURCE_ID = '3dbag-tiles';
export const MAX_PAGE_SIZE = 100;

export type ThreeDBagLod = 'lod12' | 'lod13' | 'lod22';

/**
 * The Cesium 3D Tiles tileset for a LoD, on the pinned version (or the env override's layout).
 * Derived from `endpoints.threeDBagTiles` so a mock/proxy override applies to every LoD.
 */
export function threeDBagTilesetUrl(lod: ThreeDBagLod = 'lod22'): string {
  return endpoints.threeDBagTiles.replace(/\/lod(12|13|22)\//, `/${lod}/`);
}

export const THREEDBAG_TILES = {
  version: THREEDBAG_VERSION,
  attribution: '© 3DBAG by tudelft3d and 3DGI',
  attributionUrl: 'https://docs.3dbag.nl/en/copyright',
  /** Tileset and content CRS. */
  crs: 'EPSG:4978',
} as const;

export interface BBoxQueryOptions extends LoadOptions {
  /** Page size, capped at the server's 100. */
  limit?: number;
  /** Stop after this many buildings; the API is for inspection, not for streaming a city. */
  maxFeatures?: number;
}

export interface BuildingsPage {
  buildings: ThreeDBagBuilding[];
  numberMatched?: number;
  /** True when maxFeatures stopped paging early. */
  truncated: boolean;
}

export interface ThreeDBagApi {
  /** Buildings intersecting an RD New bbox [minX, minY, maxX, maxY] (metres, EPSG:7415 horizontal). */
  buildingsInBBox(bboxRd: BBox, opts?: BBoxQueryOptions): Promise<SourceResult<BuildingsPage>>;
  /** One building by "NL.IMBAG.Pand.<16 digits>" or the bare 16-digit id. */
  building(id: string, opts?: LoadOptions): Promise<SourceResult<ThreeDBagBuilding>>;
}

export function createThreeDBagApi(options: { baseUrl?: string; http?: HttpClient } = {}): ThreeDBagApi {
  const baseUrl = options.baseUrl ?? endpoints.threeDBagApi;
  const http = options.http ?? getDefaultHttpClient();
  const policy = { ttlMs: 24 * 3_600_000, maxBytes: INPUT_LIMITS.layerResponseBytes };

  async function buildingsInBBox(
    bboxRd: BBox,
    opts: BBoxQueryOptions = {},
  ): Promise<SourceResult<BuildingsPage>> {
    const limit = Math.max(1, Math.min(MAX_PAGE_SIZE, Math.floor(opts.limit ?? MAX_PAGE_SIZE)));
    const maxFeatures = opts.maxFeatures ?? 500;
    const bbox = bboxRd.map((v) => Number(v.toFixed(3))).join(',');
    const firstUrl = buildUrl(baseUrl, 'collections/pand/items', { bbox, limit });
    const collected = await collectPages({
      firstUrl,
      maxItems: maxFeatures,
      maxPages: Math.ceil(maxFeatures / limit) + 1,
      fetchPage: (url) =>
        http.request({ sourceId: SOURCE_ID, url, schema: collectionSchema, policy, ...loadSpec(opts) }),
      // Each page carries its own transform, so parse per page.
      items: (page) => page.features.map((f) => parseCityJsonFeature(f, page.metadata.transform)),
      next: (page) => {
        const href = nextLink(page.links);
        return href === undefined ? undefined : rebaseUrl(href, baseUrl, '/collections/');
      },
    });
    const data: BuildingsPage = { buildings: collected.items, truncated: collected.truncated };
    const matched = collected.pages[0]?.data.numberMatched;
    if (matched !== undefined) data.numberMatched = matched;
    return toResult(SOURCE_ID, collected.pages, data);
  }

  async function building(id: string, opts: LoadOptions = {}): Promise<SourceResult<ThreeDBagBuilding>> {
    const fullId = /^\d{16}$/.test(id) ? `NL.IMBAG.Pand.${id}` : id;
    const url = buildUrl(baseUrl, `collections/pand/items/${encodeURIComponent(fullId)}`);
    const fetched = await http.request({
      sourceId: SOURCE_ID,
      url,
      schema: singleItemSchema,
      policy,
      ...loadSpec(opts),
    });
    return toResult(
      SOURCE_ID,
      [fetched],
      parseCityJsonFeature(fetched.data.feature, fetched.data.metadata.transform),
    );
  }

  return { buildingsInBBox, building };
}

/** RD envelope of a WGS84 bbox (all four corners converted, since the grids are rotated). */
export function rdBBoxFromLonLat([minLon, minLat, maxLon, maxLat]: BBox): BBox {
  const corners = [
    lonLatToRd(minLon, minLat),
    lonLatToRd(minLon, maxLat),
    lonLatToRd(maxLon, minLat),
    lonLatToRd(maxLon, maxLat),
  ];
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

let defaultApi: ThreeDBagApi | undefined;
function api(): ThreeDBagApi {
  defaultApi ??= createThreeDBagApi();
  return defaultApi;
}

export function buildingsInBBox(bboxRd: BBox, opts?: BBoxQueryOptions): Promise<SourceResult<BuildingsPage>> {
  return api().buildingsInBBox(bboxRd, opts);
}

export function building(id: string, opts?: LoadOptions): Promise<SourceResult<ThreeDBagBuilding>> {
  return api().building(id, opts);
}

/**
 * A generic OGC SensorThings API v1.0 client (OData-style queries, server-driven paging via
 * `@iot.nextLink`). Used for RIVM Samen Meten and meant for other sensor networks (e.g. crowd
 * counters) later, so it knows nothing about air quality.
 */
import type { z } from 'zod';
import { getDefaultHttpClient, type HttpClient, type RequestPolicy } from '../http/client.ts';
import { buildUrl, rebaseUrl } from '../http/url.ts';
import { collectPages } from '../paging.ts';
import { toResult, type SourceResult } from '../provenance.ts';
import { loadSpec, type LoadOptions } from '../types.ts';
import { mapLimited } from '../http/map-limited.ts';
import {
  collectionSchema,
  datastreamSchema,
  locationSchema,
  observationSchema,
  thingSchema,
  type Observation,
  type SensorLocation,
  type Thing,
} from './schema.ts';

export interface ODataQuery {
  filter?: string;
  expand?: string;
  orderby?: string;
  select?: string;
  /** Page size the server should use. */
  top?: number;
  skip?: number;
  count?: boolean;
}

export interface ListOptions extends LoadOptions {
  /** Stop following `@iot.nextLink` after this many entities. */
  maxItems?: number;
}

export interface SensorThingsClient {
  readonly sourceId: string;
  /** Any entity set or navigation path, e.g. 'Things' or 'Datastreams(38617)/Observations'. */
  list<T>(
    path: string,
    item: z.ZodType<T>,
    query?: ODataQuery,
    opts?: ListOptions,
  ): Promise<SourceResult<T[]>>;
  things(query?: ODataQuery, opts?: ListOptions): Promise<SourceResult<Thing[]>>;
  /**
   * Things with all their Locations and Datastreams: follows each navigation link where the
   * server did not expand them, and each nested `@iot.nextLink` (a few pages at most).
   */
  completeThings(
    things: readonly Thing[],
    opts?: LoadOptions,
    relations?: readonly ('Locations' | 'Datastreams')[],
  ): Promise<Thing[]>;
  observations(
    datastreamId: number | string,
    query?: ODataQuery,
    opts?: ListOptions,
  ): Promise<SourceResult<Observation[]>>;
  /** The newest observation of a datastream, or undefined when it has none. */
  latestObservation(
    datastreamId: number | string,
    opts?: LoadOptions,
  ): Promise<SourceResult<Observation | undefined>>;
}

/** A sensor has a handful of datastreams; more than this is a server paging without end. */
const MAX_RELATED = 200;
const MAX_RELATED_PAGES = 10;

/** OData string literal: single quotes doubled. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** Entity key: numbers bare, strings quoted, as OData wants. */
export function entityKey(id: number | string): string {
  return typeof id === 'number' || /^\d+$/.test(id) ? String(id) : odataString(id);
}

function queryParams(q: ODataQuery): Record<string, string | number | undefined> {
  return {
    $filter: q.filter,
    $expand: q.expand,
    $orderby: q.orderby,
    $select: q.select,
    $top: q.top,
    $skip: q.skip,
    $count: q.count === undefined ? undefined : String(q.count),
  };
}

/** The last path segment of the base ("/v1.0/") anchors re-rooting of next links behind a proxy. */
function versionMarker(baseUrl: string): string {
  const segments = new URL(baseUrl, 'http://app.invalid/').pathname.split('/').filter(Boolean);
  const last = segments[segments.length - 1];
  return last ? `/${last}/` : '/';
}

export function createSensorThingsClient(options: {
  sourceId: string;
  baseUrl: string;
  http?: HttpClient;
  policy?: Partial<RequestPolicy>;
}): SensorThingsClient {
  const { sourceId, baseUrl } = options;
  const http = options.http ?? getDefaultHttpClient();
  const policy = { ttlMs: 5 * 60_000, ...options.policy };
  const marker = versionMarker(baseUrl);

  async function list<T>(
    path: string,
    item: z.ZodType<T>,
    query: ODataQuery = {},
    opts: ListOptions = {},
  ): Promise<SourceResult<T[]>> {
    return listFrom(buildUrl(baseUrl, path, queryParams(query)), item, opts);
  }

  async function listFrom<T>(
    firstUrl: string,
    item: z.ZodType<T>,
    opts: ListOptions & { maxPages?: number },
  ): Promise<SourceResult<T[]>> {
    const schema = collectionSchema(item);
    const collected = await collectPages({
      firstUrl,
      maxItems: opts.maxItems ?? 5_000,
      ...(opts.maxPages !== undefined ? { maxPages: opts.maxPages } : {}),
      fetchPage: (url) => http.request({ sourceId, url, schema, policy, ...loadSpec(opts) }),
      items: (page) => page.value as T[],
      next: (page) => {
        const href = page['@iot.nextLink'];
        return href === undefined ? undefined : rebaseUrl(href, baseUrl, marker);
      },
    });
    return toResult(sourceId, collected.pages, collected.items);
  }

  /** The whole related list: what came expanded plus its next pages, or the navigation link's. */
  async function related<T>(
    expanded: T[] | undefined,
    nextLink: string | undefined,
    navigationLink: string | undefined,
    item: z.ZodType<T>,
    opts: LoadOptions,
  ): Promise<T[] | undefined> {
    const link = expanded ? nextLink : navigationLink;
    if (link === undefined) return expanded;
    const rest = await listFrom(rebaseUrl(link, baseUrl, marker), item, {
      ...opts,
      maxItems: MAX_RELATED,
      maxPages: MAX_RELATED_PAGES,
    });
    return [...(expanded ?? []), ...rest.data];
  }

  async function completeThings(
    things: readonly Thing[],
    opts: LoadOptions = {},
    relations: readonly ('Locations' | 'Datastreams')[] = ['Locations', 'Datastreams'],
  ): Promise<Thing[]> {
    const out = things.map((thing) => ({ ...thing }));
    await mapLimited(out, 4, async (thing) => {
      if (relations.includes('Locations')) {
        const locations = await related(
          thing.Locations,
          thing['Locations@iot.nextLink'],
          thing['Locations@iot.navigationLink'],
          locationSchema,
          opts,
        );
        if (locations) thing.Locations = locations;
      }
      if (relations.includes('Datastreams')) {
        const datastreams = await related(
          thing.Datastreams,
          thing['Datastreams@iot.nextLink'],
          thing['Datastreams@iot.navigationLink'],
          datastreamSchema,
          opts,
        );
        if (datastreams) thing.Datastreams = datastreams;
      }
    });
    return out;
  }

  return {
    sourceId,
    list,
    completeThings,
    things: (query, opts) => list('Things', thingSchema, query, opts),
    observations: (id, query, opts) =>
      list(`Datastreams(${entityKey(id)})/Observations`, observationSchema, query, opts),
    async latestObservation(id, opts = {}) {
      const r = await list(
        `Datastreams(${entityKey(id)})/Observations`,
        observationSchema,
        { orderby: 'phenomenonTime desc', top: 1 },
        { ...opts, maxItems: 1 },
      );
      return { ...r, data: r.data[0] };
    },
  };
}

/** [lon, lat] of a SensorThings Location (GeoJSON is lon-first), if it is a point. */
export function locationLonLat(loc: SensorLocation | undefined): [number, number] | undefined {
  const g = loc?.location;
  if (!g) return undefined;
  const point = g.type === 'Feature' ? (g as { geometry?: unknown }).geometry : g;
  const coords = (point as { type?: unknown; coordinates?: unknown } | undefined)?.coordinates;
  if ((point as { type?: unknown } | undefined)?.type !== 'Point' || !Array.isArray(coords)) return undefined;
  const [lon, lat] = coords as unknown[];
  return typeof lon === 'number' && typeof lat === 'number' ? [lon, lat] : undefined;
}

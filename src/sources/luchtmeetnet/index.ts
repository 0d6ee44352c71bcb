/**
 * Luchtmeetnet (official air-quality stations). Page-numbered lists with a `pagination` block;
 * station details carry a GeoJSON point (lon first). Fair use is about 100 requests / 5 minutes
 * (MED), so responses are cached for a while and paging is bounded.
 */
import { z } from 'zod';
import { endpoints } from '../../config/endpoints.ts';
import { getDefaultHttpClient, type HttpClient } from '../http/client.ts';
import { buildUrl } from '../http/url.ts';
import { collectPages } from '../paging.ts';
import { toResult, type SourceResult } from '../provenance.ts';
import { loadSpec, type LoadOptions } from '../types.ts';

export const SOURCE_ID = 'luchtmeetnet';

const paginationSchema = z.looseObject({
  current_page: z.number().int(),
  last_page: z.number().int(),
  next_page: z.number().int().nullable().optional(),
  first_page: z.number().int().optional(),
});

const stationListSchema = z.looseObject({
  pagination: paginationSchema.optional(),
  data: z.array(z.looseObject({ number: z.string(), location: z.string().optional() })),
});

const stationDetailSchema = z.looseObject({
  data: z.looseObject({
    number: z.string().optional(),
    location: z.string().optional(),
    geometry: z.looseObject({ type: z.string().optional(), coordinates: z.array(z.number()).min(2) }),
    municipality: z.string().nullable().optional(),
    components: z.array(z.string()).optional(),
    type: z.string().optional(),
  }),
});

const measurementsSchema = z.looseObject({
  pagination: paginationSchema.optional(),
  data: z.array(
    z.looseObject({
      station_number: z.string(),
      value: z.number(),
      timestamp_measured: z.string(),
      formula: z.string(),
    }),
  ),
});

export interface StationRef {
  number: string;
  location?: string;
}

export interface Station {
  number: string;
  name?: string;
  lon: number;
  lat: number;
  municipality?: string;
  components: string[];
}

export interface Measurement {
  stationNumber: string;
  formula: string;
  value: number;
  time: string;
}

/** Utrecht stations named in the shared notes. */
export const UTRECHT_STATIONS = ['NL10636', 'NL10643', 'NL10639'] as const;

export function createLuchtmeetnet(options: { baseUrl?: string; http?: HttpClient } = {}) {
  const baseUrl = options.baseUrl ?? endpoints.luchtmeetnet;
  const http = options.http ?? getDefaultHttpClient();
  const policy = { ttlMs: 15 * 60_000 };

  return {
    /** All stations (number + name), following `pagination.next_page`. */
    async stations(opts: LoadOptions & { maxPages?: number } = {}): Promise<SourceResult<StationRef[]>> {
      const collected = await collectPages({
        firstUrl: buildUrl(baseUrl, 'stations', { page: 1 }),
        maxItems: 10_000,
        maxPages: opts.maxPages ?? 20,
        fetchPage: (url) =>
          http.request({
            sourceId: SOURCE_ID,
            url,
            schema: stationListSchema,
            policy: { ttlMs: 24 * 3_600_000 },
            ...loadSpec(opts),
          }),
        items: (page) =>
          page.data.map((s): StationRef =>
            s.location ? { number: s.number, location: s.location } : { number: s.number },
          ),
        next: (page) => {
          const p = page.pagination;
          if (!p || p.current_page >= p.last_page) return undefined;
          return buildUrl(baseUrl, 'stations', { page: p.next_page ?? p.current_page + 1 });
        },
      });
      return toResult(SOURCE_ID, collected.pages, collected.items);
    },

    async station(number: string, opts: LoadOptions = {}): Promise<SourceResult<Station>> {
      const fetched = await http.request({
        sourceId: SOURCE_ID,
        url: buildUrl(baseUrl, `stations/${encodeURIComponent(number)}`),
        schema: stationDetailSchema,
        policy: { ttlMs: 24 * 3_600_000 },
        ...loadSpec(opts),
      });
      const d = fetched.data.data;
      const [lon, lat] = d.geometry.coordinates as [number, number];
      const station: Station = { number: d.number ?? number, lon, lat, components: d.components ?? [] };
      if (d.location) station.name = d.location;
      if (d.municipality) station.municipality = d.municipality;
      return toResult(SOURCE_ID, [fetched], station);
    },

    /** Newest measurements first, one page (the API's default page size). */
    async latestMeasurements(
      number: string,
      formula: string,
      opts: LoadOptions = {},
    ): Promise<SourceResult<Measurement[]>> {
      const fetched = await http.request({
        sourceId: SOURCE_ID,
        url: buildUrl(baseUrl, `stations/${encodeURIComponent(number)}/measurements`, {
          formula,
          order_by: 'timestamp_measured',
          order_direction: 'desc',
          page: 1,
        }),
        schema: measurementsSchema,
        policy,
        ...loadSpec(opts),
      });
      return toResult(
        SOURCE_ID,
        [fetched],
        fetched.data.data.map((m) => ({
          stationNumber: m.station_number,
          formula: m.formula,
          value: m.value,
          time: m.timestamp_measured,
        })),
      );
    },
  };
}

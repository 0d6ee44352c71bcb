/**
 * Telraam (citizen traffic counters). Telraam needs an API key, and a key in a browser bundle is a
 * published key. So:
 *  - default: read a static export file (`endpoints.telraamExport`) that a server-side script
 *    writes with the key (see `buildTelraamExport`); no key anywhere near the browser;
 *  - live: only through a server-side proxy URL that adds the key. A key may be handed in at run
 *    time (e.g. a Node script or a worker given one by its host); it is sent as a header to that
 *    proxy only, never put in a URL, never logged, never cached (headers are not part of cache keys).
 * This module deliberately never reads a key from the build-time environment.
 */
import { parseTimestamp } from '../../time/timestamp.ts';
import { INPUT_LIMITS } from '../../config/input-limits.ts';
import { z } from 'zod';
import { endpoints } from '../../config/endpoints.ts';
import { getDefaultHttpClient, type HttpClient } from '../http/client.ts';
import { buildUrl } from '../http/url.ts';
import { inBBox } from '../geo.ts';
import { toResult, type SourceResult } from '../provenance.ts';
import { loadSpec, UTRECHT_BBOX_WGS84, type BBox, type LoadOptions, type LonLat } from '../types.ts';
import {
  EXPORT_FORMAT,
  exportSchema,
  reportSchema,
  snapshotSchema,
  type ReportRecord,
  type SnapshotResponse,
  type TelraamExport,
  type TelraamExportInput,
} from './schema.ts';

export const SOURCE_ID = 'telraam';

/** Counts are uptime-extrapolated; below this uptime an hour is too patchy to trust. */
export const MIN_RELIABLE_UPTIME = 0.5;

const segmentCountsSchema = z.object({
  date: z.string().optional(),
  period: z.string().optional(),
  uptime: z.number(),
  car: z.number().optional(),
  bike: z.number().optional(),
  pedestrian: z.number().optional(),
  heavy: z.number().optional(),
  v85: z.number().optional(),
});
export type SegmentCounts = z.infer<typeof segmentCountsSchema>;

/** A segment as the loader returns it; also validates the embedded snapshot. */
export const telraamSegmentSchema = z.object({
  segmentId: z.string(),
  /** WGS84 polylines ([lon, lat]). */
  lines: z.array(z.array(z.tuple([z.number(), z.number()]))),
  lastDataPackage: z.string().optional(),
  /** Absent when Telraam has no recent data for the segment (it sends empty strings then). */
  latest: segmentCountsSchema.optional(),
});
export type TelraamSegment = z.infer<typeof telraamSegmentSchema>;

export interface TrafficHour {
  segmentId: string;
  date: string;
  uptime: number;
  car: number;
  bike: number;
  pedestrian: number;
  heavy: number;
  v85?: number;
  reliable: boolean;
}

export interface TelraamOptions {
  http?: HttpClient;
  /** URL of the static export (default from src/config/endpoints.ts). */
  exportUrl?: string;
  /** Live mode through a server-side proxy. Without it (and without VITE_API_BASE_TELRAAM_PROXY) the export is used. */
  live?: { proxyUrl: string; apiKey?: string };
  /** Segments are kept when any vertex lies in this WGS84 bbox; default Utrecht. */
  bbox?: BBox;
}

export interface ReportQuery extends LoadOptions {
  /** ISO instants; Telraam allows at most 3 months per call. */
  timeStart: string;
  timeEnd: string;
}

function linesOf(geometry: SnapshotResponse['features'][number]['geometry']): LonLat[][] {
  if (!geometry) return [];
  const toLonLat = (p: number[]): LonLat => [p[0] ?? NaN, p[1] ?? NaN];
  if (geometry.type === 'LineString') return [geometry.coordinates.map(toLonLat)];
  if (geometry.type === 'MultiLineString') return geometry.coordinates.map((l) => l.map(toLonLat));
  return [];
}

export function parseSnapshot(snapshot: SnapshotResponse, bbox: BBox = UTRECHT_BBOX_WGS84): TelraamSegment[] {
  return snapshot.features.flatMap((f): TelraamSegment[] => {
    const lines = linesOf(f.geometry);
    if (!lines.some((l) => l.some((p) => inBBox(p, bbox)))) return [];
    const p = f.properties;
    const seg: TelraamSegment = { segmentId: p.segment_id, lines };
    if (p.last_data_package) seg.lastDataPackage = p.last_data_package;
    if (p.uptime !== undefined) {
      const latest: SegmentCounts = { uptime: p.uptime };
      if (p.date) latest.date = p.date;
      if (p.period) latest.period = p.period;
      for (const k of ['car', 'bike', 'pedestrian', 'heavy', 'v85'] as const) {
        const v = p[k];
        if (v !== undefined) latest[k] = v;
      }
      seg.latest = latest;
    }
    return [seg];
  });
}

export function toTrafficHour(r: ReportRecord): TrafficHour {
  const hour: TrafficHour = {
    segmentId: r.segment_id,
    date: r.date,
    uptime: r.uptime,
    car: r.car,
    bike: r.bike,
    pedestrian: r.pedestrian,
    heavy: r.heavy,
    reliable: r.uptime >= MIN_RELIABLE_UPTIME,
  };
  if (typeof r.v85 === 'number') hour.v85 = r.v85;
  return hour;
}

/** For the server-side export script: wraps raw Telraam responses in the export format. */
export function buildTelraamExport(
  snapshot: unknown,
  reports: Record<string, unknown[]> | undefined,
  generatedAt: Date,
): TelraamExport {
  const input: TelraamExportInput = {
    format: EXPORT_FORMAT,
    version: 1,
    generatedAt: generatedAt.toISOString(),
    snapshot: snapshot as TelraamExportInput['snapshot'],
  };
  if (reports) input.reports = reports as TelraamExportInput['reports'];
  return exportSchema.parse(input);
}

export function createTelraam(options: TelraamOptions = {}) {
  const http = options.http ?? getDefaultHttpClient();
  const exportUrl = options.exportUrl ?? endpoints.telraamExport;
  const live = options.live ?? (endpoints.telraamProxy ? { proxyUrl: endpoints.telraamProxy } : undefined);
  const bbox = options.bbox ?? UTRECHT_BBOX_WGS84;
  const headers: Record<string, string> = live?.apiKey ? { 'X-Api-Key': live.apiKey } : {};

  async function readExport(opts: LoadOptions) {
    const fetched = await http.request({
      sourceId: SOURCE_ID,
      url: exportUrl,
      schema: exportSchema,
      policy: { ttlMs: 5 * 60_000, maxBytes: INPUT_LIMITS.bulkResponseBytes },
      ...loadSpec(opts),
    });
    // The data is as old as the export, not as our download of it.
    const fetchedAt = Math.min(
      parseTimestamp(fetched.data.generatedAt) ?? fetched.fetchedAt,
      fetched.fetchedAt,
    );
    const stale = fetched.stale && {
      ...fetched.stale,
      since: fetchedAt,
      ageMs: fetched.stale.ageMs + (fetched.stale.since - fetchedAt),
    };
    return { fetched: { ...fetched, fetchedAt, ...(stale ? { stale } : {}) }, data: fetched.data };
  }

  return {
    mode: live ? ('live-proxy' as const) : ('static-export' as const),

    /** All segments in the bbox with their latest counts (Telraam rebuilds the snapshot every 5 minutes). */
    async segments(opts: LoadOptions = {}): Promise<SourceResult<TelraamSegment[]>> {
      if (!live) {
        const { fetched, data } = await readExport(opts);
        return toResult(SOURCE_ID, [fetched], parseSnapshot(data.snapshot, bbox));
      }
      const fetched = await http.request({
        sourceId: SOURCE_ID,
        url: buildUrl(live.proxyUrl, 'reports/traffic_snapshot_live'),
        headers,
        schema: snapshotSchema,
        policy: { ttlMs: 5 * 60_000, maxBytes: INPUT_LIMITS.bulkResponseBytes },
        ...loadSpec(opts),
      });
      return toResult(SOURCE_ID, [fetched], parseSnapshot(fetched.data, bbox));
    },

    /** Hourly counts of one segment between two instants. */
    async trafficReport(segmentId: string, q: ReportQuery): Promise<SourceResult<TrafficHour[]>> {
      const from = parseTimestamp(q.timeStart) ?? NaN;
      const to = parseTimestamp(q.timeEnd) ?? NaN;
      if (!live) {
        const { fetched, data } = await readExport(q);
        const records = (data.reports?.[segmentId] ?? []).filter((r) => {
          const t = parseTimestamp(r.date) ?? NaN;
          return t >= from && t < to;
        });
        return toResult(SOURCE_ID, [fetched], records.map(toTrafficHour));
      }
      // Telraam wants "YYYY-MM-DD HH:MM:SSZ".
      const stamp = (ms: number) =>
        new Date(ms)
          .toISOString()
          .replace('T', ' ')
          .replace(/\.\d{3}Z$/, 'Z');
      const fetched = await http.request({
        sourceId: SOURCE_ID,
        url: buildUrl(live.proxyUrl, 'reports/traffic'),
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          level: 'segments',
          format: 'per-hour',
          id: segmentId,
          time_start: stamp(from),
          time_end: stamp(to),
        }),
        schema: reportSchema,
        policy: { ttlMs: 60 * 60_000 },
        ...loadSpec(q),
      });
      return toResult(SOURCE_ID, [fetched], fetched.data.report.map(toTrafficHour));
    },
  };
}

export type { TelraamExport } from './schema.ts';

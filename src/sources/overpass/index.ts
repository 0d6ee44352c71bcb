/**
 * OpenStreetMap ways for walking and cycling through an Overpass API endpoint (POST with an
 * Overpass QL query, JSON answer with `out body geom`: node ids and coordinates on each way).
 * A 429 or a timeout `remark` inside a 200 answer become errors with a plain message.
 */
import { INPUT_LIMITS } from '../../config/input-limits.ts';
import { z } from 'zod';
import { getDefaultHttpClient, type HttpClient } from '../http/client.ts';
import { SourceError } from '../http/errors.ts';
import { toResult, type SourceResult } from '../provenance.ts';
import { loadSpec, type BBox, type LoadOptions } from '../types.ts';

export const OVERPASS_SOURCE_ID = 'osm-overpass';
export const OSM_ATTRIBUTION = '© OpenStreetMap-bijdragers (ODbL)';

/** highway values usable on foot or by bike (notes §12). */
export const WALK_CYCLE_HIGHWAYS = [
  'footway',
  'pedestrian',
  'path',
  'steps',
  'living_street',
  'residential',
  'service',
  'unclassified',
  'tertiary',
  'secondary',
  'primary',
  'cycleway',
  'track',
] as const;

const wayElement = z.looseObject({
  type: z.literal('way'),
  id: z.number().int(),
  nodes: z.array(z.number().int()).min(2),
  geometry: z.array(z.looseObject({ lat: z.number(), lon: z.number() })).min(2),
  tags: z.record(z.string(), z.string()).optional(),
});
const otherElement = z.looseObject({ type: z.enum(['node', 'relation', 'area']), id: z.number() });

export const overpassResponseSchema = z
  .looseObject({
    version: z.number().optional(),
    generator: z.string().optional(),
    osm3s: z.looseObject({ timestamp_osm_base: z.string().optional() }).optional(),
    remark: z.string().optional(),
    elements: z.array(z.union([wayElement, otherElement])),
  })
  .superRefine((r, ctx) => {
    r.elements.forEach((e, i) => {
      if (e.type === 'way' && 'nodes' in e && e.nodes.length !== e.geometry.length)
        ctx.addIssue({ code: 'custom', path: ['elements', i, 'geometry'], message: 'one point per node' });
    });
  });

export type OverpassResponse = z.infer<typeof overpassResponseSchema>;

export interface OsmWay {
  id: number;
  nodes: number[];
  /** [lon, lat] per node. */
  points: [number, number][];
  tags: Record<string, string>;
}

export interface OsmWays {
  ways: OsmWay[];
  /** Data timestamp of the Overpass database: pins the OSM "version" of a build. */
  osmBase?: string;
}

/** Overpass QL for walking and cycling ways in a WGS84 bbox (Overpass wants south,west,north,east). */
export function walkCycleQuery([west, south, east, north]: BBox, timeoutSeconds = 60): string {
  const box = [south, west, north, east].map((v) => v.toFixed(6)).join(',');
  return `[out:json][timeout:${timeoutSeconds}];way["highway"~"^(${WALK_CYCLE_HIGHWAYS.join('|')})$"](${box});out body geom;`;
}

/** Ways out of a parsed answer; a timeout or memory remark means the answer is cut short. */
export function parseOverpass(r: OverpassResponse, url: string): OsmWays {
  if (r.remark && /runtime error|timed out|out of memory/i.test(r.remark)) {
    throw new SourceError({
      kind: 'timeout',
      sourceId: OVERPASS_SOURCE_ID,
      url,
      detail: `Overpass stopped before the end of the area: ${r.remark}`,
    });
  }
  const ways: OsmWay[] = [];
  for (const e of r.elements) {
    if (e.type !== 'way' || !('nodes' in e)) continue;
    ways.push({
      id: e.id,
      nodes: e.nodes,
      points: e.geometry.map((p) => [p.lon, p.lat]),
      tags: e.tags ?? {},
    });
  }
  const out: OsmWays = { ways };
  if (r.osm3s?.timestamp_osm_base) out.osmBase = r.osm3s.timestamp_osm_base;
  return out;
}

export function createOverpass(options: { baseUrl: string; http?: HttpClient }) {
  const http = options.http ?? getDefaultHttpClient();
  return {
    async walkCycleWays(bbox: BBox, opts: LoadOptions = {}): Promise<SourceResult<OsmWays>> {
      const fetched = await http.request({
        sourceId: OVERPASS_SOURCE_ID,
        url: options.baseUrl,
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: `data=${encodeURIComponent(walkCycleQuery(bbox))}`,
        schema: overpassResponseSchema,
        // The public instance asks clients to back off: one retry, and no long waits.
        policy: {
          timeoutMs: 90_000,
          retries: 1,
          ttlMs: 60 * 60_000,
          maxBytes: INPUT_LIMITS.bulkResponseBytes,
        },
        ...loadSpec(opts),
      });
      return toResult(OVERPASS_SOURCE_ID, [fetched], parseOverpass(fetched.data, fetched.url));
    },
  };
}

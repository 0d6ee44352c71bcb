/**
 * How a city publishes its pedestrian counters in an OGC SensorThings API (v1.1; v1.0 reads the
 * same) so the Tweeling crowd monitor can read them. The convention, in full:
 *
 * Thing = one counting site. `properties`:
 *   - siteKind   'line' (a counter across a street) or 'area' (a cordon around a square)  required
 *   - widthM     effective walkable width at the line (m)                                required for lines
 *   - areaM2     walkable area inside the cordon (m²)                                     required for areas
 *   - siteId     stable id for the app (default: "thing-<@iot.id>")
 *   - linkId     the pedestrian-network link the site sits on (optional)
 *   - crowdKind  'moving' (default) or 'standing' (a waiting or audience area)
 * Location = a GeoJSON Point (lon, lat in WGS84), as SensorThings requires.
 *
 * Datastream = one direction of one site. Its ObservedProperty name is "people count in" or
 * "people count out" (case-insensitive). A service that shares one ObservedProperty
 * "people count" may instead put `"direction": "in" | "out"` in the Datastream's properties.
 * "in" is the site's own positive direction (for a cordon: entering). Unit: persons
 * (`{"name": "person", "symbol": "{person}"}`); observationType OM_CountObservation or
 * OM_Measurement.
 *
 * Observation = the persons counted in one interval: `phenomenonTime` is the interval
 * "start/end" (ISO 8601), `result` a whole number ≥ 0, or null when the counter had no data.
 * Only aggregated counts: never tracks, devices or images.
 *
 * Things without a people-count Datastream are other sensors and are left alone.
 */
import type { CountingSite } from './feed.ts';
import { locationLonLat } from '../sensorthings/client.ts';
import type { Datastream, Thing } from '../sensorthings/schema.ts';

export type Direction = 'in' | 'out';

const PEOPLE_COUNT = /^\s*people\s*count(?:\s+(in|out))?\s*$/i;

/** The counted direction of a Datastream, or undefined when it does not count people. */
export function directionOf(ds: Datastream): Direction | undefined {
  const match = PEOPLE_COUNT.exec(ds.ObservedProperty?.name ?? '');
  if (!match) return undefined;
  const named = match[1]?.toLowerCase();
  if (named === 'in' || named === 'out') return named;
  const props = (ds as { properties?: unknown }).properties;
  const direction =
    props && typeof props === 'object' ? (props as Record<string, unknown>)['direction'] : undefined;
  return direction === 'in' || direction === 'out' ? direction : undefined;
}

export interface SiteStreams {
  site: CountingSite;
  /** Datastream ids per direction. */
  streams: Record<Direction, string>;
}

export type ThingReading = { ok: SiteStreams } | { skip: string } | { ignore: true };

const positive = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : undefined;
const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;

/** Reads one Thing by the convention; `skip` says in plain words why a counting Thing is unusable. */
export function readThing(thing: Thing): ThingReading {
  const streams: Partial<Record<Direction, string>> = {};
  let counts = false;
  for (const ds of thing.Datastreams ?? []) {
    if (!PEOPLE_COUNT.test(ds.ObservedProperty?.name ?? '')) continue;
    counts = true;
    const dir = directionOf(ds);
    if (dir) streams[dir] = String(ds['@iot.id']);
  }
  if (!counts) return { ignore: true };
  const label = `Thing ${String(thing['@iot.id'])} "${thing.name}"`;
  if (!streams.in || !streams.out)
    return { skip: `${label} needs a people count Datastream for both "in" and "out".` };
  const p = thing.properties ?? {};
  const kind = p['siteKind'];
  if (kind !== 'line' && kind !== 'area')
    return { skip: `${label} has no properties.siteKind "line" or "area".` };
  const crowdKind = p['crowdKind'] ?? 'moving';
  if (crowdKind !== 'moving' && crowdKind !== 'standing')
    return { skip: `${label} has properties.crowdKind "${String(crowdKind)}"; use "moving" or "standing".` };
  const point = (thing.Locations ?? []).map(locationLonLat).find((x) => x !== undefined);
  if (!point) return { skip: `${label} has no Location point.` };
  const site: CountingSite = {
    id: text(p['siteId']) ?? `thing-${String(thing['@iot.id'])}`,
    name: thing.name,
    kind,
    lon: point[0],
    lat: point[1],
    crowdKind,
  };
  if (kind === 'line') {
    const width = positive(p['widthM']);
    if (width === undefined) return { skip: `${label} is a line site without a properties.widthM above 0.` };
    site.widthM = width;
  } else {
    const area = positive(p['areaM2']);
    if (area === undefined) return { skip: `${label} is an area site without a properties.areaM2 above 0.` };
    site.areaM2 = area;
  }
  const link = text(p['linkId']);
  if (link) site.linkId = link;
  return { ok: { site, streams: { in: streams.in, out: streams.out } } };
}

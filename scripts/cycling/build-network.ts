/**
 * Builds a bike network file for live use from open network data.
 *
 *   npx tsx scripts/cycling/build-network.ts --lines ways.geojson --zones zones.geojson \
 *     [--counts counts.json] [--junctions junctions.geojson] --id utrecht-bike --title "…" \
 *     --out public/data/cycling/utrecht-bike.json
 *
 * --lines      GeoJSON FeatureCollection of LineString/MultiLineString ways with OSM tags (highway,
 *              bicycle, cycleway, oneway, width, name; e.g. an Overpass export turned into GeoJSON) or
 *              the neutral keys type/width/speed/oneway/name (e.g. NWB reworked in a GIS).
 * --zones      GeoJSON Points with properties id, name, weight (relative trip ends).
 * --counts     optional JSON array of counting points {id, name, lon, lat, weekday?, weekend?} with 24
 *              hourly values per day type; each is put on the nearest link (within 25 m) and the OD
 *              matrices are estimated from them.
 * --junctions  optional GeoJSON Points with id, name and delay (s) for signalised junctions.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { LocalMetres, pointToPolylineMetres, type LonLat } from '../../src/scenarios/cycling/geo.ts';
import {
  bikeNetworkFileSchema,
  DAY_TYPES,
  type BikeNetworkFile,
  type CountingPoint,
} from '../../src/scenarios/cycling/network-file.ts';
import { estimateFileDemand } from './estimate.ts';
import {
  networkFromLines,
  type JunctionInput,
  type LineInput,
  type ZoneInput,
} from './network-from-lines.ts';
import { serialiseNetwork } from './serialise.ts';

interface Feature {
  geometry?: { type?: string; coordinates?: unknown } | null;
  properties?: Record<string, unknown> | null;
  id?: string | number;
}

function features(json: unknown, what: string): Feature[] {
  const f = (json as { features?: unknown } | null)?.features;
  if (!Array.isArray(f)) throw new Error(`${what}: not a GeoJSON FeatureCollection`);
  return f as Feature[];
}

const isLonLat = (p: unknown): p is [number, number] =>
  Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number';

/** Ways as lines; a MultiLineString gives one line per part. Other geometries are left out. */
export function linesFromGeoJson(json: unknown): LineInput[] {
  return features(json, 'lines').flatMap((f): LineInput[] => {
    const g = f.geometry;
    const properties = f.properties ?? {};
    const parts =
      g?.type === 'LineString'
        ? [g.coordinates]
        : g?.type === 'MultiLineString'
          ? (g.coordinates as unknown[])
          : [];
    return parts
      .filter((part): part is unknown[] => Array.isArray(part))
      .map((part) => ({
        coordinates: part.filter(isLonLat).map(([lon, lat]) => [lon, lat] as LonLat),
        properties,
      }));
  });
}

function points(
  json: unknown,
  what: string,
): { properties: Record<string, unknown>; lon: number; lat: number }[] {
  return features(json, what).flatMap((f) => {
    const c = f.geometry?.type === 'Point' ? f.geometry.coordinates : undefined;
    return isLonLat(c) ? [{ properties: f.properties ?? {}, lon: c[0], lat: c[1] }] : [];
  });
}

export function zonesFromGeoJson(json: unknown): ZoneInput[] {
  return points(json, 'zones').map((p, i) => ({
    id: String(p.properties['id'] ?? `zone-${i + 1}`),
    name: String(p.properties['name'] ?? `Zone ${i + 1}`),
    lon: p.lon,
    lat: p.lat,
    weight: Number(p.properties['weight'] ?? 1),
  }));
}

export function junctionsFromGeoJson(json: unknown): JunctionInput[] {
  return points(json, 'junctions').map((p, i) => {
    const j: JunctionInput = {
      id: String(p.properties['id'] ?? `junction-${i + 1}`),
      lon: p.lon,
      lat: p.lat,
    };
    if (p.properties['name'] !== undefined) j.name = String(p.properties['name']);
    if (typeof p.properties['delay'] === 'number') j.delay = p.properties['delay'];
    return j;
  });
}

/** Puts each counting point on its nearest link (within `maxMetres`); returns those too far away. */
export function attachCounts(
  file: BikeNetworkFile,
  input: readonly Omit<CountingPoint, 'link'>[],
  maxMetres = 25,
): { points: CountingPoint[]; unplaced: string[] } {
  const placed: CountingPoint[] = [];
  const unplaced: string[] = [];
  for (const p of input) {
    const frame = new LocalMetres(p.lon, p.lat);
    let best = { link: '', metres: Infinity };
    for (const l of file.links) {
      const d = pointToPolylineMetres([p.lon, p.lat], l.geometry, frame);
      if (d < best.metres) best = { link: l.id, metres: d };
    }
    if (best.metres <= maxMetres) placed.push({ ...p, link: best.link });
    else unplaced.push(p.id);
  }
  return { points: placed, unplaced };
}

function main(): void {
  const { values } = parseArgs({
    options: {
      lines: { type: 'string' },
      zones: { type: 'string' },
      counts: { type: 'string' },
      junctions: { type: 'string' },
      id: { type: 'string' },
      title: { type: 'string' },
      licence: { type: 'string', default: 'ODbL-1.0 (OpenStreetMap contributors)' },
      out: { type: 'string' },
    },
  });
  if (!values.lines || !values.zones || !values.id || !values.out) {
    console.error('needs --lines, --zones, --id and --out (see the comment at the top of this file)');
    process.exit(2);
  }
  const json = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
  const report = networkFromLines(linesFromGeoJson(json(values.lines)), {
    meta: {
      id: values.id,
      title: values.title ?? values.id,
      sample: false,
      note: `Built from ${values.lines} by scripts/cycling/build-network.ts; widths and speeds default by way type where the data gives none.`,
      licence: values.licence,
      created: new Date().toISOString().slice(0, 10),
      source: values.lines,
    },
    zones: zonesFromGeoJson(json(values.zones)),
    junctions: values.junctions ? junctionsFromGeoJson(json(values.junctions)) : [],
  });
  const file = report.file;
  if (values.counts) {
    const { points: placed, unplaced } = attachCounts(
      file,
      json(values.counts) as Omit<CountingPoint, 'link'>[],
    );
    file.counts = { sample: false, note: `Counts from ${values.counts}.`, points: placed };
    if (unplaced.length > 0)
      console.warn(`counting points farther than 25 m from any link: ${unplaced.join(', ')}`);
    file.demand = estimateFileDemand(file);
  }
  const checked = bikeNetworkFileSchema.safeParse(file);
  if (!checked.success) {
    console.error(checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
    process.exit(1);
  }
  writeFileSync(values.out, serialiseNetwork(file));
  const reasons = new Map<string, number>();
  for (const s of report.skipped) reasons.set(s.reason, (reasons.get(s.reason) ?? 0) + 1);
  console.log(
    `wrote ${values.out}: ${file.nodes.length} nodes, ${file.links.length} links, ${file.zones.length} zones`,
  );
  console.log(`  left out: ${[...reasons].map(([r, n]) => `${n} × ${r}`).join('; ') || 'nothing'}`);
  console.log(`  links not connected to the largest part (dropped): ${report.droppedLinks}`);
  for (const z of report.zoneSnaps.filter((z) => z.metres > 200))
    console.warn(`  zone ${z.zone} is ${z.metres} m from its node ${z.node}`);
  for (const day of DAY_TYPES)
    if (file.demand?.[day]) console.log(`  ${day} fit:`, JSON.stringify(file.demand[day].fit));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();

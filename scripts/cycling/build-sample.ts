/**
 * Builds the embedded sample bike network (public/data/cycling/utrecht-centre-bike-network.json) from
 * the hand-written layout: network, zones, sample counts and the OD matrices estimated from them.
 * Deterministic (seeded, no clock), so the committed file can be checked against a fresh build.
 *
 *   npx tsx scripts/cycling/build-sample.ts          writes the file
 *   npx tsx scripts/cycling/build-sample.ts --check  exits 1 when the committed file is out of date
 *
 * The counts are invented, but consistent with a network flow: a hidden "true" OD matrix (the zone
 * weights perturbed at random, other weights at weekends) is assigned, scaled so that Vredenburg
 * carries 32,000 cyclists on a weekday (models.md §3.2) and about half that on a weekend day, read
 * at the counting points with a little noise, and spread over the hours. The model then estimates its
 * own OD matrix from the zone weights and these counts, as it would from real counts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { assign } from '../../src/scenarios/cycling/assignment.ts';
import { LocalMetres, pointToPolylineMetres, type LonLat } from '../../src/scenarios/cycling/geo.ts';
import {
  DAY_TYPES,
  DEFAULT_PARAMETERS,
  type BikeNetworkFile,
  type DayType,
} from '../../src/scenarios/cycling/network-file.ts';
import { compileGraph, networkFromFile } from '../../src/scenarios/cycling/network.ts';
import { gravitySeed, skimZones } from '../../src/scenarios/cycling/od-estimation.ts';
import { DEFAULT_PROFILES, normalise } from '../../src/scenarios/cycling/profiles.ts';
import { Prng } from '../sample/prng.ts';
import { SAMPLE_ORIGIN } from '../sample/utrecht-layout.ts';
import { estimateFileDemand } from './estimate.ts';
import { networkFromLines, type LineInput } from './network-from-lines.ts';
import {
  COUNTING_POINTS,
  JUNCTIONS,
  layoutStreet,
  ROUTES,
  ZONES,
  type SampleCountingPoint,
  type Via,
} from './sample-layout.ts';
import { serialiseNetwork } from './serialise.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const SAMPLE_NETWORK_PATH = path.join(ROOT, 'public/data/cycling/utrecht-centre-bike-network.json');
export const SAMPLE_NETWORK_ID = 'utrecht-centre-bike-sample';

/** Weekday cyclists on Vredenburg (models.md §3.2: "some 32,000 on an average working day"). */
export const VREDENBURG_WEEKDAY = 32_000;
/**
 * A weekend day against a weekday: about half. Derived from DUIC's Covid figures (−80 % was "about
 * 150,000 fewer per week", so about 190,000 a week; with 5 × 32,000 on weekdays that leaves about
 * 15,000 per weekend day; models.md §3.2). An estimate.
 */
export const WEEKEND_FACTOR = 0.5;
/** Relative noise on the sample counts (a count is never exactly what a model loads). */
const COUNT_NOISE = 0.04;
const ESTIMATION_ROUNDS = 150;

/** Zone weights of the hidden weekend truth, relative to the weekday: fewer commuters, more shoppers. */
const WEEKEND_ROLE: Record<string, number> = {
  centraal: 0.7,
  moreelsepark: 0.3,
  dom: 0.5,
  janskerkhof: 0.5,
  neude: 1.6,
  vredenburg: 1.6,
  mariaplaats: 1.4,
};

const junctionAt = new Map(JUNCTIONS.map((j) => [j.id, j.at]));

/** A route's coordinates: junctions, shape points, and layout street vertices not on top of a junction. */
export function routeCoordinates(via: readonly Via[]): LonLat[] {
  const frame = new LocalMetres(SAMPLE_ORIGIN[0], SAMPLE_ORIGIN[1]);
  const pointOf = (v: Via | undefined): LonLat | undefined =>
    typeof v === 'string' ? junctionAt.get(v) : Array.isArray(v) ? (v as LonLat) : undefined;
  const out: LonLat[] = [];
  via.forEach((v, i) => {
    if (typeof v === 'string') {
      const p = junctionAt.get(v);
      if (!p) throw new Error(`unknown junction "${v}"`);
      out.push(p);
    } else if (Array.isArray(v)) out.push(v as LonLat);
    else {
      const before = out.at(-1);
      const after = pointOf(via[i + 1]);
      let street = layoutStreet((v as { street: string }).street);
      const d = (a: LonLat, b: LonLat) => {
        const [x1, y1] = frame.toLocal(a);
        const [x2, y2] = frame.toLocal(b);
        return Math.hypot(x2 - x1, y2 - y1);
      };
      if (before && d(before, street[0]!) > d(before, street.at(-1)!)) street = [...street].reverse();
      for (const p of street) if ((!before || d(p, before) > 12) && (!after || d(p, after) > 12)) out.push(p);
    }
  });
  return out;
}

function baseNetwork(): BikeNetworkFile {
  const lines: LineInput[] = ROUTES.map((r) => {
    const properties: Record<string, unknown> = { name: r.name, type: r.type, width: r.width };
    if (r.speed !== undefined) properties['speed'] = r.speed;
    if (r.oneWay) properties['oneway'] = 'yes';
    return { id: r.id, coordinates: routeCoordinates(r.via), properties };
  });
  const report = networkFromLines(lines, {
    meta: {
      id: SAMPLE_NETWORK_ID,
      title: 'Bike network of central Utrecht (approximate sample)',
      sample: true,
      note:
        'Hand-made approximation for examples and tests: links follow the main cycling routes between ' +
        'Utrecht Centraal, Vredenburg and the old town, but positions are approximate, and widths, speeds, ' +
        'junction delays and zone sizes are estimates. Not OSM/NWB data; do not use for real decisions.',
      licence: 'CC0-1.0',
      created: '2026-11-23',
      source: 'scripts/cycling/build-sample.ts (from scripts/cycling/sample-layout.ts)',
    },
    model: { ...DEFAULT_PARAMETERS },
    junctions: JUNCTIONS.map((j) => ({ id: j.id, name: j.name, lon: j.at[0], lat: j.at[1], delay: j.delay })),
    zones: ZONES.map((z) => {
      const [lon, lat] = junctionAt.get(z.junction)!;
      return { id: z.id, name: z.name, lon, lat, weight: z.weight };
    }),
    mergeMetres: 1,
    junctionSnapMetres: 1,
  });
  const problems = [
    ...report.skipped.map((s) => `skipped ${s.line}: ${s.reason}`),
    ...report.unmatchedJunctions.map((j) => `junction ${j} is on no route`),
    ...report.zoneSnaps.filter((z) => z.metres > 1).map((z) => `zone ${z.zone} is ${z.metres} m from a node`),
    ...(report.droppedLinks > 0 ? [`${report.droppedLinks} links are not connected to the rest`] : []),
  ];
  if (problems.length > 0) throw new Error(`the sample layout is inconsistent:\n${problems.join('\n')}`);
  return report.file;
}

/** The link a counting point sits on: the nearest by drawn geometry (must be within 15 m). */
function linkOf(file: BikeNetworkFile, at: LonLat): string {
  const frame = new LocalMetres(at[0], at[1]);
  let best = { id: '', metres: Infinity };
  for (const l of file.links) {
    const d = pointToPolylineMetres(at, l.geometry, frame);
    if (d < best.metres) best = { id: l.id, metres: d };
  }
  if (best.metres > 15) throw new Error(`no link within 15 m of counting point at ${at.join(', ')}`);
  return best.id;
}

/** A point's share of the day per hour: the generic shape, with its own weekday commuter peaks. */
function pointProfile(point: SampleCountingPoint, day: DayType): number[] {
  const peaks = new Set([7, 8, 16, 17]);
  return normalise(
    DEFAULT_PROFILES[day].map((s, h) => (day === 'weekday' && peaks.has(h) ? s * (1 + point.commute) : s)),
  );
}

/** Whole cyclists per hour adding up to `daily` exactly (the remainder goes to the busiest hour). */
function spread(daily: number, profile: readonly number[]): number[] {
  const hours = profile.map((s) => Math.round(daily * s));
  const peak = profile.indexOf(Math.max(...profile));
  hours[peak] = hours[peak]! + daily - hours.reduce((s, v) => s + v, 0);
  return hours;
}

function sampleCounts(file: BikeNetworkFile): NonNullable<BikeNetworkFile['counts']> {
  const net = networkFromFile(file);
  const graph = compileGraph(net);
  const zoneNodes = file.zones.map((z) => net.nodeIndex.get(z.node)!);
  const minutes = skimZones(graph, zoneNodes).minutes;
  const rng = new Prng(20261123);
  const points = COUNTING_POINTS.map((p) => ({ ...p, link: linkOf(file, p.at) }));
  const vredenburg = points.find((p) => p.id === 'vredenburg')!;
  const daily = new Map<DayType, number[]>();
  for (const day of DAY_TYPES) {
    const truthWeights = file.zones.map(
      (z) => z.weight * (0.7 + 0.6 * rng.next()) * (day === 'weekend' ? (WEEKEND_ROLE[z.id] ?? 1) : 1),
    );
    const trips = gravitySeed(minutes, truthWeights, 1);
    const flow = assign(
      graph,
      { zoneNodes, trips },
      { routeChoice: 'logit', theta: DEFAULT_PARAMETERS.theta },
    ).linkFlow;
    const target = day === 'weekday' ? VREDENBURG_WEEKDAY : VREDENBURG_WEEKDAY * WEEKEND_FACTOR;
    const scale = target / flow[net.linkIndex.get(vredenburg.link)!]!;
    daily.set(
      day,
      points.map((p) => {
        const noise = p === vredenburg ? 1 : 1 + COUNT_NOISE * (2 * rng.next() - 1);
        return Math.round((flow[net.linkIndex.get(p.link)!]! * scale * noise) / 10) * 10;
      }),
    );
  }
  return {
    sample: true,
    note:
      'Invented sample counts (both directions, cyclists per hour on an average day), consistent with a ' +
      `network flow and scaled so Vredenburg carries ${VREDENBURG_WEEKDAY.toLocaleString('en')} cyclists on a ` +
      'weekday (the figure the municipality gives) and half that on a weekend day. Not measurements; ' +
      'replace with the city’s counts or Telraam data for real use.',
    points: points.map((p, i) => ({
      id: p.id,
      name: p.name,
      link: p.link,
      lon: p.at[0],
      lat: p.at[1],
      weekday: spread(daily.get('weekday')![i]!, pointProfile(p, 'weekday')),
      weekend: spread(daily.get('weekend')![i]!, pointProfile(p, 'weekend')),
    })),
  };
}

export function buildSampleNetwork(): BikeNetworkFile {
  const file = baseNetwork();
  file.counts = sampleCounts(file);
  file.demand = estimateFileDemand(file, ESTIMATION_ROUNDS);
  return file;
}

export function sampleNetworkText(): string {
  return serialiseNetwork(buildSampleNetwork());
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const text = sampleNetworkText();
  if (process.argv.includes('--check')) {
    const same = readFileSync(SAMPLE_NETWORK_PATH, 'utf8') === text;
    console.log(same ? 'up to date' : `${SAMPLE_NETWORK_PATH} is out of date: run without --check`);
    process.exit(same ? 0 : 1);
  }
  writeFileSync(SAMPLE_NETWORK_PATH, text);
  const file = JSON.parse(text) as BikeNetworkFile;
  console.log(
    `wrote ${path.relative(ROOT, SAMPLE_NETWORK_PATH)}: ${file.nodes.length} nodes, ${file.links.length} links, ` +
      `${file.zones.length} zones, ${file.counts?.points.length ?? 0} counting points`,
  );
  for (const day of DAY_TYPES) console.log(`  ${day} fit:`, JSON.stringify(file.demand?.[day]?.fit));
}

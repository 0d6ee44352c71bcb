/**
 * Builds every baseline of an area from open data, in one code path for the worker and the CLI:
 * buildings (3DBAG), ground cover and trees (BGT), the walking and cycling network (OSM via
 * Overpass), zones (CBS buurten). Each step reports progress; any failure rejects with the step and
 * source named, so a half-built area is never returned as complete.
 */
import { metresBetween } from '../geo/metres.ts';
import { heatBaselineSchema, type HeatBaseline } from '../scenarios/heat/baseline-file.ts';
import { networkFileSchema, type NetworkFile } from '../scenarios/crowd/network-file.ts';
import { bikeNetworkFileSchema, type BikeNetworkFile } from '../scenarios/cycling/network-file.ts';
import { rdBBoxFromLonLat } from '../sources/threedbag/index.ts';
import { THREEDBAG_VERSION } from '../config/endpoints.ts';
import {
  BGT_GROUND_COLLECTIONS,
  type AreaBuurt,
  type AreaFeature,
  type AreaSources,
  type BgtGroundCollection,
} from '../sources/area/index.ts';
import { isSourceError } from '../sources/http/errors.ts';
import { OSM_ATTRIBUTION, type OsmWays } from '../sources/overpass/index.ts';
import type { ThreeDBagBuilding } from '../sources/threedbag/cityjson.ts';
import { buildHeatBaseline } from './heat.ts';
import { parseArea, type Area, type AreaInput } from './input.ts';
import { buildGraph, type Graph } from './network.ts';
import { createAssumptions } from './report.ts';

export const BUILD_STEPS = ['buildings', 'ground', 'trees', 'network', 'zones', 'counts'] as const;
export type BuildStep = (typeof BUILD_STEPS)[number];

export interface BuildProgress {
  step: BuildStep;
  /** 0…1 within the step. */
  fraction: number;
}

export interface OverpassReader {
  walkCycleWays(bbox: Area['bbox'], opts?: { signal?: AbortSignal }): Promise<{ data: OsmWays }>;
}

export interface BuildOptions {
  sources: AreaSources;
  overpass: OverpassReader;
  signal?: AbortSignal;
  onProgress?: (p: BuildProgress) => void;
  /** ISO date for the files' `created`; injected so builds are reproducible. */
  created: string;
}

export interface AreaCounts {
  buildings: number;
  trees: number;
  groundShapes: number;
  walkLinks: number;
  bikeLinks: number;
  zones: number;
  countPoints: number;
}

export interface BuiltArea {
  area: Area;
  /** The area plus the pinned source versions; names the baselines. */
  baselineId: string;
  heat: HeatBaseline;
  pedestrian: NetworkFile;
  bike: BikeNetworkFile;
  counts: AreaCounts;
  /** Defaults used where data was missing. */
  assumed: string[];
  /** What was dropped or left out. */
  notes: string[];
  attribution: string[];
  /** Milliseconds per step. */
  timings: Record<BuildStep, number>;
}

export class AreaBuildError extends Error {
  constructor(
    readonly step: BuildStep | 'input' | 'check',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AreaBuildError';
  }
}

const LICENCES = 'buildings: 3DBAG CC BY 4.0; BGT CC0; OpenStreetMap ODbL 1.0; CBS CC BY 4.0';

export async function buildArea(input: AreaInput, options: BuildOptions): Promise<BuiltArea> {
  let area: Area;
  try {
    area = parseArea(input);
  } catch (e) {
    throw new AreaBuildError('input', e instanceof Error ? e.message : String(e), { cause: e });
  }
  const report = createAssumptions();
  const timings = Object.fromEntries(BUILD_STEPS.map((s) => [s, 0])) as Record<BuildStep, number>;
  const opts = options.signal ? { signal: options.signal } : {};

  async function step<T>(name: BuildStep, run: () => Promise<T>): Promise<T> {
    options.onProgress?.({ step: name, fraction: 0 });
    const t0 = performance.now();
    try {
      if (options.signal?.aborted) throw options.signal.reason;
      const value = await run();
      timings[name] = performance.now() - t0;
      options.onProgress?.({ step: name, fraction: 1 });
      return value;
    } catch (e) {
      if (e instanceof AreaBuildError) throw e;
      const why = isSourceError(e)
        ? `${e.sourceId}: ${e.kind}${e.status ? ` (HTTP ${e.status})` : ''}${e.detail ? `, ${e.detail}` : ''}`
        : e instanceof Error
          ? e.message
          : String(e);
      if (options.signal?.aborted || (isSourceError(e) && e.kind === 'aborted'))
        throw new AreaBuildError(name, `Building the area was cancelled during "${name}".`, { cause: e });
      throw new AreaBuildError(name, `Step "${name}" failed (${why}); nothing was built.`, { cause: e });
    }
  }

  const buildings: ThreeDBagBuilding[] = await step(
    'buildings',
    async () => (await options.sources.buildings(rdBBoxFromLonLat(area.bbox), opts)).data,
  );
  const ground = await step('ground', async () => {
    const map = new Map<BgtGroundCollection, AreaFeature[]>();
    let done = 0;
    for (const c of BGT_GROUND_COLLECTIONS) {
      map.set(c, (await options.sources.bgt(c, area.bbox, opts)).data);
      options.onProgress?.({ step: 'ground', fraction: ++done / BGT_GROUND_COLLECTIONS.length });
    }
    return map;
  });
  const trees = await step(
    'trees',
    async () => (await options.sources.bgt('vegetatieobject_punt', area.bbox, opts)).data,
  );
  const ways = await step(
    'network',
    async () => (await options.overpass.walkCycleWays(area.bbox, opts)).data,
  );
  const buurten = await step('zones', async () => (await options.sources.buurten(area.bbox, opts)).data);

  const osmVersion = ways.osmBase ? ways.osmBase.slice(0, 10) : 'unknown';
  const baselineId = `${area.key}-3dbag-${THREEDBAG_VERSION.toLowerCase()}-osm-${osmVersion}`
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '-');

  const heat = buildHeatBaseline(area, `${baselineId}-heat`, { buildings, ground, trees }, report, LICENCES);
  if (heat.buildings.ids.length === 0 && heat.trees.length === 0)
    report.note('the area has no buildings and no trees (a park or open land?)');
  const walk = buildGraph(ways.ways, 'walk', report);
  const bike = buildGraph(ways.ways, 'bike', report);
  if (walk.links.length === 0 || bike.links.length === 0)
    throw new AreaBuildError(
      'network',
      `OpenStreetMap has no ${walk.links.length === 0 ? 'walking' : 'cycling'} paths in this area; the crowd and cycling models need at least one.`,
    );
  const pedestrian = pedestrianFile(walk, `${baselineId}-walk`, options.created);
  const bikeFile = bikeFileOf(bike, buurten, `${baselineId}-bike`, options.created, report);
  report.note('counts: Telraam segments are not matched to links yet; cycling demand comes from zones only');

  // The models' own schemas are the contract: a build that does not pass them is not returned.
  for (const [name, schema, value] of [
    ['heat baseline', heatBaselineSchema, heat],
    ['pedestrian network', networkFileSchema, pedestrian],
    ['bike network', bikeNetworkFileSchema, bikeFile],
  ] as const) {
    const r = schema.safeParse(value);
    if (!r.success) {
      const issue = r.error.issues[0];
      throw new AreaBuildError(
        'check',
        `The built ${name} does not pass its schema at ${issue?.path.join('.')}: ${issue?.message}`,
      );
    }
  }
  options.onProgress?.({ step: 'counts', fraction: 1 });

  return {
    area,
    baselineId,
    heat,
    pedestrian,
    bike: bikeFile,
    counts: {
      buildings: heat.buildings.ids.length,
      trees: heat.trees.length / 4,
      groundShapes: heat.ground.length,
      walkLinks: pedestrian.links.length,
      bikeLinks: bikeFile.links.length,
      zones: bikeFile.zones.length,
      countPoints: 0,
    },
    assumed: [...report.assumed],
    notes: [...report.notes],
    attribution: [
      '© 3DBAG by tudelft3d and 3DGI',
      'BGT: Kadaster / PDOK',
      OSM_ATTRIBUTION,
      'CBS wijken en buurten',
    ],
    timings,
  };
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
const round1 = (v: number) => Math.round(v * 10) / 10;

function pedestrianFile(g: Graph, id: string, created: string): NetworkFile {
  return {
    meta: {
      id,
      title: 'Walking network from OpenStreetMap',
      sample: false,
      note: 'OpenStreetMap ways split at shared nodes; widths from tags or assumed defaults.',
      licence: 'ODbL 1.0 (© OpenStreetMap-bijdragers)',
      created,
    },
    nodes: g.nodes.map((n) => ({ id: n.id, lon: round6(n.lon), lat: round6(n.lat) })),
    links: g.links.map((l) => {
      const link: NetworkFile['links'][number] = {
        id: l.id,
        from: l.from,
        to: l.to,
        width: l.width,
        length: Math.max(0.1, round1(l.length)),
      };
      if (l.name) link.name = l.name;
      return link;
    }),
  };
}

function centroid(g: AreaBuurt['geometry']): [number, number] | undefined {
  const ring =
    g?.type === 'Polygon' ? g.coordinates[0] : g?.type === 'MultiPolygon' ? g.coordinates[0]?.[0] : undefined;
  if (!ring || ring.length === 0) return undefined;
  const pts = ring.slice(0, -1);
  return [pts.reduce((s, p) => s + p[0]!, 0) / pts.length, pts.reduce((s, p) => s + p[1]!, 0) / pts.length];
}

function bikeFileOf(
  g: Graph,
  buurten: readonly AreaBuurt[],
  id: string,
  created: string,
  report: ReturnType<typeof createAssumptions>,
): BikeNetworkFile {
  const zones: BikeNetworkFile['zones'] = [];
  const usedNames = new Set<string>();
  let noPopulation = 0;
  for (const b of buurten) {
    const c = centroid(b.geometry);
    if (!c || usedNames.has(b.name)) continue;
    // The zone's trips start at the network node nearest its centre (centres outside the area too).
    let best = g.nodes[0]!;
    let bestD = Infinity;
    for (const n of g.nodes) {
      const d = metresBetween(c, [n.lon, n.lat]);
      if (d < bestD) [best, bestD] = [n, d];
    }
    if (b.population === null) noPopulation++;
    usedNames.add(b.name);
    zones.push({
      id: b.code.toLowerCase().replace(/[^a-z0-9-]/g, '-'),
      name: b.name,
      node: best.id,
      weight: b.population ?? 0,
    });
  }
  if (noPopulation > 0)
    report.assume(`zones: ${noPopulation} buurten without a population (CBS secret): weight 0`);
  report.assume('zones: weight = residents only (a jobs field is not documented in the notes)');
  if (zones.length < 2)
    throw new AreaBuildError(
      'zones',
      `Only ${zones.length} CBS buurt overlaps this area; the cycling model needs at least 2 zones.`,
    );
  return {
    meta: {
      id,
      title: 'Cycling network from OpenStreetMap',
      sample: false,
      note: 'OpenStreetMap ways split at shared nodes; zones are CBS buurten weighted by residents.',
      licence: 'ODbL 1.0 (© OpenStreetMap-bijdragers); zones CC BY 4.0 (CBS)',
      created,
      source: 'OpenStreetMap via Overpass; CBS wijken en buurten via PDOK',
    },
    nodes: g.nodes.map((n) => ({ id: n.id, lon: round6(n.lon), lat: round6(n.lat) })),
    links: g.links.map((l) => {
      const link: BikeNetworkFile['links'][number] = {
        id: l.id,
        name: l.name ?? `${l.highway} ${l.id}`,
        from: l.from,
        to: l.to,
        type: l.bikeType,
        width: l.width,
        length: Math.max(0.1, round1(l.length)),
        geometry: l.geometry.map(([lon, lat]) => [round6(lon), round6(lat)] as [number, number]),
      };
      if (l.oneWay) link.oneWay = true;
      return link;
    }),
    zones,
  };
}

/**
 * Builds a bike network file from lines (an OSM- or NWB-like GeoJSON of ways): shared vertices and
 * line ends become nodes, lines are split there into links that keep their drawn geometry, and each
 * line's tags give the link type, width, speed and direction. Lines that cross without a shared
 * vertex (a bridge over a street) are not connected, as in OSM. Zones snap to their nearest node.
 * Deterministic: the same input gives the same ids in the same order.
 */
import { LocalMetres, metresBetween, polylineMetres, type LonLat } from '../../src/scenarios/cycling/geo.ts';
import { LINK_TYPES, type BikeNetworkFile, type LinkType } from '../../src/scenarios/cycling/network-file.ts';

export interface LineInput {
  /** Base for the link ids (default from the name). */
  id?: string;
  coordinates: readonly LonLat[];
  /** Neutral keys (`type`, `width`, `speed`, `oneway`, `name`) or OSM tags (`highway`, `bicycle`, `cycleway`, …). */
  properties?: Record<string, unknown>;
}

export interface JunctionInput {
  id: string;
  name?: string;
  lon: number;
  lat: number;
  /** Mean delay for a cyclist passing (s). */
  delay?: number;
}

export interface ZoneInput {
  id: string;
  name: string;
  lon: number;
  lat: number;
  weight: number;
}

export interface BuildOptions {
  meta: BikeNetworkFile['meta'];
  zones: readonly ZoneInput[];
  /** Named junctions: the nearest line vertex within `junctionSnapMetres` becomes this node. */
  junctions?: readonly JunctionInput[];
  /** Vertices closer than this are one point (m, default 2). */
  mergeMetres?: number;
  junctionSnapMetres?: number;
  /** Keep only the largest connected part (default true): islands would give unreachable zones. */
  keepLargestComponent?: boolean;
  model?: BikeNetworkFile['model'];
}

export interface BuildReport {
  file: BikeNetworkFile;
  skipped: { line: string; reason: string }[];
  droppedLinks: number;
  unmatchedJunctions: string[];
  zoneSnaps: { zone: string; node: string; metres: number }[];
}

export interface LineClass {
  type: LinkType;
  width: number;
  speed?: number;
  /** Which way cyclists may ride: both, only along the drawn direction, or only against it. */
  direction: 'both' | 'forward' | 'backward';
}

/** Cycling width (m) by type when a line gives none; typical Dutch values, an assumption. */
const DEFAULT_WIDTH: Record<LinkType, number> = {
  'cycle-path': 3,
  'cycle-street': 4,
  'cycle-lane': 3,
  'mixed-street': 3,
  'shared-space': 3,
};

const text = (v: unknown) =>
  typeof v === 'string' ? v.trim().toLowerCase() : v === true ? 'yes' : undefined;
const metresOf = (v: unknown) => {
  const n = typeof v === 'number' ? v : Number.parseFloat(String(v ?? '').replace(',', '.'));
  return Number.isFinite(n) && n > 0 ? n : undefined;
};

/** Reads a line's tags; returns why it is left out when cyclists may not use it. */
export function classifyLine(props: Record<string, unknown>): LineClass | { skip: string } {
  const oneway = text(props['oneway']);
  const onewayBicycle = text(props['oneway:bicycle']);
  const cycleway = [
    props['cycleway'],
    props['cycleway:both'],
    props['cycleway:left'],
    props['cycleway:right'],
  ]
    .map(text)
    .filter((v): v is string => v !== undefined);
  let direction: LineClass['direction'] =
    oneway === 'yes' || oneway === 'true' || oneway === '1' || text(props['junction']) === 'roundabout'
      ? 'forward'
      : oneway === '-1' || oneway === 'reverse'
        ? 'backward'
        : 'both';
  if (onewayBicycle === 'no' || cycleway.some((c) => c.startsWith('opposite'))) direction = 'both';
  const width = metresOf(props['width']);
  const speed = metresOf(props['speed']);
  const given = text(props['type']);
  const finish = (type: LinkType): LineClass => {
    const c: LineClass = { type, width: width ?? DEFAULT_WIDTH[type], direction };
    if (speed !== undefined) c.speed = speed;
    return c;
  };
  if (given && (LINK_TYPES as readonly string[]).includes(given)) return finish(given as LinkType);

  const highway = text(props['highway']);
  const bicycle = text(props['bicycle']);
  const allowed = bicycle === 'yes' || bicycle === 'designated' || bicycle === 'permissive';
  if (bicycle === 'no' || bicycle === 'use_sidepath') return { skip: `bicycle=${bicycle}` };
  if (!highway) return { skip: 'no highway or type tag' };
  if (text(props['cyclestreet']) === 'yes' || text(props['bicycle_road']) === 'yes')
    return finish('cycle-street');
  if (highway === 'cycleway') return finish('cycle-path');
  if (['footway', 'pedestrian', 'path', 'bridleway', 'track'].includes(highway)) {
    if (highway === 'path' && bicycle === 'designated') return finish('cycle-path');
    return allowed ? finish('shared-space') : { skip: `highway=${highway} without bicycle access` };
  }
  if (highway === 'living_street') return finish('shared-space');
  if (['motorway', 'motorway_link', 'trunk', 'trunk_link'].includes(highway) && !allowed)
    return { skip: `highway=${highway}` };
  const roads = [
    'primary',
    'primary_link',
    'secondary',
    'secondary_link',
    'tertiary',
    'tertiary_link',
    'unclassified',
    'residential',
    'service',
    'road',
    'motorway',
    'motorway_link',
    'trunk',
    'trunk_link',
  ];
  if (!roads.includes(highway)) return { skip: `highway=${highway}` };
  const hasCycleInfra = cycleway.some((c) =>
    ['lane', 'track', 'opposite_lane', 'opposite_track', 'shared_lane'].includes(c),
  );
  return finish(hasCycleInfra ? 'cycle-lane' : 'mixed-street');
}

const TYPE_LABEL: Record<LinkType, string> = {
  'cycle-path': 'Fietspad',
  'cycle-street': 'Fietsstraat',
  'cycle-lane': 'Weg met fietsstrook',
  'mixed-street': 'Straat',
  'shared-space': 'Gedeelde ruimte',
};

export function slug(name: string): string {
  const s = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'link';
}

const round7 = (v: number) => Math.round(v * 1e7) / 1e7;

export function networkFromLines(lines: readonly LineInput[], options: BuildOptions): BuildReport {
  const merge = options.mergeMetres ?? 2;
  const skipped: BuildReport['skipped'] = [];
  const usable: { line: LineInput; cls: LineClass; name: string; base: string }[] = [];
  lines.forEach((line, i) => {
    const props = line.properties ?? {};
    const cls = classifyLine(props);
    const name = String(props['name'] ?? props['name:nl'] ?? '').trim();
    const label = line.id ?? (name || `line ${i + 1}`);
    if ('skip' in cls) return skipped.push({ line: label, reason: cls.skip });
    if (line.coordinates.length < 2) return skipped.push({ line: label, reason: 'fewer than two points' });
    usable.push({ line, cls, name: name || TYPE_LABEL[cls.type], base: line.id ?? slug(name || cls.type) });
  });

  // 1. Points: vertices within `merge` metres of each other are one point (grid hash).
  const all = usable.flatMap((u) => u.line.coordinates);
  const centre = all.reduce((s, p) => [s[0] + p[0] / all.length, s[1] + p[1] / all.length], [0, 0]);
  const frame = new LocalMetres(centre[0], centre[1]);
  const points: { lonLat: LonLat; xy: [number, number]; uses: number; node: boolean }[] = [];
  const grid = new Map<string, number[]>();
  const cellOf = (x: number, y: number) => [Math.floor(x / merge), Math.floor(y / merge)] as const;
  const pointAt = (p: LonLat): number => {
    const xy = frame.toLocal(p);
    const [cx, cy] = cellOf(xy[0], xy[1]);
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++)
        for (const k of grid.get(`${cx + dx},${cy + dy}`) ?? [])
          if (Math.hypot(points[k]!.xy[0] - xy[0], points[k]!.xy[1] - xy[1]) <= merge) return k;
    points.push({ lonLat: p, xy, uses: 0, node: false });
    const key = `${cx},${cy}`;
    grid.set(key, [...(grid.get(key) ?? []), points.length - 1]);
    return points.length - 1;
  };
  const paths = usable.map((u) => {
    const ids: number[] = [];
    for (const c of u.line.coordinates) {
      const k = pointAt(c);
      if (ids.at(-1) !== k) ids.push(k);
    }
    return ids;
  });

  // 2. Nodes: line ends, vertices shared by lines (or visited twice), named junctions.
  paths.forEach((ids) => {
    ids.forEach((k) => points[k]!.uses++);
    if (ids.length > 0) points[ids[0]!]!.node = points[ids.at(-1)!]!.node = true;
    // A closed loop needs a node halfway, or it would be a link from a node to itself.
    if (ids.length > 2 && ids[0] === ids.at(-1)) points[ids[Math.floor(ids.length / 2)]!]!.node = true;
  });
  for (const p of points) if (p.uses > 1) p.node = true;
  const junctionAt = new Map<number, JunctionInput>();
  const unmatchedJunctions: string[] = [];
  for (const j of options.junctions ?? []) {
    const xy = frame.toLocal([j.lon, j.lat]);
    let best = -1;
    let bestD = options.junctionSnapMetres ?? 15;
    points.forEach((p, k) => {
      const d = Math.hypot(p.xy[0] - xy[0], p.xy[1] - xy[1]);
      if (d <= bestD && !junctionAt.has(k)) {
        best = k;
        bestD = d;
      }
    });
    if (best < 0) unmatchedJunctions.push(j.id);
    else {
      junctionAt.set(best, j);
      points[best]!.node = true;
    }
  }

  // 3. Links: each line split at its nodes.
  interface Draft {
    from: number;
    to: number;
    vertices: number[];
    u: (typeof usable)[number];
  }
  const drafts: Draft[] = [];
  paths.forEach((ids, i) => {
    let start = 0;
    for (let k = 1; k < ids.length; k++) {
      if (!points[ids[k]!]!.node) continue;
      drafts.push({ from: ids[start]!, to: ids[k]!, vertices: ids.slice(start, k + 1), u: usable[i]! });
      start = k;
    }
  });

  // 4. Keep the largest connected part.
  const parent = new Map<number, number>();
  const find = (k: number): number => {
    let r = k;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(k, r);
    return r;
  };
  for (const d of drafts) {
    const a = find(d.from);
    const b = find(d.to);
    if (a !== b) parent.set(Math.max(a, b), Math.min(a, b));
  }
  const size = new Map<number, number>();
  for (const d of drafts) size.set(find(d.from), (size.get(find(d.from)) ?? 0) + 1);
  const largest = [...size.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
  const keep = (d: Draft) => options.keepLargestComponent === false || find(d.from) === largest;
  const kept = drafts.filter(keep);

  // 5. Ids and names: junction ids, else numbered; names from the streets that meet there.
  const nodeIdOf = new Map<number, string>();
  const streetsAt = new Map<number, string[]>();
  for (const d of kept)
    for (const k of [d.from, d.to]) {
      const names = streetsAt.get(k) ?? [];
      if (!names.includes(d.u.name)) names.push(d.u.name);
      streetsAt.set(k, names);
    }
  const usedIds = new Set<string>((options.junctions ?? []).map((j) => j.id));
  const nodes: BikeNetworkFile['nodes'] = [];
  let counter = 0;
  const nodeId = (k: number): string => {
    const known = nodeIdOf.get(k);
    if (known) return known;
    const junction = junctionAt.get(k);
    let id = junction?.id;
    if (!id) {
      do id = `node-${++counter}`;
      while (usedIds.has(id));
    }
    usedIds.add(id);
    nodeIdOf.set(k, id);
    const [lon, lat] = points[k]!.lonLat;
    const node: BikeNetworkFile['nodes'][number] = { id, lon: round7(lon), lat: round7(lat) };
    const name = junction?.name ?? streetsAt.get(k)?.slice(0, 2).join(' / ');
    if (name) node.name = name;
    if (junction?.delay) node.delay = junction.delay;
    nodes.push(node);
    return id;
  };
  const perBase = new Map<string, number>();
  for (const d of kept) perBase.set(d.u.base, (perBase.get(d.u.base) ?? 0) + 1);
  const seen = new Map<string, number>();
  const linkIds = new Set<string>();
  const links: BikeNetworkFile['links'] = kept.map((d) => {
    const n = (seen.get(d.u.base) ?? 0) + 1;
    seen.set(d.u.base, n);
    let id = perBase.get(d.u.base)! > 1 ? `${d.u.base}-${n}` : d.u.base;
    while (linkIds.has(id)) id = `${id}-x`;
    linkIds.add(id);
    const geometry = d.vertices.map(
      (k) => [round7(points[k]!.lonLat[0]), round7(points[k]!.lonLat[1])] as [number, number],
    );
    const backward = d.u.cls.direction === 'backward';
    const from = nodeId(backward ? d.to : d.from);
    const to = nodeId(backward ? d.from : d.to);
    const link: BikeNetworkFile['links'][number] = {
      id,
      name: d.u.name,
      from,
      to,
      type: d.u.cls.type,
      width: d.u.cls.width,
      length: Math.round(polylineMetres(geometry) * 10) / 10,
      geometry: backward ? [...geometry].reverse() : geometry,
    };
    if (d.u.cls.speed !== undefined) link.speed = d.u.cls.speed;
    if (d.u.cls.direction !== 'both') link.oneWay = true;
    return link;
  });

  // 6. Zones to their nearest node.
  const zoneSnaps: BuildReport['zoneSnaps'] = [];
  const zones = options.zones.map((z) => {
    let best = nodes[0]!;
    let bestD = Infinity;
    for (const n of nodes) {
      const d = metresBetween([z.lon, z.lat], [n.lon, n.lat]);
      if (d < bestD) {
        best = n;
        bestD = d;
      }
    }
    zoneSnaps.push({ zone: z.id, node: best.id, metres: Math.round(bestD) });
    return { id: z.id, name: z.name, node: best.id, weight: z.weight };
  });

  const file: BikeNetworkFile = {
    meta: options.meta,
    ...(options.model ? { model: options.model } : {}),
    nodes,
    links,
    zones,
  };
  return { file, skipped, droppedLinks: drafts.length - kept.length, unmatchedJunctions, zoneSnaps };
}

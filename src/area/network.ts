/**
 * OpenStreetMap ways → the walking and cycling graphs the crowd and cycling models read. A graph
 * node is an OSM node where ways meet (a shared node id) or a way ends; ways are split there.
 * Nothing is merged by distance: a footpath beside a road stays its own link, and ways that cross
 * without a shared node (bridges, tunnels) do not connect (notes §12). Only the largest connected
 * piece is kept; the rest is reported.
 */
import { polylineMetres } from '../geo/metres.ts';
import type { OsmWay } from '../sources/overpass/index.ts';
import type { LinkType } from '../scenarios/cycling/network-file.ts';
import type { Assumptions } from './report.ts';

export interface GraphNode {
  id: string;
  lon: number;
  lat: number;
}

export interface GraphLink {
  id: string;
  from: string;
  to: string;
  name?: string;
  width: number;
  length: number;
  oneWay: boolean;
  geometry: [number, number][];
  highway: string;
  bikeType: LinkType;
}

export interface Graph {
  nodes: GraphNode[];
  links: GraphLink[];
}

/**
 * Widths (m) when a way has no `width`/`est_width` tag. ASSUMPTIONS, not published values:
 * a typical Dutch footpath is 1.8–2.0 m (CROW's minimum for a footway is 1.8 m is often quoted,
 * unverified here); the street values are walkable/cyclable widths of a typical Utrecht street.
 */
export const DEFAULT_WALK_WIDTH_M: Readonly<Record<string, number>> = {
  footway: 2.0,
  path: 1.5,
  steps: 1.5,
  pedestrian: 6.0,
  living_street: 4.0,
  residential: 3.0,
  service: 2.5,
  unclassified: 3.0,
  tertiary: 3.0,
  secondary: 3.0,
  primary: 3.0,
  track: 2.5,
  cycleway: 2.0,
};
/** Cycling width (m) by link type, ASSUMPTIONS: a two-way cycle path ~2.5 m, a lane ~1.5 m per side. */
export const DEFAULT_BIKE_WIDTH_M: Readonly<Record<LinkType, number>> = {
  'cycle-path': 2.5,
  'cycle-street': 4.0,
  'cycle-lane': 3.0,
  'mixed-street': 3.5,
  'shared-space': 4.0,
};

const yes = (v: string | undefined) => v === 'yes' || v === 'designated' || v === 'permissive';
const no = (v: string | undefined) => v === 'no' || v === 'private';

export function walkable(t: Record<string, string>): boolean {
  const h = t.highway ?? '';
  if (no(t.foot) || no(t.access)) return false;
  if (['footway', 'pedestrian', 'path', 'steps', 'living_street', 'track'].includes(h)) return true;
  if (['residential', 'service', 'unclassified'].includes(h)) return true;
  if (h === 'cycleway') return yes(t.foot);
  // Main roads only where OSM says there is a sidewalk.
  if (['tertiary', 'secondary', 'primary'].includes(h))
    return t.sidewalk !== undefined && !['no', 'none', 'separate'].includes(t.sidewalk);
  return false;
}

export function cyclable(t: Record<string, string>): boolean {
  const h = t.highway ?? '';
  if (no(t.bicycle) || no(t.access)) return false;
  if (['footway', 'pedestrian', 'steps'].includes(h)) return yes(t.bicycle);
  if (h === 'path') return t.bicycle === undefined || yes(t.bicycle);
  return [
    'cycleway',
    'living_street',
    'residential',
    'service',
    'unclassified',
    'tertiary',
    'secondary',
    'primary',
    'track',
  ].includes(h);
}

export function bikeTypeOf(t: Record<string, string>): LinkType {
  const h = t.highway ?? '';
  if (h === 'cycleway' || (h === 'path' && yes(t.bicycle))) return 'cycle-path';
  if (t.cyclestreet === 'yes' || t.bicycle_road === 'yes') return 'cycle-street';
  const lane = [t.cycleway, t['cycleway:left'], t['cycleway:right'], t['cycleway:both']];
  if (lane.some((v) => v === 'lane' || v === 'track')) return 'cycle-lane';
  if (h === 'living_street' || h === 'pedestrian' || h === 'footway') return 'shared-space';
  return 'mixed-street';
}

/** "3", "3.5 m", "3,5" → metres; feet and junk → undefined. */
export function parseWidth(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const m = /^\s*(\d+(?:[.,]\d+)?)\s*(m)?\s*$/.exec(v);
  if (!m) return undefined;
  const w = Number(m[1]!.replace(',', '.'));
  return w > 0 && w <= 100 ? w : undefined;
}

/** Direction a bike may ride: +1 along the way, -1 against it, 0 both. */
export function bikeDirection(t: Record<string, string>): 1 | -1 | 0 {
  if (t['oneway:bicycle'] === 'no') return 0;
  const o = t['oneway:bicycle'] ?? t.oneway ?? (t.junction === 'roundabout' ? 'yes' : undefined);
  if (o === 'yes' || o === '1' || o === 'true') return 1;
  if (o === '-1' || o === 'reverse') return -1;
  return 0;
}

export type Mode = 'walk' | 'bike';

/**
 * Splits ways at shared nodes into links, for one mode. Ways listed twice (same id) are read once.
 * Reports defaulted widths per highway type into `report`.
 */
export function buildGraph(ways: readonly OsmWay[], mode: Mode, report: Assumptions): Graph {
  const unique = new Map<number, OsmWay>();
  let duplicates = 0;
  for (const w of ways) {
    if (unique.has(w.id)) duplicates++;
    else unique.set(w.id, w);
  }
  if (duplicates > 0) report.note(`${mode}: ${duplicates} OSM ways listed twice; read once`);
  const used = [...unique.values()].filter((w) => (mode === 'walk' ? walkable(w.tags) : cyclable(w.tags)));
  // How many way-ends or way-passes touch each OSM node.
  const touches = new Map<number, number>();
  for (const w of used) for (const n of w.nodes) touches.set(n, (touches.get(n) ?? 0) + 1);
  const nodes = new Map<string, GraphNode>();
  const links: GraphLink[] = [];
  const defaulted = new Map<string, number>();
  for (const w of used) {
    const cut: number[] = [];
    w.nodes.forEach((n, i) => {
      if (i === 0 || i === w.nodes.length - 1 || (touches.get(n) ?? 0) > 1) cut.push(i);
    });
    // A closed way (or a piece starting and ending on one node) is cut in its middle too.
    for (let k = 0; k + 1 < cut.length; k++) {
      const a = cut[k]!;
      const b = cut[k + 1]!;
      if (w.nodes[a] === w.nodes[b] && b - a >= 2) cut.splice(k + 1, 0, a + Math.floor((b - a) / 2));
    }
    const tagged = parseWidth(w.tags.width) ?? parseWidth(w.tags.est_width);
    const bikeType = bikeTypeOf(w.tags);
    const highway = w.tags.highway ?? 'unknown';
    let width = tagged;
    if (width === undefined) {
      width = mode === 'walk' ? (DEFAULT_WALK_WIDTH_M[highway] ?? 2.0) : DEFAULT_BIKE_WIDTH_M[bikeType];
      const key = mode === 'walk' ? `${highway}|${width}` : `${bikeType}|${width}`;
      defaulted.set(key, (defaulted.get(key) ?? 0) + 1);
    }
    const direction = mode === 'bike' ? bikeDirection(w.tags) : 0;
    for (let k = 0; k + 1 < cut.length; k++) {
      const a = cut[k]!;
      const b = cut[k + 1]!;
      let geometry = w.points.slice(a, b + 1);
      let from = w.nodes[a]!;
      let to = w.nodes[b]!;
      if (from === to) continue;
      if (direction === -1) {
        geometry = [...geometry].reverse();
        [from, to] = [to, from];
      }
      const length = polylineMetres(geometry);
      if (!(length > 0)) continue;
      for (const [osm, p] of [
        [from, geometry[0]!],
        [to, geometry[geometry.length - 1]!],
      ] as const) {
        const id = `n${osm}`;
        if (!nodes.has(id)) nodes.set(id, { id, lon: p[0], lat: p[1] });
      }
      const link: GraphLink = {
        id: `w${w.id}-${k}`,
        from: `n${from}`,
        to: `n${to}`,
        width,
        length,
        oneWay: direction !== 0,
        geometry,
        highway,
        bikeType,
      };
      if (w.tags.name) link.name = w.tags.name;
      links.push(link);
    }
  }
  for (const [key, count] of [...defaulted].sort()) {
    const [kind, width] = key.split('|');
    report.assume(
      `${mode === 'walk' ? 'walking' : 'cycling'}: ${count} ${kind} ways without a width: ${width} m assumed`,
    );
  }
  return largestPiece({ nodes: [...nodes.values()], links }, mode, report);
}

/** Keeps the largest connected piece (ignoring direction); reports what was dropped. */
function largestPiece(g: Graph, mode: Mode, report: Assumptions): Graph {
  const parent = new Map(g.nodes.map((n) => [n.id, n.id]));
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const l of g.links) parent.set(find(l.from), find(l.to));
  const size = new Map<string, number>();
  for (const n of g.nodes) size.set(find(n.id), (size.get(find(n.id)) ?? 0) + 1);
  let best: string | undefined;
  for (const [root, s] of size) if (best === undefined || s > size.get(best)!) best = root;
  const nodes = g.nodes.filter((n) => find(n.id) === best);
  const links = g.links.filter((l) => find(l.from) === best);
  const pieces = size.size - (best === undefined ? 0 : 1);
  if (pieces > 0)
    report.note(
      `${mode === 'walk' ? 'walking' : 'cycling'}: ${pieces} disconnected pieces dropped (${g.links.length - links.length} links)`,
    );
  return { nodes, links };
}

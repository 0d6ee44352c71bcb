import { LocalMetres } from '../../src/scenarios/cycling/geo.ts';
import type { BikeNetworkFile, LinkType } from '../../src/scenarios/cycling/network-file.ts';
import { DEFAULT_PROFILES } from '../../src/scenarios/cycling/profiles.ts';

/**
 * Small hand-made bike network files for tests and benchmarks: nodes in metres east/north of the
 * Domtoren, straight links, zones and optional counts (a daily total spread with the default profile).
 */
export interface SmallNetworkSpec {
  id?: string;
  nodes: Record<string, readonly [number, number]>;
  links: {
    id: string;
    from: string;
    to: string;
    length?: number;
    speed?: number;
    width?: number;
    type?: LinkType;
    oneWay?: boolean;
  }[];
  zones: { id: string; node: string; weight?: number }[];
  delays?: Record<string, number>;
  counts?: { link: string; weekday: number; weekend?: number }[];
  /** Daily trips per pair "origin>destination" (zone ids), for both day types. */
  trips?: Record<string, number>;
  model?: BikeNetworkFile['model'];
}

export const TEST_ORIGIN = new LocalMetres(5.12134, 52.09068);

export function smallNetwork(spec: SmallNetworkSpec): BikeNetworkFile {
  const at = (id: string) => {
    const p = spec.nodes[id];
    if (!p) throw new Error(`unknown node ${id}`);
    return TEST_ORIGIN.toLonLat(p[0], p[1]);
  };
  const spread = (daily: number) => DEFAULT_PROFILES.weekday.map((s) => daily * s);
  const spreadWeekend = (daily: number) => DEFAULT_PROFILES.weekend.map((s) => daily * s);
  const file: BikeNetworkFile = {
    meta: {
      id: spec.id ?? 'test-network',
      title: 'Test network',
      sample: false,
      note: 'hand-made for tests',
      licence: 'CC0-1.0',
      created: '2026-01-01',
    },
    nodes: Object.keys(spec.nodes).map((id) => {
      const [lon, lat] = at(id);
      const delay = spec.delays?.[id];
      return delay === undefined ? { id, lon, lat } : { id, lon, lat, delay };
    }),
    links: spec.links.map((l) => {
      const link: BikeNetworkFile['links'][number] = {
        id: l.id,
        name: `Link ${l.id}`,
        from: l.from,
        to: l.to,
        type: l.type ?? 'cycle-path',
        width: l.width ?? 4,
        geometry: [at(l.from), at(l.to)],
      };
      if (l.length !== undefined) link.length = l.length;
      if (l.speed !== undefined) link.speed = l.speed;
      if (l.oneWay) link.oneWay = true;
      return link;
    }),
    zones: spec.zones.map((z) => ({ id: z.id, name: `Zone ${z.id}`, node: z.node, weight: z.weight ?? 1 })),
  };
  if (spec.model) file.model = spec.model;
  if (spec.counts)
    file.counts = {
      sample: false,
      note: 'test counts',
      points: spec.counts.map((c) => {
        const link = spec.links.find((l) => l.id === c.link)!;
        const [x1, y1] = spec.nodes[link.from]!;
        const [x2, y2] = spec.nodes[link.to]!;
        const [lon, lat] = TEST_ORIGIN.toLonLat((x1 + x2) / 2, (y1 + y2) / 2);
        const point: NonNullable<BikeNetworkFile['counts']>['points'][number] = {
          id: `count-${c.link}`,
          name: `Count ${c.link}`,
          link: c.link,
          lon,
          lat,
          weekday: spread(c.weekday),
        };
        if (c.weekend !== undefined) point.weekend = spreadWeekend(c.weekend);
        return point;
      }),
    };
  if (spec.trips) {
    const zones = spec.zones.map((z) => z.id);
    const matrix = zones.map((o) => zones.map((d) => spec.trips![`${o}>${d}`] ?? 0));
    file.demand = {
      method: 'given',
      zones,
      weekday: { trips: matrix },
      weekend: { trips: matrix.map((row) => [...row]) },
    };
  }
  return file;
}

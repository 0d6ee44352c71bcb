import { csr } from '../graph/csr.ts';
import type { LonLat } from './geo.ts';
import { polylineMetres } from './geo.ts';
import { DEFAULT_SPEED_KMH, type BikeNetworkFile, type LinkType } from './network-file.ts';

/** A link as the model sees it, after the scenario's changes. */
export interface NetLink {
  id: string;
  name: string;
  from: number;
  to: number;
  type: LinkType;
  /** Metres along the way. */
  length: number;
  /** Free cycling speed (km/h). */
  speed: number;
  /** Cycling width (m), both directions. */
  width: number;
  /** Which directions may be cycled (from → to, to → from). */
  forward: boolean;
  backward: boolean;
  closed: boolean;
  geometry: LonLat[];
  /** Added by the scenario (not in the baseline file). */
  added: boolean;
}

export interface BikeNetwork {
  nodeIds: string[];
  nodeIndex: ReadonlyMap<string, number>;
  nodeNames: (string | undefined)[];
  lonLat: LonLat[];
  /** Junction delay per node (s). */
  delay: Float64Array;
  links: NetLink[];
  linkIndex: Map<string, number>;
}

export function networkFromFile(file: BikeNetworkFile): BikeNetwork {
  const nodeIndex = new Map(file.nodes.map((n, i) => [n.id, i]));
  const links = file.links.map((l): NetLink => ({
    id: l.id,
    name: l.name,
    from: nodeIndex.get(l.from)!,
    to: nodeIndex.get(l.to)!,
    type: l.type,
    length: Math.max(1, l.length ?? polylineMetres(l.geometry)),
    speed: l.speed ?? DEFAULT_SPEED_KMH[l.type],
    width: l.width,
    forward: true,
    backward: !l.oneWay,
    closed: false,
    geometry: l.geometry.map(([lon, lat]) => [lon, lat] as const),
    added: false,
  }));
  return {
    nodeIds: file.nodes.map((n) => n.id),
    nodeIndex,
    nodeNames: file.nodes.map((n) => n.name),
    lonLat: file.nodes.map((n) => [n.lon, n.lat] as const),
    delay: Float64Array.from(file.nodes, (n) => n.delay ?? 0),
    links,
    linkIndex: new Map(links.map((l, i) => [l.id, i])),
  };
}

/** A copy that changes may edit without touching the original (links are copied, geometry shared). */
export function cloneNetwork(net: BikeNetwork): BikeNetwork {
  const links = net.links.map((l) => ({ ...l }));
  return { ...net, delay: Float64Array.from(net.delay), links, linkIndex: new Map(net.linkIndex) };
}

/**
 * The directed graph the router works on, in compressed (CSR) form. Arc 2l cycles link l from → to,
 * arc 2l + 1 to → from; an arc that may not be cycled has tail −1. An arc's cost is its riding time
 * plus the delay of the junction it enters (s).
 */
export interface Graph {
  nodeCount: number;
  tail: Int32Array;
  head: Int32Array;
  cost: Float64Array;
  metres: Float64Array;
  /** Arcs leaving / entering each node: outArcs[outStart[n] … outStart[n + 1]). */
  outStart: Int32Array;
  outArcs: Int32Array;
  inStart: Int32Array;
  inArcs: Int32Array;
  /** Junction delay per node (s), so a trip's time can leave out the delay of its own destination. */
  delay: Float64Array;
}

export function compileGraph(net: BikeNetwork): Graph {
  const nArcs = 2 * net.links.length;
  const tail = new Int32Array(nArcs).fill(-1);
  const head = new Int32Array(nArcs).fill(-1);
  const cost = new Float64Array(nArcs);
  const metres = new Float64Array(nArcs);
  net.links.forEach((l, i) => {
    const seconds = l.length / (l.speed / 3.6);
    metres[2 * i] = metres[2 * i + 1] = l.length;
    if (l.closed) return;
    if (l.forward) {
      tail[2 * i] = l.from;
      head[2 * i] = l.to;
      cost[2 * i] = seconds + net.delay[l.to]!;
    }
    if (l.backward) {
      tail[2 * i + 1] = l.to;
      head[2 * i + 1] = l.from;
      cost[2 * i + 1] = seconds + net.delay[l.from]!;
    }
  });
  const nodeCount = net.nodeIds.length;
  const [outStart, outArcs] = csr(nodeCount, tail);
  const [inStart, inArcs] = csr(nodeCount, head);
  return { nodeCount, tail, head, cost, metres, outStart, outArcs, inStart, inArcs, delay: net.delay };
}

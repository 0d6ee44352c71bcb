import type { Graph } from './network.ts';
import { ShortestPaths } from './shortest-path.ts';

/**
 * Route choice and network loading for cyclists (models.md §3.1).
 *
 * - `aon`: all-or-nothing, every trip on its least-cost path.
 * - `logit`: Dial's STOCH, one pass per origin over the "efficient" arcs (those that lead further
 *   from the origin). A route's weight is exp(−θ·C_route), so with θ = theta / C_ref the split
 *   follows P ∝ exp(−theta · C / C_ref). C_ref is the size-weighted mean least cost from that origin
 *   to the other zones in the baseline network, so the relative form P ∝ exp(−theta · C / C_min) holds
 *   exactly for an origin with a single destination, and the spread does not shift when a scenario
 *   edits the network.
 *
 * Costs are fixed (no crowding feedback), so loading is linear in demand.
 */
export type RouteChoice = 'logit' | 'aon';

export interface AssignOptions {
  routeChoice: RouteChoice;
  /** Relative logit scale (models.md §3.1 suggests 10–15). */
  theta: number;
  /** C_ref per zone (s), from `referenceCosts` on the baseline network. */
  referenceCost: Float64Array;
}

export interface Demand {
  /** Graph node of each zone. */
  zoneNodes: readonly number[];
  /** Trips, row-major [origin · zones + destination]. */
  trips: Float64Array;
}

export interface Skim {
  /** Least-cost travel time (min) between zones, leaving out the destination's own junction delay; NaN where there is no route. */
  minutes: Float64Array;
  /** Metres along that route. */
  metres: Float64Array;
}

export interface AssignmentResult {
  /** Cyclists per arc (2l = from → to, 2l + 1 = to → from) and per link (both directions). */
  arcFlow: Float64Array;
  linkFlow: Float64Array;
  /** Trips per OD pair that have no route (row-major like the demand). */
  unservable: Float64Array;
  skim: Skim;
}

/** The per-origin steps of an assignment, sharing one set of buffers. */
export class Assigner {
  readonly tree: ShortestPaths;
  private readonly weight: Float64Array;
  private readonly like: Float64Array;
  private readonly load: Float64Array;
  private readonly expect: Float64Array;

  constructor(
    readonly g: Graph,
    readonly zoneNodes: readonly number[],
    readonly options: AssignOptions,
  ) {
    this.tree = new ShortestPaths(g);
    this.weight = new Float64Array(g.nodeCount);
    this.like = new Float64Array(g.tail.length);
    this.load = new Float64Array(g.nodeCount);
    this.expect = new Float64Array(g.nodeCount);
  }

  /** Least-cost tree from zone o and, for logit, Dial's link likelihoods and node weights. */
  prepare(o: number): void {
    const { g, tree, weight, like } = this;
    tree.run(this.zoneNodes[o]!);
    if (this.options.routeChoice !== 'logit') return;
    const cost = tree.cost;
    const theta = this.options.theta / Math.max(1, this.options.referenceCost[o]!);
    weight[tree.order[0]!] = 1;
    for (let i = 1; i < tree.reached; i++) {
      const j = tree.order[i]!;
      const cj = cost[j]!;
      let w = 0;
      for (let k = g.inStart[j]!; k < g.inStart[j + 1]!; k++) {
        const a = g.inArcs[k]!;
        const t = g.tail[a]!;
        if (!(cost[t]! < cj)) continue; // not efficient: does not lead away from the origin
        const l = Math.exp(theta * (cj - cost[t]! - g.cost[a]!));
        like[a] = l;
        w += weight[t]! * l;
      }
      weight[j] = w;
    }
  }

  /** Loads the trips from zone o (row of `trips` at `offset`) onto `arcFlow`; returns trips with no route. */
  loadOrigin(trips: Float64Array, offset: number, arcFlow: Float64Array, unservable: Float64Array): number {
    const { g, tree, weight, like, load } = this;
    const cost = tree.cost;
    for (let i = 0; i < tree.reached; i++) load[tree.order[i]!] = 0;
    let lost = 0;
    this.zoneNodes.forEach((node, d) => {
      const t = trips[offset + d]!;
      if (!(t > 0)) return;
      if (Number.isFinite(cost[node]!)) load[node] = load[node]! + t;
      else {
        unservable[offset + d] = unservable[offset + d]! + t;
        lost += t;
      }
    });
    const logit = this.options.routeChoice === 'logit';
    // From the farthest node back to the origin, pass each node's trips to the arcs entering it.
    for (let i = tree.reached - 1; i > 0; i--) {
      const j = tree.order[i]!;
      const x = load[j]!;
      if (x === 0) continue;
      if (!logit) {
        const a = tree.pred[j]!;
        arcFlow[a] = arcFlow[a]! + x;
        load[g.tail[a]!] = load[g.tail[a]!]! + x;
        continue;
      }
      const share = x / weight[j]!;
      const cj = cost[j]!;
      for (let k = g.inStart[j]!; k < g.inStart[j + 1]!; k++) {
        const a = g.inArcs[k]!;
        const t = g.tail[a]!;
        if (!(cost[t]! < cj)) continue;
        const f = share * weight[t]! * like[a]!;
        arcFlow[a] = arcFlow[a]! + f;
        load[t] = load[t]! + f;
      }
    }
    return lost;
  }

  /**
   * The expected sum of `arcValue` along the routes from zone o to every zone, under the same route
   * choice as the loading (NaN where unreachable). Used by the OD estimation.
   */
  expectedAlongRoutes(arcValue: Float64Array, out: Float64Array, offset: number): void {
    const { g, tree, weight, like, expect } = this;
    const cost = tree.cost;
    expect[tree.order[0]!] = 0;
    const logit = this.options.routeChoice === 'logit';
    for (let i = 1; i < tree.reached; i++) {
      const j = tree.order[i]!;
      if (!logit) {
        const a = tree.pred[j]!;
        expect[j] = expect[g.tail[a]!]! + arcValue[a]!;
        continue;
      }
      const cj = cost[j]!;
      let e = 0;
      for (let k = g.inStart[j]!; k < g.inStart[j + 1]!; k++) {
        const a = g.inArcs[k]!;
        const t = g.tail[a]!;
        if (!(cost[t]! < cj)) continue;
        e += weight[t]! * like[a]! * (expect[t]! + arcValue[a]!);
      }
      expect[j] = e / weight[j]!;
    }
    this.zoneNodes.forEach((node, d) => {
      out[offset + d] = Number.isFinite(cost[node]!) ? expect[node]! : NaN;
    });
  }

  /** Travel time and distance of the least-cost route from zone o to every zone. */
  skimOrigin(o: number, skim: Skim, offset: number): void {
    const { tree, g } = this;
    this.zoneNodes.forEach((node, d) => {
      const c = tree.cost[node]!;
      const ok = d !== o && Number.isFinite(c);
      skim.minutes[offset + d] = ok ? Math.max(0, c - g.delay[node]!) / 60 : NaN;
      skim.metres[offset + d] = ok ? tree.metres[node]! : NaN;
    });
  }
}

/**
 * C_ref per zone: the mean least cost (s) from it to the other zones it reaches, weighted by their
 * size (`weights`, the gravity model's trip ends), so it does not depend on the estimated matrix; at
 * least 60 s so very short trips do not get an extreme θ.
 */
export function referenceCosts(
  g: Graph,
  zoneNodes: readonly number[],
  weights: readonly number[],
): Float64Array {
  const n = zoneNodes.length;
  const tree = new ShortestPaths(g);
  const out = new Float64Array(n);
  for (let o = 0; o < n; o++) {
    tree.run(zoneNodes[o]!);
    let weighted = 0;
    let weight = 0;
    let plain = 0;
    let reached = 0;
    for (let d = 0; d < n; d++) {
      const c = tree.cost[zoneNodes[d]!]!;
      if (d === o || !Number.isFinite(c)) continue;
      weighted += weights[d]! * c;
      weight += weights[d]!;
      plain += c;
      reached++;
    }
    out[o] = Math.max(60, weight > 0 ? weighted / weight : reached > 0 ? plain / reached : 600);
  }
  return out;
}

/** One origin per step; yields the share of origins done so a caller can pause or cancel between them. */
export function* assignSteps(
  g: Graph,
  demand: Demand,
  options: AssignOptions,
): Generator<number, AssignmentResult, void> {
  const n = demand.zoneNodes.length;
  const arcFlow = new Float64Array(g.tail.length);
  const unservable = new Float64Array(n * n);
  const skim: Skim = { minutes: new Float64Array(n * n), metres: new Float64Array(n * n) };
  const assigner = new Assigner(g, demand.zoneNodes, options);
  for (let o = 0; o < n; o++) {
    assigner.prepare(o);
    assigner.skimOrigin(o, skim, o * n);
    assigner.loadOrigin(demand.trips, o * n, arcFlow, unservable);
    yield (o + 1) / n;
  }
  const linkFlow = new Float64Array(g.tail.length / 2);
  for (let l = 0; l < linkFlow.length; l++) linkFlow[l] = arcFlow[2 * l]! + arcFlow[2 * l + 1]!;
  return { arcFlow, linkFlow, unservable, skim };
}

export function assign(g: Graph, demand: Demand, options: AssignOptions): AssignmentResult {
  const steps = assignSteps(g, demand, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Like `assign`, awaiting `checkpoint(fraction)` after each origin (for cancelling and progress). */
export async function assignAsync(
  g: Graph,
  demand: Demand,
  options: AssignOptions,
  checkpoint: (fraction: number) => Promise<void>,
): Promise<AssignmentResult> {
  const steps = assignSteps(g, demand, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await checkpoint(r.value);
  }
}

import type { Graph } from './network.ts';
import { ShortestPaths } from './shortest-path.ts';

/**
 * Route choice and network loading for cyclists (models.md §3.1).
 *
 * - `aon`: all-or-nothing, every trip on its least-cost path.
 * - `logit`: Dial's STOCH over the "efficient" arcs of each origin (those that lead further from the
 *   origin), with the scale set per OD pair: θ = theta / C_min(o, d), so the split follows
 *   P ∝ exp(−theta · C / C_min) relative to that pair's own best route (as network-file.ts documents).
 *   The dispersion of one pair therefore does not depend on which other zones exist or how big they
 *   are. C_min is taken on the baseline network (`pairCost`), so the spread does not shift when a
 *   scenario edits the network; a pair the baseline cannot route uses its scenario C_min.
 *
 * Costs are fixed (no crowding feedback), so loading is linear in demand.
 */
export type RouteChoice = 'logit' | 'aon';

export interface AssignOptions {
  routeChoice: RouteChoice;
  /** Relative logit scale (models.md §3.1 suggests 10–15). */
  theta: number;
  /** C_min per OD pair (s, row-major) on the baseline network, from `pairCosts`; default the current network's. */
  pairCost?: Float64Array;
}

/** C_min below which θ is not raised further (s), so very short trips do not get an extreme θ. */
export const MIN_PAIR_COST_SECONDS = 60;

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
  /**
   * Metres of the shortest cyclable route (by distance, not time), which the detour factor uses: the
   * CROW detour rule judges how direct the network is, whatever speeds and junction delays make
   * the fastest route choose.
   */
  shortestMetres: Float64Array;
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
  /** Shortest-distance tree, for the skim's `shortestMetres`. */
  private readonly distance: ShortestPaths;
  private readonly weight: Float64Array;
  private readonly like: Float64Array;
  private readonly load: Float64Array;
  private readonly expect: Float64Array;
  /** Position of each reached node in `tree.order`. */
  private readonly rank: Int32Array;
  private origin = 0;

  constructor(
    readonly g: Graph,
    readonly zoneNodes: readonly number[],
    readonly options: AssignOptions,
  ) {
    this.tree = new ShortestPaths(g);
    this.distance = new ShortestPaths({ ...g, cost: g.metres });
    this.weight = new Float64Array(g.nodeCount);
    this.like = new Float64Array(g.tail.length);
    this.load = new Float64Array(g.nodeCount);
    this.expect = new Float64Array(g.nodeCount);
    this.rank = new Int32Array(g.nodeCount);
  }

  /** Least-cost tree from zone o. */
  prepare(o: number): void {
    const { tree, rank } = this;
    this.origin = o;
    tree.run(this.zoneNodes[o]!);
    for (let i = 0; i < tree.reached; i++) rank[tree.order[i]!] = i;
  }

  /** Whether a trip to `node` is routed by logit (reached, and not the origin itself). */
  private logitTarget(node: number): boolean {
    return (
      this.options.routeChoice === 'logit' && Number.isFinite(this.tree.cost[node]!) && this.rank[node]! > 0
    );
  }

  /**
   * Dial's link likelihoods and node weights for the pair to zone d, with θ = theta / C_min of that
   * pair; only the nodes settled before its node are needed.
   */
  private weigh(d: number): number {
    const { g, tree, weight, like } = this;
    const cost = tree.cost;
    const node = this.zoneNodes[d]!;
    const last = this.rank[node]!;
    const baseline = this.options.pairCost?.[this.origin * this.zoneNodes.length + d];
    const cMin = baseline !== undefined && Number.isFinite(baseline) ? baseline : cost[node]!;
    const theta = this.options.theta / Math.max(MIN_PAIR_COST_SECONDS, cMin);
    weight[tree.order[0]!] = 1;
    for (let i = 1; i <= last; i++) {
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
    return last;
  }

  /** Loads the trips from zone o (row of `trips` at `offset`) onto `arcFlow`; returns trips with no route. */
  loadOrigin(trips: Float64Array, offset: number, arcFlow: Float64Array, unservable: Float64Array): number {
    const { g, tree, weight, like, load } = this;
    const cost = tree.cost;
    let lost = 0;
    const clear = () => {
      for (let i = 0; i < tree.reached; i++) load[tree.order[i]!] = 0;
    };
    clear();
    this.zoneNodes.forEach((node, d) => {
      const t = trips[offset + d]!;
      if (!(t > 0)) return;
      if (!Number.isFinite(cost[node]!)) {
        unservable[offset + d] = unservable[offset + d]! + t;
        lost += t;
      } else if (!this.logitTarget(node)) load[node] = load[node]! + t;
    });
    // All-or-nothing trips: from the farthest node back to the origin along the tree.
    for (let i = tree.reached - 1; i > 0; i--) {
      const j = tree.order[i]!;
      const x = load[j]!;
      if (x === 0) continue;
      const a = tree.pred[j]!;
      arcFlow[a] = arcFlow[a]! + x;
      load[g.tail[a]!] = load[g.tail[a]!]! + x;
    }
    // Logit trips: one backward pass per destination, each with its own θ.
    this.zoneNodes.forEach((node, d) => {
      const x0 = trips[offset + d]!;
      if (!(x0 > 0) || !this.logitTarget(node)) return;
      const last = this.weigh(d);
      for (let i = 0; i <= last; i++) load[tree.order[i]!] = 0;
      load[node] = x0;
      for (let i = last; i > 0; i--) {
        const j = tree.order[i]!;
        const x = load[j]!;
        if (x === 0) continue;
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
    });
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
    this.zoneNodes.forEach((node, d) => {
      if (!Number.isFinite(cost[node]!)) {
        out[offset + d] = NaN;
        return;
      }
      if (!this.logitTarget(node)) {
        // All-or-nothing (or the origin itself): along the tree.
        let e = 0;
        for (let j = node; tree.pred[j]! >= 0; j = g.tail[tree.pred[j]!]!) e += arcValue[tree.pred[j]!]!;
        out[offset + d] = e;
        return;
      }
      const last = this.weigh(d);
      for (let i = 1; i <= last; i++) {
        const j = tree.order[i]!;
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
      out[offset + d] = expect[node]!;
    });
  }

  /** Travel time and distance of the least-cost route from zone o to every zone. */
  skimOrigin(o: number, skim: Skim, offset: number): void {
    const { tree, g, distance } = this;
    distance.run(this.zoneNodes[o]!);
    this.zoneNodes.forEach((node, d) => {
      const c = tree.cost[node]!;
      const ok = d !== o && Number.isFinite(c);
      skim.minutes[offset + d] = ok ? Math.max(0, c - g.delay[node]!) / 60 : NaN;
      skim.metres[offset + d] = ok ? tree.metres[node]! : NaN;
      skim.shortestMetres[offset + d] = ok ? distance.cost[node]! : NaN;
    });
  }
}

/** Least cost (s) between all zones, row-major; Infinity where there is no route. */
export function pairCosts(g: Graph, zoneNodes: readonly number[]): Float64Array {
  const n = zoneNodes.length;
  const tree = new ShortestPaths(g);
  const out = new Float64Array(n * n);
  for (let o = 0; o < n; o++) {
    tree.run(zoneNodes[o]!);
    for (let d = 0; d < n; d++) out[o * n + d] = tree.cost[zoneNodes[d]!]!;
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
  const skim: Skim = {
    minutes: new Float64Array(n * n),
    metres: new Float64Array(n * n),
    shortestMetres: new Float64Array(n * n),
  };
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

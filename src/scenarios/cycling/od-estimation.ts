import { Assigner, assign, type AssignOptions, type Skim } from './assignment.ts';
import type { Fit } from './network-file.ts';
import type { Graph } from './network.ts';

/**
 * Zones-to-zones trips from counts (models.md §3.3): a doubly constrained gravity prior with the
 * PBL bike distance decay, then multiplicative matching to the counted links (after the ME2 update,
 * Van Zuylen & Willumsen 1980): each OD pair is scaled by Π (count / modelled)^p over the counted
 * links, p being the share of that pair's trips that uses the link, taken to the power 1 / (counted
 * links on its routes) when it crosses more than one. Costs are fixed, so route shares stay put
 * while the matrix is adjusted. The problem is under-determined: the result reproduces the
 * counts, but OD detail comes from the prior.
 */

/** PBL NetworkModel log-logistic bike decay f(t) = 1 / (1 + exp(a + b·ln t + c·t)), t in minutes (unit unverified). */
export const PBL_BIKE_DECAY = { a: -7.957, b: 2.675, c: 0.01198 } as const;

export function bikeDecay(minutes: number): number {
  const t = Math.max(0.5, minutes);
  const { a, b, c } = PBL_BIKE_DECAY;
  return 1 / (1 + Math.exp(a + b * Math.log(t) + c * t));
}

/** Least-cost travel times between all zones. */
export function skimZones(g: Graph, zoneNodes: readonly number[]): Skim {
  const n = zoneNodes.length;
  const skim: Skim = {
    minutes: new Float64Array(n * n),
    metres: new Float64Array(n * n),
    shortestMetres: new Float64Array(n * n),
  };
  const assigner = new Assigner(g, zoneNodes, { routeChoice: 'aon', theta: 1 });
  for (let o = 0; o < n; o++) {
    assigner.prepare(o);
    assigner.skimOrigin(o, skim, o * n);
  }
  return skim;
}

/**
 * Doubly constrained gravity model: trip ends O_i = D_i ∝ weight_i, summing to `total`, spread by
 * the decay of the travel time and balanced by Furness iterations. Pairs without a route get none.
 */
export function gravitySeed(
  minutes: Float64Array,
  weights: readonly number[],
  total: number,
  iterations = 200,
): Float64Array {
  const n = weights.length;
  const sum = weights.reduce((s, w) => s + w, 0);
  const target = weights.map((w) => (sum > 0 ? (total * w) / sum : 0));
  const t = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const m = minutes[i * n + j]!;
      t[i * n + j] = i !== j && Number.isFinite(m) ? bikeDecay(m) : 0;
    }
  for (let it = 0; it < iterations; it++) {
    let worst = 0;
    for (let i = 0; i < n; i++) {
      let row = 0;
      for (let j = 0; j < n; j++) row += t[i * n + j]!;
      const f = row > 0 ? target[i]! / row : 0;
      for (let j = 0; j < n; j++) t[i * n + j] = t[i * n + j]! * f;
    }
    for (let j = 0; j < n; j++) {
      let col = 0;
      for (let i = 0; i < n; i++) col += t[i * n + j]!;
      const f = col > 0 ? target[j]! / col : 0;
      worst = Math.max(worst, Math.abs(col - target[j]!) / Math.max(1e-12, target[j]!));
      for (let i = 0; i < n; i++) t[i * n + j] = t[i * n + j]! * f;
    }
    if (worst < 1e-10) break;
  }
  return t;
}

/** One counted link: its index and observed daily count (both directions). */
export interface CountTarget {
  link: number;
  daily: number;
  /** Observed busiest-hour count / daily count, for the GEH; default 0.1. */
  peakShare?: number;
}

export interface EstimateInput {
  graph: Graph;
  zoneNodes: readonly number[];
  /** Relative trip ends per zone for the prior. */
  weights: readonly number[];
  targets: readonly CountTarget[];
  routeChoice: AssignOptions['routeChoice'];
  theta: number;
  /** Matching rounds (default 60). */
  iterations?: number;
  /** Total trips of the prior when there are no counts to scale it by (default 10,000). */
  totalWithoutCounts?: number;
}

export interface EstimateResult {
  /** Daily trips, row-major [origin · zones + destination]. */
  trips: Float64Array;
  /** Modelled daily flow on each target's link, and the fit to the counts. */
  modelled: Float64Array;
  fit: Fit | null;
  /** Relative RMSE after the prior and after every round. */
  history: number[];
}

export function estimateDemand(input: EstimateInput): EstimateResult {
  const { graph: g, zoneNodes, targets } = input;
  const n = zoneNodes.length;
  const skim = skimZones(g, zoneNodes);
  const trips = gravitySeed(skim.minutes, input.weights, 1);
  const options: AssignOptions = { routeChoice: input.routeChoice, theta: input.theta };
  const flowsAtTargets = () => {
    const flow = assign(g, { zoneNodes, trips }, options).linkFlow;
    return Float64Array.from(targets, (t) => flow[t.link]!);
  };
  if (targets.length === 0) {
    const total = input.totalWithoutCounts ?? 10_000;
    for (let k = 0; k < trips.length; k++) trips[k] = trips[k]! * total;
    return { trips, modelled: new Float64Array(0), fit: null, history: [] };
  }

  // Scale the prior to the counts (least squares), then match link by link.
  let modelled = flowsAtTargets();
  let cv = 0;
  let vv = 0;
  targets.forEach((t, i) => {
    cv += t.daily * modelled[i]!;
    vv += modelled[i]! ** 2;
  });
  const scale = vv > 0 ? cv / vv : 1;
  for (let k = 0; k < trips.length; k++) trips[k] = trips[k]! * scale;
  modelled = modelled.map((v) => v * scale);
  const history = [countFit(targets, modelled).relativeRmse];

  const assigner = new Assigner(g, zoneNodes, options);
  const logRatio = new Float64Array(g.tail.length);
  const isCounted = new Float64Array(g.tail.length);
  for (const t of targets) isCounted[2 * t.link] = isCounted[2 * t.link + 1] = 1;
  const logFactor = new Float64Array(n * n);
  const countedOnRoute = new Float64Array(n * n);
  for (let it = 0; it < (input.iterations ?? 60); it++) {
    logRatio.fill(0);
    targets.forEach((t, i) => {
      // +1 keeps a zero count or an unloaded link from giving an infinite factor.
      const r = Math.log((t.daily + 1) / (modelled[i]! + 1));
      logRatio[2 * t.link] = r;
      logRatio[2 * t.link + 1] = r;
    });
    for (let o = 0; o < n; o++) {
      assigner.prepare(o);
      assigner.expectedAlongRoutes(logRatio, logFactor, o * n);
      assigner.expectedAlongRoutes(isCounted, countedOnRoute, o * n);
    }
    // A pair crossing several counted links takes their (weighted) geometric mean ratio, not the
    // product: the full product overshoots and oscillates when counted links follow each other.
    for (let k = 0; k < trips.length; k++) {
      const e = logFactor[k]!;
      if (Number.isFinite(e)) trips[k] = trips[k]! * Math.exp(e / Math.max(1, countedOnRoute[k]!));
    }
    modelled = flowsAtTargets();
    history.push(countFit(targets, modelled).relativeRmse);
  }
  return { trips, modelled, fit: countFit(targets, modelled), history };
}

/**
 * How well modelled daily flows reproduce the counts: RMSE (and relative to the mean count), R², and
 * the GEH statistic at each point's busiest hour (the daily model flow times the point's observed
 * peak-hour share); GEH < 5 is the usual acceptance criterion for hourly flows.
 */
export function countFit(targets: readonly CountTarget[], modelled: ArrayLike<number>): Fit {
  const n = targets.length;
  let se = 0;
  let sum = 0;
  let maxGeh = 0;
  let below5 = 0;
  targets.forEach((t, i) => {
    const m = modelled[i]!;
    se += (m - t.daily) ** 2;
    sum += t.daily;
    const share = t.peakShare ?? 0.1;
    const mh = m * share;
    const ch = t.daily * share;
    const geh = mh + ch > 0 ? Math.sqrt((2 * (mh - ch) ** 2) / (mh + ch)) : 0;
    maxGeh = Math.max(maxGeh, geh);
    if (geh < 5) below5++;
  });
  const mean = n > 0 ? sum / n : 0;
  let tot = 0;
  for (const t of targets) tot += (t.daily - mean) ** 2;
  const rmse = n > 0 ? Math.sqrt(se / n) : 0;
  return {
    links: n,
    rmse,
    relativeRmse: mean > 0 ? rmse / mean : 0,
    maxGeh,
    shareGehBelow5: n > 0 ? below5 / n : 1,
    r2: tot > 0 ? 1 - se / tot : 1,
  };
}

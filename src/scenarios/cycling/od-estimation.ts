import { Assigner, assign, type AssignOptions, type Skim } from './assignment.ts';
import type { Fit } from './network-file.ts';
import type { Graph } from './network.ts';

/**
 * Zones-to-zones trips from counts (models.md §3.3): a doubly constrained gravity prior with the
 * PBL bike distance decay, then matched to the counted links by Spiess's gradient method (H. Spiess,
 * "A gradient approach for the O-D matrix adjustment problem", CRT publication 693, Montréal 1990),
 * with conjugate directions. The objective is Σ (modelled − count)² / count over the counted links
 * (the square of a GEH-like error); each OD pair moves in proportion to its own trips (T_k·∂F/∂T_k),
 * so pairs without trips stay without, and the step is the exact minimum along the direction (costs
 * are fixed, so link flows are linear in the trips) but never more than 90 % of the way to emptying
 * a pair. Successive directions are made conjugate (Polak–Ribière, restarted whenever that bound
 * binds or a direction stops going down), which keeps the number of rounds low when many links are
 * counted, where plain scaling rounds slow down.
 *
 * It stops when the counts are matched (relative RMSE at or below `tolerance`), when the objective
 * no longer falls (less than 0.1 % over the last ten rounds: counts that disagree with each other
 * cannot be matched more closely), or at the round limit, and says which. The problem is
 * under-determined: the result reproduces the counts, but OD detail comes from the prior.
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
  /** Most matching rounds (default 300). */
  iterations?: number;
  /** Relative RMSE at which the counts count as matched (default 0.001). */
  tolerance?: number;
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
  /** Rounds run, and why they stopped. */
  iterations: number;
  stop: StopReason;
}

/** `matched`: within the tolerance; `stalled`: the objective stopped falling; `limit`: out of rounds. */
export type StopReason = 'matched' | 'stalled' | 'limit';

export const ESTIMATION_DEFAULTS = { iterations: 300, tolerance: 0.001 } as const;

/** Rounds over which the objective must fall by at least STALL_SHARE of itself to go on. */
const STALL_ROUNDS = 10;
const STALL_SHARE = 0.001;
/** A step empties no OD pair: at most this share of the way to the first pair reaching 0. */
const MAX_STEP_SHARE = 0.9;

export function estimateDemand(input: EstimateInput): EstimateResult {
  const { graph: g, zoneNodes, targets } = input;
  const n = zoneNodes.length;
  const skim = skimZones(g, zoneNodes);
  const trips = gravitySeed(skim.minutes, input.weights, 1);
  const options: AssignOptions = { routeChoice: input.routeChoice, theta: input.theta };
  if (targets.length === 0) {
    const total = input.totalWithoutCounts ?? 10_000;
    for (let k = 0; k < trips.length; k++) trips[k] = trips[k]! * total;
    return { trips, modelled: new Float64Array(0), fit: null, history: [], iterations: 0, stop: 'matched' };
  }

  // Scale the prior to the counts (least squares).
  const flow = assign(g, { zoneNodes, trips }, options).linkFlow;
  const modelled = Float64Array.from(targets, (t) => flow[t.link]!);
  let cv = 0;
  let vv = 0;
  targets.forEach((t, i) => {
    cv += t.daily * modelled[i]!;
    vv += modelled[i]! ** 2;
  });
  const scale = vv > 0 ? cv / vv : 1;
  for (let k = 0; k < trips.length; k++) trips[k] = trips[k]! * scale;
  for (let i = 0; i < modelled.length; i++) modelled[i] = modelled[i]! * scale;

  const maxRounds = input.iterations ?? ESTIMATION_DEFAULTS.iterations;
  const tolerance = input.tolerance ?? ESTIMATION_DEFAULTS.tolerance;
  const weight = targets.map((t) => 1 / Math.max(1, t.daily));
  const objective = () => targets.reduce((f, t, i) => f + weight[i]! * (modelled[i]! - t.daily) ** 2, 0);
  const history = [countFit(targets, modelled).relativeRmse];
  const objectives = [objective()];

  const assigner = new Assigner(g, zoneNodes, options);
  const arcResidual = new Float64Array(g.tail.length);
  const gradient = new Float64Array(n * n);
  const previous = new Float64Array(n * n);
  const direction = new Float64Array(n * n);
  const up = new Float64Array(n * n);
  const down = new Float64Array(n * n);
  const arcUp = new Float64Array(g.tail.length);
  const arcDown = new Float64Array(g.tail.length);
  const unservable = new Float64Array(n * n);
  const change = new Float64Array(targets.length);
  let previousNorm = 0;
  let restart = true;
  let stop: StopReason = 'limit';
  let rounds = 0;
  while (rounds < maxRounds) {
    if (history.at(-1)! <= tolerance) {
      stop = 'matched';
      break;
    }
    const f = objectives.length;
    if (
      f > STALL_ROUNDS &&
      objectives[f - 1 - STALL_ROUNDS]! - objectives[f - 1]! < STALL_SHARE * objectives[f - 1 - STALL_ROUNDS]!
    ) {
      stop = 'stalled';
      break;
    }
    // ∂F/∂T_k = 2 Σ_a w_a (v_a − c_a) · p_ak: the expected weighted residual along the pair's routes.
    arcResidual.fill(0);
    targets.forEach((t, i) => {
      const r = weight[i]! * (modelled[i]! - t.daily);
      arcResidual[2 * t.link] = r;
      arcResidual[2 * t.link + 1] = r;
    });
    for (let o = 0; o < n; o++) {
      assigner.prepare(o);
      assigner.expectedAlongRoutes(arcResidual, gradient, o * n);
    }
    // Directions in Spiess's metric (each pair scaled by its own trips), made conjugate.
    let norm = 0;
    let overlap = 0;
    for (let k = 0; k < gradient.length; k++) {
      const gk = Number.isFinite(gradient[k]!) ? gradient[k]! : 0;
      gradient[k] = gk;
      norm += trips[k]! * gk * gk;
      overlap += trips[k]! * gk * previous[k]!;
    }
    const beta = restart || previousNorm <= 0 ? 0 : Math.max(0, (norm - overlap) / previousNorm);
    for (let k = 0; k < direction.length; k++)
      direction[k] = -trips[k]! * gradient[k]! + beta * direction[k]!;
    previousNorm = norm;
    previous.set(gradient);
    // The counted flows the direction adds (loading is linear; up and down parts load separately).
    for (let k = 0; k < direction.length; k++) {
      const d = direction[k]!;
      up[k] = d > 0 ? d : 0;
      down[k] = d < 0 ? -d : 0;
    }
    arcUp.fill(0);
    arcDown.fill(0);
    for (let o = 0; o < n; o++) {
      assigner.prepare(o);
      assigner.loadOrigin(up, o * n, arcUp, unservable);
      assigner.loadOrigin(down, o * n, arcDown, unservable);
    }
    let along = 0;
    let curvature = 0;
    targets.forEach((t, i) => {
      const a = 2 * t.link;
      change[i] = arcUp[a]! + arcUp[a + 1]! - arcDown[a]! - arcDown[a + 1]!;
      along -= weight[i]! * (modelled[i]! - t.daily) * change[i]!;
      curvature += weight[i]! * change[i]! ** 2;
    });
    if (!(along > 0 && curvature > 0)) {
      if (restart) {
        stop = 'stalled'; // not even the steepest direction goes down
        break;
      }
      restart = true; // a conjugate direction that does not go down: start again from the gradient
      continue;
    }
    // The exact minimum along the direction, but no pair emptied.
    let step = along / curvature;
    let room = Infinity;
    for (let k = 0; k < direction.length; k++)
      if (direction[k]! < 0 && trips[k]! > 0) room = Math.min(room, trips[k]! / -direction[k]!);
    restart = step > MAX_STEP_SHARE * room;
    if (restart) step = MAX_STEP_SHARE * room;
    for (let k = 0; k < trips.length; k++) trips[k] = Math.max(0, trips[k]! + step * direction[k]!);
    for (let i = 0; i < modelled.length; i++) modelled[i] = modelled[i]! + step * change[i]!;
    rounds++;
    history.push(countFit(targets, modelled).relativeRmse);
    objectives.push(objective());
  }
  if (stop === 'limit' && history.at(-1)! <= tolerance) stop = 'matched';
  // The fit as a fresh assignment of the result loads it (no drift from the linear updates).
  const final = assign(g, { zoneNodes, trips }, options).linkFlow;
  const loaded = Float64Array.from(targets, (t) => final[t.link]!);
  const fit = { ...countFit(targets, loaded), rounds, stop };
  return { trips, modelled: loaded, fit, history, iterations: rounds, stop };
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

import type { CountingSite, SiteSeries } from '../sources/crowd-counts/feed.ts';
import { seriesStartMs } from '../sources/crowd-counts/feed.ts';
import { WEIDMANN_1993, capacity, flow } from '../scenarios/crowd/weidmann.ts';

/**
 * From raw counts per interval to the one number the monitor watches per site, with the privacy
 * rule applied first.
 *
 * Privacy (the rule every output inherits): a raw count below the threshold T is replaced by the
 * middle of what it could have been, (T − 1) / 2, before anything is computed. Everything downstream
 * therefore depends only on the fact that a count was small, never on its value: two feeds that
 * differ only in their small counts give identical output. A derived count (the crossings of a
 * line, the persons inside an area) below T is in turn suppressed: it becomes unknown.
 *
 * - Line: crossings = in + out per interval; density from the free-flow branch of Weidmann
 *   (models.md §1.7). Both directions small → the sum is below T → suppressed.
 * - Area: N = N₀ + Σ in − Σ out, capped at ≥ 0, with N₀ = 0 at the series start and at every
 *   re-zero instant (a known empty moment, §1.7); ρ = N / A. An interval without data breaks the
 *   chain: N stays unknown until the next re-zero, because guessing the missing flow would drift.
 */
export const STATE_MISSING = 0; // no data for the interval
export const STATE_UNKNOWN = 1; // data arrived, but the value cannot be known (broken cordon chain)
export const STATE_SUPPRESSED = 2; // below the privacy threshold
export const STATE_KNOWN = 3;

export interface SiteMeasures {
  startMs: number;
  intervalMs: number;
  /** Absolute index of the first interval held in the arrays below. */
  from: number;
  /** One past the newest interval that ended at or before now. */
  to: number;
  /** STATE_* per interval (index − from). */
  state: Uint8Array;
  /** Crossings per interval (line) or persons inside at the interval end (area); NaN unless known. */
  value: Float64Array;
  /** Persons/m²; NaN unless known. */
  density: Float64Array;
  /** Line flow at or above Weidmann's capacity: the density is only a lower bound. */
  atCapacity: Uint8Array;
}

export interface MeasureOptions {
  nowMs: number;
  threshold: number;
  /** Keep intervals ending after this instant (lines are computed only there; areas from the start). */
  keepFromMs: number;
  /** Known empty moments for area sites, ascending. */
  rezeroAt: readonly number[];
}

const TABLE_SIZE = 4096;
let inverse: { rho: Float64Array; q: Float64Array; qMax: number; rhoC: number } | undefined;

/**
 * Weidmann's free-flow inversion ρ(q) (as weidmann.ts freeFlowDensity), from a table of q(ρ) on
 * 4,096 equal steps of ρ up to capacity: a refresh of 200 sites needs tens of thousands of
 * inversions, and 60 bisection steps each made that the slowest part of the monitor. The error is
 * below one step of ρ (0.0004 p/m²) near capacity and far smaller elsewhere.
 */
export function freeFlowDensityFast(q: number): { density: number; overCapacity: boolean } {
  if (!inverse) {
    const cap = capacity(WEIDMANN_1993);
    const rho = new Float64Array(TABLE_SIZE + 1);
    const qs = new Float64Array(TABLE_SIZE + 1);
    for (let i = 0; i <= TABLE_SIZE; i++) {
      rho[i] = (cap.density * i) / TABLE_SIZE;
      qs[i] = flow(rho[i]!, WEIDMANN_1993);
    }
    inverse = { rho, q: qs, qMax: cap.flow, rhoC: cap.density };
  }
  if (!(q > 0)) return { density: 0, overCapacity: false };
  if (q >= inverse.qMax) return { density: inverse.rhoC, overCapacity: true };
  let lo = 0;
  let hi = TABLE_SIZE;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (inverse.q[mid]! <= q) lo = mid;
    else hi = mid;
  }
  const q0 = inverse.q[lo]!;
  const q1 = inverse.q[hi]!;
  const r0 = inverse.rho[lo]!;
  const r1 = inverse.rho[hi]!;
  return { density: q1 > q0 ? r0 + ((q - q0) / (q1 - q0)) * (r1 - r0) : r0, overCapacity: false };
}

/** The stand-in for a count below the threshold (see the module comment). */
export function suppressedStandIn(threshold: number): number {
  return Math.max(0, (threshold - 1) / 2);
}

export function measureSite(site: CountingSite, series: SiteSeries, opts: MeasureOptions): SiteMeasures {
  const startMs = seriesStartMs(series);
  const intervalMs = series.intervalSeconds * 1000;
  const n = series.in.length;
  // Interval i is observed once it has ended: start + (i + 1) · Δt ≤ now.
  const to = Math.max(0, Math.min(n, Math.floor((opts.nowMs - startMs) / intervalMs)));
  const from = Math.min(to, Math.max(0, Math.floor((opts.keepFromMs - startMs) / intervalMs)));
  const len = to - from;
  const m: SiteMeasures = {
    startMs,
    intervalMs,
    from,
    to,
    state: new Uint8Array(len),
    value: new Float64Array(len).fill(NaN),
    density: new Float64Array(len).fill(NaN),
    atCapacity: new Uint8Array(len),
  };
  const t = opts.threshold;
  const standIn = suppressedStandIn(t);
  const shown = (c: number) => (c < t ? standIn : c);

  if (site.kind === 'line') {
    const perMetreSecond = 1 / (series.intervalSeconds * (site.widthM ?? NaN));
    for (let i = from; i < to; i++) {
      const a = series.in[i];
      const b = series.out[i];
      const k = i - from;
      if (a === null || a === undefined || b === null || b === undefined) continue;
      const total = shown(a) + shown(b);
      if (total < t) {
        m.state[k] = STATE_SUPPRESSED;
        continue;
      }
      const inv = freeFlowDensityFast(total * perMetreSecond);
      m.state[k] = STATE_KNOWN;
      m.value[k] = total;
      m.density[k] = inv.density;
      m.atCapacity[k] = inv.overCapacity ? 1 : 0;
    }
    return m;
  }

  const area = site.areaM2 ?? NaN;
  let inside = 0;
  let broken = false;
  let reset = 0;
  for (let i = 0; i < to; i++) {
    const intervalStart = startMs + i * intervalMs;
    while (reset < opts.rezeroAt.length && opts.rezeroAt[reset]! <= intervalStart) {
      inside = 0;
      broken = false;
      reset++;
    }
    const a = series.in[i];
    const b = series.out[i];
    const k = i - from;
    if (a === null || a === undefined || b === null || b === undefined) {
      broken = true;
      continue;
    }
    inside = Math.max(0, inside + shown(a) - shown(b));
    if (k < 0) continue;
    if (broken) m.state[k] = STATE_UNKNOWN;
    else if (inside < t) m.state[k] = STATE_SUPPRESSED;
    else {
      m.state[k] = STATE_KNOWN;
      m.value[k] = inside;
      m.density[k] = inside / area;
    }
  }
  return m;
}

/** Density (p/m²) of a per-interval value (crossings or persons inside) at a site, for forecasts. */
export function densityOf(site: CountingSite, intervalSeconds: number, value: number): number {
  if (site.kind === 'area') return value / (site.areaM2 ?? NaN);
  return freeFlowDensityFast(value / (intervalSeconds * (site.widthM ?? NaN))).density;
}

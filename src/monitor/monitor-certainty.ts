import { exceeds, type Threshold } from '../scenarios/crowd/thresholds.ts';

/**
 * How sure the monitor is, in three words the event team can act on. The rule, in full:
 *
 * 1. Data (how much recent data there is, and how old it is):
 *    - low:    newest data older than the stale limit (default 30 min), or fewer than 40 % of the
 *              intervals in the history window (default 120 min) have a usable value;
 *    - medium: fewer than 75 % usable, or the newest data is older than two intervals (at least
 *              10 min) — a late feed;
 *    - high:   otherwise.
 * 2. Band (the forecast's 90 % band against a threshold):
 *    - a forecast warning is high when even the lower edge of the band passes the threshold,
 *      medium when the expected value passes it but the lower edge does not, and low when only
 *      the upper edge passes it;
 *    - a site's forecast is high when the band at the furthest horizon contains no threshold
 *      (it stays within one warning level), medium when it contains one, low when more.
 * 3. The result is the lower of the two. A warning about "now" has no band: it is as sure as the
 *    data behind it.
 */
export type Certainty = 'high' | 'medium' | 'low';

const RANK: Record<Certainty, number> = { low: 0, medium: 1, high: 2 };

export function certaintyRank(c: Certainty): number {
  return RANK[c];
}

export function lowerOf(a: Certainty, b: Certainty): Certainty {
  return RANK[a] <= RANK[b] ? a : b;
}

export const FULL_COVERAGE = 0.75;
export const MIN_COVERAGE = 0.4;
export const FRESH_MS = 10 * 60_000;

export interface DataQuality {
  /** Intervals with a usable value in the history window. */
  usable: number;
  /** Intervals the window should hold. */
  expected: number;
  /** Now minus the end of the newest interval with data (ms). */
  ageMs: number;
  intervalMs: number;
  staleAfterMs: number;
}

export function dataCertainty(q: DataQuality): Certainty {
  const coverage = q.expected > 0 ? q.usable / q.expected : 0;
  if (!(q.ageMs <= q.staleAfterMs) || coverage < MIN_COVERAGE) return 'low';
  const fresh = q.ageMs <= Math.max(2 * q.intervalMs, FRESH_MS);
  return coverage < FULL_COVERAGE || !fresh ? 'medium' : 'high';
}

export interface Band {
  density: number;
  low: number;
  high: number;
}

/** How sure "this will pass the threshold" is, from where the band lies (rule 2, warnings). */
export function bandCertaintyFor(band: Band, threshold: Threshold): Certainty {
  if (exceeds(band.low, threshold)) return 'high';
  if (exceeds(band.density, threshold)) return 'medium';
  return 'low';
}

/** How sure the warning level of a forecast is, from the thresholds inside its band (rule 2, sites). */
export function bandCertaintyOfLevel(band: Band, thresholds: readonly Threshold[]): Certainty {
  const inside = thresholds.filter((t) => band.low < t.density && t.density < band.high).length;
  return inside === 0 ? 'high' : inside === 1 ? 'medium' : 'low';
}

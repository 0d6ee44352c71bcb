import { suppressSmallCounts } from '../scenarios/crowd/counts-to-density.ts';
import type { CountingSite } from '../sources/crowd-counts/feed.ts';
import { STATE_KNOWN, densityOf, type SiteMeasures } from './monitor-measure.ts';

/**
 * The site forecast, 15–60 minutes ahead: the usual profile (if any) plus today's deviation from
 * it, where the deviation follows Holt's linear method with a damped trend (Gardner & McKenzie
 * 1985; ETS(A,Ad,N) in Hyndman & Athanasopoulos, *Forecasting: Principles and Practice*):
 *
 *   d_t = y_t − usual_t
 *   ℓ_t = ℓ_{t−1} + φ·b_{t−1} + α·e_t,   b_t = φ·b_{t−1} + β·e_t,   e_t = d_t − (ℓ_{t−1} + φ·b_{t−1})
 *   ŷ_{t+h} = usual_{t+h} + ℓ_t + (φ + φ² + … + φ^h)·b_t
 *
 * Why not forecast.ts's ratio to the profile: on an event day the usual (ordinary Saturday) shape
 * has nothing to do with the event, and multiplying it by an event ratio of ×10 turned the end of
 * the Saturday market into a forecast that the square would empty while it was still filling. An
 * additive deviation keeps the event crowd as it is; the damped trend sees a square filling up or
 * an exit wave starting, and stops extrapolating after about an hour.
 *
 * The 90 % band: σ is the root-mean-square one-step error of the window; h steps ahead the
 * variance is σ²·(1 + Σ_{j=1}^{h−1} (α + β·φ_j)²) with φ_j = φ + … + φ^j (the error of step t+k
 * reaches step t+h through the level, α, and through the trend, β·φ_{h−k}).
 */
export interface ForecastPoint {
  minutesAhead: number;
  density: number;
  low: number;
  high: number;
}

/**
 * Smoothing weights and damping per 5 minutes; they are converted to the feed's interval so 1- and
 * 15-minute feeds behave alike.
 */
export interface HoltParams {
  /** Weight of the newest error in the level. */
  alpha: number;
  /** Weight of the newest error in the trend. */
  beta: number;
  /** Share of the trend kept per 5 minutes. */
  damping: number;
}

export const DEFAULT_HOLT: Readonly<HoltParams> = Object.freeze({ alpha: 0.5, beta: 0.15, damping: 0.85 });

const FIVE_MIN = 5 * 60_000;
/** z for a two-sided 90 % band. */
const Z90 = 1.645;
/** Residuals kept for σ: the most recent ones, about two hours at 5-minute intervals. */
const RESIDUAL_WINDOW = 24;
/** Until there are 4 residuals, σ is assumed to be this share of the latest value. */
const FALLBACK_RELATIVE_SIGMA = 0.25;

export interface SiteForecastInput {
  site: CountingSite;
  measures: SiteMeasures;
  nowMs: number;
  windowStartMs: number;
  horizonsMinutes: readonly number[];
  threshold: number;
  /** The usual rate at an instant (crossings per minute or persons inside), if known. */
  usual?: ((timeMs: number) => number | undefined) | undefined;
  params?: HoltParams;
}

/** A per-5-minute smoothing weight for an interval of `intervalMs`. */
function perInterval(weight5: number, intervalMs: number): number {
  return 1 - (1 - weight5) ** (intervalMs / FIVE_MIN);
}

export function forecastSite(input: SiteForecastInput): ForecastPoint[] {
  const { site, measures: m, nowMs, threshold } = input;
  const I = m.intervalMs;
  const p = input.params ?? DEFAULT_HOLT;
  const alpha = perInterval(p.alpha, I);
  const beta = perInterval(p.beta, I);
  const phi = p.damping ** (I / FIVE_MIN);

  // The usual profile speaks in rates; the model works in per-interval values.
  const scale = site.kind === 'line' ? I / 60_000 : 1;
  const startOf = (k: number) => m.startMs + (m.from + k) * I;
  let lastKnown = -1;
  for (let k = m.to - m.from - 1; k >= 0 && lastKnown < 0; k--) if (m.state[k] === STATE_KNOWN) lastKnown = k;
  if (lastKnown < 0) return [];
  const usual = input.usual;
  const hasUsual = usual !== undefined && usual(startOf(lastKnown) + I / 2) !== undefined;
  let lastUsual = 0;
  const usualAt = (start: number): number => {
    const u = hasUsual ? usual(start + I / 2) : 0;
    if (u !== undefined) lastUsual = u * scale;
    return lastUsual;
  };

  let level = NaN;
  let trend = 0;
  const residuals: number[] = [];
  for (let k = 0; k <= lastKnown; k++) {
    const start = startOf(k);
    if (start + I <= input.windowStartMs) continue;
    if (Number.isNaN(level)) {
      if (m.state[k] !== STATE_KNOWN) continue;
      level = m.value[k]! - usualAt(start);
      continue;
    }
    const predicted = level + phi * trend;
    if (m.state[k] !== STATE_KNOWN) {
      // No observation: carry the states forward so time stays aligned.
      level = predicted;
      trend *= phi;
      continue;
    }
    const error = m.value[k]! - usualAt(start) - predicted;
    residuals.push(error);
    level = predicted + alpha * error;
    trend = phi * trend + beta * error;
  }
  if (Number.isNaN(level)) return [];

  const recent = residuals.slice(-RESIDUAL_WINDOW);
  const latest = m.value[lastKnown]!;
  const sigma =
    recent.length >= 4
      ? Math.sqrt(recent.reduce((s, e) => s + e * e, 0) / recent.length)
      : FALLBACK_RELATIVE_SIGMA * latest;

  const lastEnd = startOf(lastKnown) + I;
  const seconds = I / 1000;
  const points: ForecastPoint[] = [];
  for (const minutes of input.horizonsMinutes) {
    const h = Math.max(1, Math.round((nowMs + minutes * 60_000 - lastEnd) / I));
    let phiSum = 0;
    let variance = 1;
    for (let j = 1; j <= h; j++) {
      phiSum += phi ** j;
      // c_j uses φ_j for j = 1 … h − 1; the loop's last φ sum (j = h) is the trend multiplier.
      if (j < h) variance += (alpha + beta * phiSum) ** 2;
    }
    const target = lastEnd + (h - 1) * I;
    const raw = Math.max(0, usualAt(target) + level + phiSum * trend);
    // A forecast of too few people is left out, band and all: it would reveal a small number.
    const expected = suppressSmallCounts(raw, threshold);
    if (expected === null) continue;
    const spread = Z90 * sigma * Math.sqrt(variance);
    points.push({
      minutesAhead: minutes,
      density: densityOf(site, seconds, expected),
      low: densityOf(site, seconds, Math.max(0, expected - spread)),
      high: densityOf(site, seconds, expected + spread),
    });
  }
  return points;
}

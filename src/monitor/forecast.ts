import { DEFAULT_SUPPRESSION_THRESHOLD, suppressSmallCounts } from '../scenarios/crowd/counts-to-density.ts';

/**
 * Short-term forecast (15–60 min ahead) of counts from the last few intervals and the usual daily
 * profile: the "profile baseline" that Pulse of the City (Nijmegen) found hard to beat
 * (models.md §1.8), made adaptive with a smoothed ratio to that profile.
 *
 *   ratio_t = observed_t / profile_t
 *   r̂_t = α · ratio_t + (1 − α) · r̂_{t−1}                          (simple exponential smoothing)
 *   forecast_{t+h} = profile_{t+h} · (1 + (r̂_t − 1) · φ^h)         (damped back to the profile)
 *
 * The band uses the root-mean-square of recent one-step ratio errors, widened with the horizon as
 * for simple exponential smoothing: σ_h = σ · √(1 + (h − 1) · α²) (Hyndman & Athanasopoulos,
 * *Forecasting: Principles and Practice*, ETS(A,N,N) prediction intervals). Unit-free: counts per
 * interval in, counts per interval out.
 */
export interface Observation {
  /** Interval start (ms). */
  time: number;
  count: number;
}

export interface ForecastOptions {
  /** Equally spaced recent observations, oldest first (e.g. the last 2–6 hours). */
  observed: readonly Observation[];
  /** The usual count for the interval starting at `time` (weekday × time-of-day profile). */
  profile: (time: number) => number;
  /** Interval length (ms). */
  intervalMs: number;
  /** How many intervals ahead to forecast, e.g. [1, 2, 4] for 15/30/60 min with 15-min intervals. */
  horizons: readonly number[];
  /** Smoothing weight of the newest ratio (0 < α ≤ 1). */
  alpha?: number;
  /** Per-interval pull of the ratio back to the usual profile (0 < φ ≤ 1; 1 = none). */
  damping?: number;
  /** Half-width of the band in standard errors (1.645 ≈ a 90 % band). */
  z?: number;
  /** Intervals whose profile is below this are skipped (ratios of tiny numbers are noise). */
  minProfile?: number;
  /** Ratio error assumed until there are at least 4 residuals. */
  fallbackSigma?: number;
  /** Residuals kept for the band (the most recent ones). */
  residualWindow?: number;
  suppressBelow?: number;
}

export interface ForecastPoint {
  time: number;
  horizon: number;
  /** The usual count (profile) for this interval. */
  usual: number;
  /** Expected count and band; null when below the privacy threshold. */
  expected: number | null;
  lower: number | null;
  upper: number | null;
}

export interface Forecast {
  /** Smoothed ratio to the profile at the last observation (1 = as usual). */
  ratio: number;
  /** Root-mean-square one-step ratio error used for the band. */
  sigma: number;
  points: ForecastPoint[];
}

export function forecast(options: ForecastOptions): Forecast {
  const {
    observed,
    profile,
    intervalMs,
    horizons,
    alpha = 0.3,
    damping = 0.97,
    z = 1.645,
    minProfile = 1,
    fallbackSigma = 0.25,
    residualWindow = 24,
    suppressBelow = DEFAULT_SUPPRESSION_THRESHOLD,
  } = options;
  if (!(alpha > 0 && alpha <= 1)) throw new RangeError(`alpha must be in (0, 1], got ${alpha}`);
  if (!(damping > 0 && damping <= 1)) throw new RangeError(`damping must be in (0, 1], got ${damping}`);
  if (!(intervalMs > 0)) throw new RangeError(`intervalMs must be > 0, got ${intervalMs}`);

  let ratio = 1;
  let seen = 0;
  const residuals: number[] = [];
  for (const o of observed) {
    const usual = profile(o.time);
    if (!(usual >= minProfile) || !Number.isFinite(o.count)) continue;
    const r = o.count / usual;
    // The first usable interval only initialises the level; later ones also give a one-step error.
    if (seen > 0) residuals.push(r - ratio);
    ratio = seen === 0 ? r : alpha * r + (1 - alpha) * ratio;
    seen++;
  }
  const recent = residuals.slice(-residualWindow);
  const sigma =
    recent.length >= 4 ? Math.sqrt(recent.reduce((s, e) => s + e * e, 0) / recent.length) : fallbackSigma;

  const last = observed.at(-1)?.time;
  const points = horizons.map((h): ForecastPoint => {
    if (!(Number.isInteger(h) && h >= 1))
      throw new RangeError(`horizon must be a positive integer, got ${h}`);
    const time = (last ?? 0) + h * intervalMs;
    const usual = Math.max(0, profile(time));
    const r = 1 + (ratio - 1) * damping ** h;
    const spread = z * sigma * Math.sqrt(1 + (h - 1) * alpha * alpha);
    const expected = suppressSmallCounts(usual * Math.max(0, r), suppressBelow);
    // A band is only shown with its forecast; it would otherwise reveal a small number.
    return {
      time,
      horizon: h,
      usual,
      expected,
      lower: expected === null ? null : usual * Math.max(0, r - spread),
      upper: expected === null ? null : usual * (r + spread),
    };
  });
  return { ratio, sigma, points };
}

/**
 * The usual profile from history, as Pulse of the City does: the mean count per slot (e.g.
 * weekday × quarter-hour, computed by `slotOf` in local time), optionally scaled by a trend factor.
 * Slots never seen return `fallback`.
 */
export function profileFromHistory(
  history: readonly Observation[],
  slotOf: (time: number) => string,
  { trend = 1, fallback = 0 }: { trend?: number; fallback?: number } = {},
): (time: number) => number {
  const sums = new Map<string, { sum: number; n: number }>();
  for (const o of history) {
    if (!Number.isFinite(o.count)) continue;
    const key = slotOf(o.time);
    const s = sums.get(key) ?? { sum: 0, n: 0 };
    s.sum += o.count;
    s.n++;
    sums.set(key, s);
  }
  const means = new Map([...sums].map(([key, s]) => [key, (s.sum / s.n) * trend]));
  return (time) => means.get(slotOf(time)) ?? fallback;
}

import { freeFlowDensity, WEIDMANN_1993, type WeidmannParams } from './weidmann.ts';

/**
 * From counting sensors to density (models.md §1.7), and the privacy rule for counts that leave
 * the model.
 */

/**
 * Small counts can single out people (one person passing a sensor at 03:00), so any count below
 * the threshold becomes `null` ("too few to show"), never 0 and never the raw value. Apply it to
 * every count-like number that leaves the model, including values that can be inverted back to a
 * count (a density computed from one line count is such a value).
 */
export function suppressSmallCounts(value: number | null, threshold: number): number | null {
  if (!Number.isFinite(threshold) || threshold < 0) throw new RangeError(`bad threshold ${threshold}`);
  if (value === null || !Number.isFinite(value)) return null;
  return value < threshold ? null : value;
}

/** A policy default (a design choice, not a legal standard): fewer than 5 people are not shown. */
export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

/** One counting interval at a line, with the two directions counted separately. */
export interface LineCount {
  /** Interval start, ms since the epoch (or any monotone clock). */
  start: number;
  /** Interval length in seconds. */
  seconds: number;
  /** Persons crossing in direction A and B during the interval. */
  a: number;
  b: number;
}

export interface LineDensity {
  start: number;
  /** Counts after suppression (null = too few to show). */
  a: number | null;
  b: number | null;
  /** Specific flow per direction and in total, p/(m·s); null when the count was suppressed. */
  flowA: number | null;
  flowB: number | null;
  /** Free-flow density per direction and for both directions together (p/m²). */
  densityA: number | null;
  densityB: number | null;
  density: number | null;
  /** The total flow reached Weidmann's capacity: the density is a lower bound, the street may be jammed. */
  overCapacity: boolean;
}

export interface LineOptions {
  /** Effective walkable width at the line (m), after furniture and shy distances. */
  width: number;
  params?: WeidmannParams;
  suppressBelow?: number;
}

/**
 * Line count → density per interval and direction: q = count / (Δt · w_eff), then the free-flow
 * branch of Weidmann is inverted. The total uses the summed flow over the shared width, because
 * both directions occupy the same street; it is not the sum of the two directional densities
 * (the diagram is non-linear). The congested branch is never chosen here (one line cannot tell).
 */
export function lineCountsToDensity(counts: readonly LineCount[], options: LineOptions): LineDensity[] {
  const { width, params = WEIDMANN_1993, suppressBelow = DEFAULT_SUPPRESSION_THRESHOLD } = options;
  if (!(width > 0)) throw new RangeError(`width must be > 0 m, got ${width}`);
  return counts.map((c) => {
    if (!(c.seconds > 0)) throw new RangeError(`interval at ${c.start} must last > 0 s`);
    const a = suppressSmallCounts(c.a, suppressBelow);
    const b = suppressSmallCounts(c.b, suppressBelow);
    const total = suppressSmallCounts(c.a + c.b, suppressBelow);
    const perMetre = (n: number | null) => (n === null ? null : n / (c.seconds * width));
    const flowA = perMetre(a);
    const flowB = perMetre(b);
    const flowTotal = perMetre(total);
    const inv = flowTotal === null ? null : freeFlowDensity(flowTotal, params);
    return {
      start: c.start,
      a,
      b,
      flowA,
      flowB,
      densityA: flowA === null ? null : freeFlowDensity(flowA, params).density,
      densityB: flowB === null ? null : freeFlowDensity(flowB, params).density,
      density: inv?.density ?? null,
      overCapacity: inv?.overCapacity ?? false,
    };
  });
}

/** In and out counts across an area's cordon during one interval. */
export interface CordonCount {
  start: number;
  in: number;
  out: number;
}

export interface CordonOptions {
  /** Walkable area inside the cordon (m²). */
  area: number;
  /** Persons inside before the first interval (default 0: start at a known empty moment). */
  initial?: number;
  /**
   * Moments known to be (nearly) empty, e.g. 05:00 every night: the accumulation is reset to 0
   * at the first interval starting at or after each of them, so counting errors cannot pile up.
   */
  rezeroAt?: readonly number[];
  suppressBelow?: number;
}

export interface CordonState {
  start: number;
  /** Persons inside at the end of the interval (suppressed; null = too few to show). */
  inside: number | null;
  density: number | null;
  /** Set on intervals where the count was re-zeroed: the drift that was thrown away (persons). */
  drift?: number;
}

/**
 * Cordon accumulation N(t) = N(t0) + Σ in − Σ out, capped at N ≥ 0, re-zeroed at known empty
 * times (models.md §1.7, after J. Adv. Transp. 2018, 7328074: flow-correlated miscounts
 * accumulate, so the practical fix is to re-zero at night). ρ = N / A.
 */
export function cordonDensity(counts: readonly CordonCount[], options: CordonOptions): CordonState[] {
  const { area, initial = 0, rezeroAt = [], suppressBelow = DEFAULT_SUPPRESSION_THRESHOLD } = options;
  if (!(area > 0)) throw new RangeError(`area must be > 0 m², got ${area}`);
  if (!(initial >= 0)) throw new RangeError(`initial count must be ≥ 0, got ${initial}`);
  const resets = [...rezeroAt].sort((x, y) => x - y);
  let next = 0;
  let inside = initial;
  const out: CordonState[] = [];
  for (const c of counts) {
    let drift: number | undefined;
    while (next < resets.length && resets[next]! <= c.start) {
      drift = inside;
      inside = 0;
      next++;
    }
    inside = Math.max(0, inside + c.in - c.out);
    const shown = suppressSmallCounts(inside, suppressBelow);
    const state: CordonState = {
      start: c.start,
      inside: shown,
      density: shown === null ? null : shown / area,
    };
    if (drift !== undefined) state.drift = drift;
    out.push(state);
  }
  return out;
}

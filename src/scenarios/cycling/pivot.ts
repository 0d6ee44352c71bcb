/**
 * Pivot-point flows (models.md §3.1): the scenario flow is built on the observed flow, with only the
 * change an edit causes taken from the model. The observed flow is the count where a link has one,
 * else the assigned baseline itself, so with no edits the result is exactly the counts. Because costs
 * are fixed, assignment is linear in demand and the change spreads over the hours with the network's
 * hourly profile. Daly, Fox & Tuinenga (2005, "Pivot-point procedures in practical travel demand
 * forecasting", ERSA) discuss the choice of rule; three are offered, with B the assigned baseline
 * and S the assigned scenario flow of a link:
 *
 * - `additive`: count + (S − B). Keeps the number of cyclists the model moves, but where the model's
 *   B is far above the count a loss can exceed the count; such hours are shown as 0 (and counted),
 *   so flow is lost.
 * - `multiplicative`: count · S / B. Never negative, but a link with a low count gains only a share
 *   of the cyclists the model moves onto it. Where B = 0 there is nothing to scale and S is added.
 * - `mixed` (default): multiplicative where the model's flow falls (S < B), so a loss is a share of
 *   what is counted and never drives a link below zero; additive where it rises, so cyclists moved
 *   onto a link arrive in full whatever that link's count. This is the combination Daly et al. weigh
 *   up for growth in cells the base model under- or over-states; it loses no flow and invents none.
 *
 * A closed link carries nothing.
 */
export const PIVOT_RULES = ['mixed', 'additive', 'multiplicative'] as const;
export type PivotRule = (typeof PIVOT_RULES)[number];

export interface PivotInput {
  /** Share of the day in each hour 00–23 (sums to 1). */
  profile: readonly number[];
  /** Observed cyclists per hour (24 values) of counted links, by link index. */
  observed: ReadonlyMap<number, ArrayLike<number>>;
  /** Assigned daily flow per baseline link. */
  base: ArrayLike<number>;
  /** Assigned daily flow per scenario link (baseline links first, then added ones). */
  scenario: ArrayLike<number>;
  /** Closed links of the scenario. */
  closed: ArrayLike<boolean>;
  /** How the modelled change is applied to the observed flow (default `mixed`). */
  rule?: PivotRule;
}

export interface PivotResult {
  /** Cyclists per hour, row-major [hour · links + link]. */
  hourly: Float32Array;
  /** Cyclists per day (sum of the hours). */
  daily: Float32Array;
  /** Link-hours where the pivot fell below zero and 0 is shown (only the additive rule can). */
  clampedHours: number;
  clampedLinks: number[];
}

export const HOURS = 24;

export function pivotFlows({
  profile,
  observed,
  base,
  scenario,
  closed,
  rule = 'mixed',
}: PivotInput): PivotResult {
  const n = scenario.length;
  const hourly = new Float32Array(HOURS * n);
  const daily = new Float32Array(n);
  let clampedHours = 0;
  const clampedLinks: number[] = [];
  for (let l = 0; l < n; l++) {
    if (closed[l]) continue;
    const b = l < base.length ? base[l]! : 0;
    const delta = scenario[l]! - b;
    const multiply = b > 0 && (rule === 'multiplicative' || (rule === 'mixed' && delta < 0));
    const counts = observed.get(l);
    let sum = 0;
    let clamped = false;
    for (let h = 0; h < HOURS; h++) {
      const reference = counts ? counts[h]! : b * profile[h]!;
      let v = multiply ? (reference * scenario[l]!) / b : reference + profile[h]! * delta;
      // Tiny negatives are rounding noise; real ones are the additive pivot overshooting.
      if (v < -1e-6) {
        clampedHours++;
        clamped = true;
      }
      if (v < 0) v = 0;
      hourly[h * n + l] = v;
      sum += v;
    }
    daily[l] = sum;
    if (clamped) clampedLinks.push(l);
  }
  return { hourly, daily, clampedHours, clampedLinks };
}

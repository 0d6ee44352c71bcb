/**
 * Pivot-point flows (models.md §3.1): scenario flow = observed + (assigned scenario − assigned
 * baseline). The observed flow is the count where a link has one, else the assigned baseline itself,
 * so with no edits the result is exactly the counts, and only the difference an edit causes comes from
 * the model. Because costs are fixed, assignment is linear in demand and the difference spreads over
 * the hours with the network's hourly profile. Flows cannot go below zero: where the additive pivot
 * would, the hour is shown as 0 (and counted), and a closed link carries nothing.
 */
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
}

export interface PivotResult {
  /** Cyclists per hour, row-major [hour · links + link]. */
  hourly: Float32Array;
  /** Cyclists per day (sum of the hours). */
  daily: Float32Array;
  /** Link-hours where the pivot fell below zero and 0 is shown. */
  clampedHours: number;
  clampedLinks: number[];
}

export const HOURS = 24;

export function pivotFlows({ profile, observed, base, scenario, closed }: PivotInput): PivotResult {
  const n = scenario.length;
  const hourly = new Float32Array(HOURS * n);
  const daily = new Float32Array(n);
  let clampedHours = 0;
  const clampedLinks: number[] = [];
  for (let l = 0; l < n; l++) {
    if (closed[l]) continue;
    const b = l < base.length ? base[l]! : 0;
    const delta = scenario[l]! - b;
    const counts = observed.get(l);
    let sum = 0;
    let clamped = false;
    for (let h = 0; h < HOURS; h++) {
      const reference = counts ? counts[h]! : b * profile[h]!;
      let v = reference + profile[h]! * delta;
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

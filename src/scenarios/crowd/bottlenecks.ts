import type { ScenarioOutput } from '../engine/types.ts';
import { THRESHOLDS, WARNING_LEVELS, exceeds, type CrowdKind, type WarningLevel } from './thresholds.ts';

/** A street segment that passes a warning threshold during the run, and when. */
export interface Bottleneck {
  linkId: string;
  /** The highest level reached (never 'none' or 'info': those are not bottlenecks). */
  level: WarningLevel;
  peakDensity: number;
  peakStep: number;
  /** First and last step at or above the 'warning' level (LoS E for moving crowds). */
  firstStep: number;
  lastStep: number;
  /** Steps at or above 'warning' × step length. */
  minutesAbove: number;
  /** Person-minutes people queued to enter this segment (0 when the field is absent). */
  delayPersonMinutes: number;
}

/** The level from which a segment counts as a bottleneck: LoS E for a moving crowd. */
const BOTTLENECK_FROM = WARNING_LEVELS.indexOf('warning');

/**
 * Bottlenecks of a crowd-event run, worst first (level, then minutes above, then peak density).
 * Works on the run's `density` field, so it serves the baseline and the scenario alike.
 */
export function findBottlenecks(
  output: ScenarioOutput,
  crowdKindOf: (linkId: string) => CrowdKind = () => 'moving',
): Bottleneck[] {
  const density = output.fields['density'];
  if (!density) return [];
  const delay = output.fields['delayMinutes'];
  const n = density.ids.length;
  const found: Bottleneck[] = [];
  for (let l = 0; l < n; l++) {
    const linkId = density.ids[l]!;
    const thresholds = THRESHOLDS[crowdKindOf(linkId)];
    let worst = 0;
    let peakDensity = 0;
    let peakStep = 0;
    let firstStep = -1;
    let lastStep = -1;
    let stepsAbove = 0;
    for (let s = 0; s < density.steps; s++) {
      const rho = density.values[s * n + l]!;
      if (rho > peakDensity) {
        peakDensity = rho;
        peakStep = s;
      }
      let level = 0;
      for (const t of thresholds) if (exceeds(rho, t)) level = WARNING_LEVELS.indexOf(t.level);
      if (level < BOTTLENECK_FROM) continue;
      worst = Math.max(worst, level);
      if (firstStep < 0) firstStep = s;
      lastStep = s;
      stepsAbove++;
    }
    if (firstStep < 0) continue;
    found.push({
      linkId,
      level: WARNING_LEVELS[worst]!,
      peakDensity,
      peakStep,
      firstStep,
      lastStep,
      minutesAbove: (stepsAbove * output.stepSeconds) / 60,
      delayPersonMinutes: delay ? delay.values[l]! : 0,
    });
  }
  return found.sort(
    (a, b) =>
      WARNING_LEVELS.indexOf(b.level) - WARNING_LEVELS.indexOf(a.level) ||
      b.minutesAbove - a.minutesAbove ||
      b.peakDensity - a.peakDensity,
  );
}

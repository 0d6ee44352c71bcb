import { FRUIN_WALKWAY_BOUNDS } from './fruin.ts';

/**
 * Crowd warning levels for the viewer. This is the scheme suggested in models.md §1.2, a design
 * choice and not a standard: Fruin LoS D/E/F for moving crowds, Still's "critical density" of
 * about 4 p/m² for danger in a moving crowd, and 4 / 5 p/m² for standing crowds (Still: "things get
 * uncomfortable once you reach five people per square metre").
 */
export const WARNING_LEVELS = ['none', 'info', 'warning', 'alert', 'danger'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];

export type CrowdKind = 'moving' | 'standing';

export interface Threshold {
  level: Exclude<WarningLevel, 'none'>;
  /** Density (p/m²) at which the level starts. */
  density: number;
  /** Whether the level starts strictly above (Fruin bounds) or at (Still's round numbers) the density. */
  inclusive: boolean;
}

export const THRESHOLDS: Readonly<Record<CrowdKind, readonly Threshold[]>> = {
  moving: [
    { level: 'info', density: FRUIN_WALKWAY_BOUNDS[2], inclusive: false }, // LoS D: ρ > 0.7176
    { level: 'warning', density: FRUIN_WALKWAY_BOUNDS[3], inclusive: false }, // LoS E: ρ > 1.0764
    { level: 'alert', density: FRUIN_WALKWAY_BOUNDS[4], inclusive: false }, // LoS F: ρ > 2.1528
    { level: 'danger', density: 4, inclusive: true }, // Still: critical density of a moving crowd
  ],
  standing: [
    { level: 'alert', density: 4, inclusive: true },
    { level: 'danger', density: 5, inclusive: true },
  ],
};

export function exceeds(density: number, t: Threshold): boolean {
  return t.inclusive ? density >= t.density : density > t.density;
}

/** The highest warning level reached at this density (0 = none … 4 = danger). */
export function warningIndex(density: number, kind: CrowdKind = 'moving'): number {
  let level = 0;
  for (const t of THRESHOLDS[kind]) if (exceeds(density, t)) level = WARNING_LEVELS.indexOf(t.level);
  return level;
}

export function warningLevel(density: number, kind: CrowdKind = 'moving'): WarningLevel {
  return WARNING_LEVELS[warningIndex(density, kind)]!;
}

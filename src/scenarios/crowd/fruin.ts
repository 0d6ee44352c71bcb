/**
 * Fruin's walkway Level of Service (Fruin 1971, *Pedestrian Planning and Design*), by density.
 * Boundaries in persons/m² (models.md §1.1): A ≤ 0.31 < B ≤ 0.43 < C ≤ 0.72 < D ≤ 1.08 < E ≤ 2.17 < F.
 * These are comfort and design categories for moving pedestrians, not safety limits, and they do
 * not apply to standing or queueing areas (Fruin has a separate table for those).
 */
export const FRUIN_LEVELS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type FruinLevel = (typeof FRUIN_LEVELS)[number];

/** Upper density bound (p/m², inclusive) of A, B, C, D and E; F is everything above 2.17. */
export const FRUIN_WALKWAY_BOUNDS = [0.31, 0.43, 0.72, 1.08, 2.17] as const;

/** 0 (A) … 5 (F): the compact form kept in typed arrays by the network model. */
export function fruinIndex(density: number): number {
  let i = 0;
  while (i < FRUIN_WALKWAY_BOUNDS.length && density > FRUIN_WALKWAY_BOUNDS[i]!) i++;
  return i;
}

export function fruinLevel(density: number): FruinLevel {
  return FRUIN_LEVELS[fruinIndex(density)]!;
}

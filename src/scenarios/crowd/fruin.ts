/**
 * Fruin's walkway Level of Service (Fruin 1971, *Pedestrian Planning and Design*), by density.
 * Fruin gives the bounds as space per person: 35 / 25 / 15 / 10 / 5 ft². Converted exactly
 * (1 ft² = 0.09290304 m²) they are A ≤ 0.3075 < B ≤ 0.4306 < C ≤ 0.7176 < D ≤ 1.0764 < E ≤ 2.1528 < F
 * persons/m² (models.md §1.1); the common metric table rounds them to 0.31 / 0.43 / 0.72 / 1.08 / 2.17,
 * which would put 2.153–2.17 p/m² in E instead of F.
 * These are comfort and design categories for moving pedestrians, not safety limits, and they do
 * not apply to standing or queueing areas (Fruin has a separate table for those).
 */
export const FRUIN_LEVELS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type FruinLevel = (typeof FRUIN_LEVELS)[number];

const SQUARE_FOOT_M2 = 0.09290304; // international foot 0.3048 m, squared

/**
 * Upper density bound (p/m², inclusive) of A, B, C, D and E, from Fruin's 35 / 25 / 15 / 10 / 5 ft²
 * per person; F is everything above 2.1528.
 */
export const FRUIN_WALKWAY_BOUNDS = [
  1 / (35 * SQUARE_FOOT_M2),
  1 / (25 * SQUARE_FOOT_M2),
  1 / (15 * SQUARE_FOOT_M2),
  1 / (10 * SQUARE_FOOT_M2),
  1 / (5 * SQUARE_FOOT_M2),
] as const;

/** 0 (A) … 5 (F): the compact form kept in typed arrays by the network model. */
export function fruinIndex(density: number): number {
  let i = 0;
  while (i < FRUIN_WALKWAY_BOUNDS.length && density > FRUIN_WALKWAY_BOUNDS[i]!) i++;
  return i;
}

export function fruinLevel(density: number): FruinLevel {
  return FRUIN_LEVELS[fruinIndex(density)]!;
}

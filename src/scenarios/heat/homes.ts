import { GROUND, type CityRasters } from './city.ts';
import { largePatches } from './patches.ts';

/**
 * Homes for the walking-distance indicator: one per residential building of the baseline, at the
 * public walkable cell nearest to the building's centre (a stand-in for the front door). Public
 * means part of a connected walkable area of at least PUBLIC_AREA m², so a closed courtyard
 * behind the building is not taken for the street.
 */
export interface Home {
  /** Index into the baseline's building list. */
  building: number;
  /** Cell index of the entrance. */
  entrance: number;
}

/** How far from a building's centre an entrance is searched (cells). */
const SEARCH_CELLS = 40;

/** Smallest connected walkable area (m²) that counts as the street network. */
export const PUBLIC_AREA = 5000;

/** 1 on walkable cells of connected (4-neighbour) walkable areas of at least PUBLIC_AREA m². */
export function publicStreets(city: CityRasters): Uint8Array {
  const { grid, ground } = city;
  const open = (i: number) => ground[i] === GROUND.paved || ground[i] === GROUND.green;
  return largePatches(grid, open, PUBLIC_AREA);
}

export function findEntrances(city: CityRasters, buildings: readonly number[]): Home[] {
  const { grid, buildingIndex } = city;
  const { columns, rows } = grid;
  const wanted = new Set(buildings);
  const sums = new Map<number, { col: number; row: number; n: number }>();
  for (let i = 0; i < grid.cells; i++) {
    const b = buildingIndex[i]!;
    if (b < 0 || !wanted.has(b)) continue;
    const row = Math.floor(i / columns);
    const s = sums.get(b) ?? { col: 0, row: 0, n: 0 };
    s.col += i - row * columns;
    s.row += row;
    s.n++;
    sums.set(b, s);
  }
  const street = publicStreets(city);
  const homes: Home[] = [];
  for (const b of buildings) {
    const s = sums.get(b);
    if (!s) continue; // the building is gone (covered by a new one) or smaller than a cell
    const cc = s.col / s.n;
    const cr = s.row / s.n;
    let best = -1;
    let bestDistance = Infinity;
    for (let ring = 0; ring <= SEARCH_CELLS && best < 0; ring++) {
      // Scan the square ring at Chebyshev distance `ring`; finish it so the nearest cell wins.
      const c0 = Math.round(cc) - ring;
      const r0 = Math.round(cr) - ring;
      for (let row = r0; row <= r0 + 2 * ring; row++)
        for (let col = c0; col <= c0 + 2 * ring; col++) {
          if (row !== r0 && row !== r0 + 2 * ring && col !== c0 && col !== c0 + 2 * ring) continue;
          if (row < 0 || row >= rows || col < 0 || col >= columns) continue;
          const i = row * columns + col;
          if (!street[i]) continue;
          const d = (col - cc) ** 2 + (row - cr) ** 2;
          if (d < bestDistance) {
            bestDistance = d;
            best = i;
          }
        }
    }
    if (best >= 0) homes.push({ building: b, entrance: best });
  }
  return homes;
}

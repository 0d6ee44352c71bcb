import type { Grid } from './grid.ts';
import { largePatches } from './patches.ts';

/**
 * Cool places and the walk to them. Guideline (HvA/TAUW, models notes §2.5): a cool spot within
 * 300 m of every home. The Klimaateffectatlas's "afstand tot koelte" map (klimaatadaptatienederland.nl,
 * "Nieuw in de Klimaateffectatlas: de afstand tot een koele plek", 16 December 2021) sets four
 * starting points, after the HvA report "De hittebestendige stad":
 *   "De plek moet een oppervlakte hebben van minimaal 200 vierkante meter. De gevoelstemperatuur
 *   moet 35 graden of lager zijn op een hete zomerdag. De koele plek is gesitueerd op een minimale
 *   afstand van enkele meters van de weg. De koele plek mag geen langgerekt lint zijn."
 * The last two are not quantified there; this model reads them as (its own choices, run options):
 * - "a few metres from the road": every cell at least 5 m from the edge of a road cell (a street
 *   corridor of the baseline that is still paved; see city.ts `roads`);
 * - "not an elongated strip": at least 10 m wide throughout. Only cells covered by a 10 × 10 m
 *   square that fits wholly in cool ground count (a morphological opening), so a ribbon of shade
 *   along a façade or under a row of trees drops out, and so does the narrow arm of a wider place.
 * Then the 200 m² apply to what is left, per 4-connected patch. PET must be 35 °C or lower (no
 * strong heat stress); on a hot afternoon that is shade, from buildings or trees.
 */
export const COOL_PLACE = {
  maxPet: 35,
  minArea: 200,
  /** Metres from the edge of the road (our reading of "enkele meters"). */
  roadDistance: 5,
  /** Metres of width a place has throughout (our reading of "geen langgerekt lint"). */
  minWidth: 10,
  guidelineDistance: 300,
} as const;

export interface CoolPlaceRules {
  maxPet: number;
  minArea: number;
  roadDistance: number;
  minWidth: number;
}

/**
 * 1 for cells of cool places: walkable, PET at most `maxPet`, at least `roadDistance` from a road,
 * within a `minWidth` square of such cells, in a 4-connected patch of at least `minArea` m².
 */
export function coolPlaces(
  grid: Grid,
  pet: Float32Array,
  walkable: Uint8Array,
  roads: Uint8Array,
  rules: CoolPlaceRules = COOL_PLACE,
): Uint8Array {
  const near = nearRoad(grid, roads, rules.roadDistance);
  const eligible = new Uint8Array(grid.cells);
  for (let i = 0; i < grid.cells; i++)
    eligible[i] = walkable[i] === 1 && pet[i]! <= rules.maxPet && near[i] === 0 ? 1 : 0;
  const wide = squareOpening(grid, eligible, Math.max(1, Math.ceil(rules.minWidth / grid.cellSize - 1e-9)));
  return largePatches(grid, (i) => wide[i] === 1, rules.minArea);
}

/**
 * 1 on road cells and on every cell whose centre lies less than `distance` metres from the edge of
 * a road cell. Only road cells with a neighbour off the road need to reach out: a cell near the
 * inside of a road is nearer still to its edge.
 */
export function nearRoad(grid: Grid, roads: Uint8Array, distance: number): Uint8Array {
  const { columns, rows, cellSize } = grid;
  const out = new Uint8Array(grid.cells);
  const reach = Math.ceil(distance / cellSize + 0.5);
  const offsets: [number, number][] = [];
  for (let dr = -reach; dr <= reach; dr++)
    for (let dc = -reach; dc <= reach; dc++) {
      const gap = Math.hypot(Math.max(Math.abs(dc) - 0.5, 0), Math.max(Math.abs(dr) - 0.5, 0)) * cellSize;
      if (gap < distance) offsets.push([dr, dc]);
    }
  for (let row = 0; row < rows; row++)
    for (let col = 0; col < columns; col++) {
      const i = row * columns + col;
      if (!roads[i]) continue;
      out[i] = 1;
      const edge =
        (col > 0 && !roads[i - 1]) ||
        (col < columns - 1 && !roads[i + 1]) ||
        (row > 0 && !roads[i - columns]) ||
        (row < rows - 1 && !roads[i + columns]);
      if (!edge) continue;
      for (const [dr, dc] of offsets) {
        const r = row + dr;
        const c = col + dc;
        if (r >= 0 && r < rows && c >= 0 && c < columns) out[r * columns + c] = 1;
      }
    }
  return out;
}

/** The union of all `k` × `k` squares of cells that lie wholly inside `mask` (an opening). */
export function squareOpening(grid: Grid, mask: Uint8Array, k: number): Uint8Array {
  const { columns, rows } = grid;
  const w = columns + 1;
  // Prefix sums of the mask: sum over rows < r and columns < c at [r · w + c].
  const sum = new Int32Array((rows + 1) * w);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < columns; c++)
      sum[(r + 1) * w + c + 1] =
        mask[r * columns + c]! + sum[r * w + c + 1]! + sum[(r + 1) * w + c]! - sum[r * w + c]!;
  // Squares that fit, marked by their corners in a difference array, then summed up again.
  const cover = new Int32Array((rows + 1) * w);
  const full = k * k;
  for (let r = 0; r + k <= rows; r++)
    for (let c = 0; c + k <= columns; c++) {
      const inside =
        sum[(r + k) * w + c + k]! - sum[r * w + c + k]! - sum[(r + k) * w + c]! + sum[r * w + c]!;
      if (inside !== full) continue;
      cover[r * w + c]! += 1;
      cover[r * w + c + k]! -= 1;
      cover[(r + k) * w + c]! -= 1;
      cover[(r + k) * w + c + k]! += 1;
    }
  const out = new Uint8Array(grid.cells);
  const running = new Int32Array(columns + 1);
  for (let r = 0; r < rows; r++) {
    let across = 0;
    for (let c = 0; c < columns; c++) {
      across += cover[r * w + c]!;
      running[c] = running[c]! + across;
      out[r * columns + c] = running[c]! > 0 ? 1 : 0;
    }
  }
  return out;
}

/** Integer step costs (tenths of a cell): 10 along an axis, 14 diagonally (√2 within 1 %). */
const STRAIGHT = 10;
const DIAGONAL = 14;

/**
 * Walking distances to the nearest source, in whole tenths of a cell (−1: not reachable within the
 * search), and which source cell each one comes from. Whole numbers make every search exact, so
 * an updated field equals a fresh one.
 */
export interface DistanceField {
  units: Int32Array;
  from: Int32Array;
}

/** Distance in metres of a cell (Infinity when no source is in reach). */
export function distanceAt(grid: Grid, field: DistanceField, cell: number): number {
  const u = field.units[cell]!;
  return u < 0 ? Infinity : (u * grid.cellSize) / STRAIGHT;
}

/**
 * Walking distance from every walkable cell to the nearest source cell over walkable cells,
 * 8-connected without cutting corners, up to `maxDistance` metres. Dial's bucket queue keeps it
 * linear in the number of cells.
 */
export function walkingDistances(
  grid: Grid,
  sources: Uint8Array,
  walkable: Uint8Array,
  maxDistance = 2000,
): DistanceField {
  const units = new Int32Array(grid.cells).fill(-1);
  const from = new Int32Array(grid.cells).fill(-1);
  const seeds: number[] = [];
  for (let i = 0; i < grid.cells; i++) if (sources[i] && walkable[i]) seeds.push(i);
  search(
    grid,
    walkable,
    maxDistance,
    units,
    from,
    seeds,
    seeds.map(() => 0),
  );
  return { units, from };
}

/**
 * The field for new sources on the same walkable cells, from the field of old ones, exactly as a
 * fresh search would give it. Cells served by a source that is gone start over from their
 * neighbours that are not; new sources spread only where they are nearer than before.
 */
export function updateDistances(
  grid: Grid,
  base: DistanceField,
  baseSources: Uint8Array,
  sources: Uint8Array,
  walkable: Uint8Array,
  maxDistance = 2000,
): DistanceField {
  const { cells, columns, rows } = grid;
  const units = base.units.slice();
  const from = base.from.slice();
  let changed = false;
  const lost = new Uint8Array(cells);
  const seeds: number[] = [];
  const costs: number[] = [];
  for (let i = 0; i < cells; i++) {
    const was = baseSources[i] === 1 && walkable[i] === 1;
    const is = sources[i] === 1 && walkable[i] === 1;
    if (was && !is) {
      lost[i] = 1;
      changed = true;
    } else if (is && !was) {
      seeds.push(i);
      costs.push(0);
      changed = true;
    }
  }
  if (!changed) return { units, from };
  // Forget every cell whose nearest source is gone…
  const orphan = new Uint8Array(cells);
  for (let i = 0; i < cells; i++) {
    const f = from[i]!;
    if (f >= 0 && lost[f]) {
      orphan[i] = 1;
      units[i] = -1;
      from[i] = -1;
    }
  }
  // …and let their neighbours that still have one carry it back in.
  const seeded = new Uint8Array(cells);
  for (let i = 0; i < cells; i++) {
    if (!orphan[i]) continue;
    const row = (i / columns) | 0;
    const col = i - row * columns;
    for (let dr = -1; dr <= 1; dr++)
      for (let dc = -1; dc <= 1; dc++) {
        const r = row + dr;
        const c = col + dc;
        if (r < 0 || r >= rows || c < 0 || c >= columns) continue;
        const j = r * columns + c;
        if (orphan[j] || seeded[j] || units[j]! < 0) continue;
        seeded[j] = 1;
        seeds.push(j);
        costs.push(units[j]!);
      }
  }
  search(grid, walkable, maxDistance, units, from, seeds, costs);
  return { units, from };
}

/**
 * Dijkstra with one bucket per whole cost. `units` holds costs already known (−1 for none): a
 * relaxation only goes through when it beats them. Seeds enter with their own costs.
 */
function search(
  grid: Grid,
  walkable: Uint8Array,
  maxDistance: number,
  units: Int32Array,
  from: Int32Array,
  seeds: readonly number[],
  seedCosts: readonly number[],
): void {
  const { columns, rows, cells } = grid;
  const limit = Math.ceil((maxDistance / grid.cellSize) * STRAIGHT);
  const queue = new BucketQueue(limit + DIAGONAL + 1, Math.max(1024, seeds.length * 2));
  const seeded = new Uint8Array(cells);
  seeds.forEach((cell, k) => {
    const c = seedCosts[k]!;
    if (c > limit || (seeded[cell] && units[cell]! <= c)) return; // a cell may be seeded twice: keep the nearer
    seeded[cell] = 1;
    units[cell] = c;
    if (c === 0) from[cell] = cell;
    queue.push(c, cell);
  });
  const settled = new Uint8Array(cells);
  let source = -1;
  const relax = (j: number, c: number) => {
    if (c > limit || settled[j]) return;
    const known = units[j]!;
    if (known >= 0 && known <= c) return;
    units[j] = c;
    from[j] = source;
    queue.push(c, j);
  };
  for (let d = 0; d <= limit; d++) {
    for (let entry = queue.head[d]!; entry >= 0; entry = queue.next[entry]!) {
      const i = queue.cell[entry]!;
      if (settled[i] || units[i] !== d) continue;
      settled[i] = 1;
      source = from[i]!;
      const row = (i / columns) | 0;
      const col = i - row * columns;
      const west = col > 0 && walkable[i - 1] === 1;
      const east = col < columns - 1 && walkable[i + 1] === 1;
      const north = row > 0 && walkable[i - columns] === 1;
      const south = row < rows - 1 && walkable[i + columns] === 1;
      const straight = d + STRAIGHT;
      const diagonal = d + DIAGONAL;
      if (west) relax(i - 1, straight);
      if (east) relax(i + 1, straight);
      if (north) relax(i - columns, straight);
      if (south) relax(i + columns, straight);
      if (north && west && walkable[i - columns - 1] === 1) relax(i - columns - 1, diagonal);
      if (north && east && walkable[i - columns + 1] === 1) relax(i - columns + 1, diagonal);
      if (south && west && walkable[i + columns - 1] === 1) relax(i + columns - 1, diagonal);
      if (south && east && walkable[i + columns + 1] === 1) relax(i + columns + 1, diagonal);
    }
  }
}

/** Buckets by cost as linked lists in typed arrays (entries are never removed, only skipped). */
class BucketQueue {
  readonly head: Int32Array;
  next: Int32Array;
  cell: Int32Array;
  private size = 0;

  constructor(buckets: number, capacity: number) {
    this.head = new Int32Array(buckets).fill(-1);
    this.next = new Int32Array(capacity);
    this.cell = new Int32Array(capacity);
  }

  push(cost: number, cell: number): void {
    if (this.size === this.cell.length) {
      const next = new Int32Array(this.size * 2);
      next.set(this.next);
      this.next = next;
      const cells = new Int32Array(this.size * 2);
      cells.set(this.cell);
      this.cell = cells;
    }
    this.cell[this.size] = cell;
    this.next[this.size] = this.head[cost]!;
    this.head[cost] = this.size++;
  }
}

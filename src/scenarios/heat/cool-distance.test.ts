import { describe, expect, it } from 'vitest';
import {
  coolPlaces,
  distanceAt,
  nearRoad,
  squareOpening,
  updateDistances,
  walkingDistances,
} from './cool-distance.ts';
import { makeGrid } from './grid.ts';

const grid = (size: number) => makeGrid({ west: 5.12, south: 52.09, cellSize: 2, columns: size, rows: size });

/*
 * The four starting points of the Klimaateffectatlas "afstand tot koelte" map (klimaatadaptatie-
 * nederland.nl, 16 December 2021): at least 200 m²; PET 35 °C or lower on a hot day; a few metres
 * from the road; not an elongated strip. Read here as: ≥ 5 m from the edge of a road cell, and at
 * least 10 m wide throughout. All grids: 2 m cells, so 50 cells make 200 m² and 10 m is 5 cells.
 */
describe('cool places', () => {
  const sum = (mask: Uint8Array) => mask.reduce((s, v) => s + v, 0);
  const fill = (
    values: Float32Array | Uint8Array,
    size: number,
    rows: [number, number],
    cols: [number, number],
    v: number,
  ) => {
    for (let r = rows[0]; r < rows[1]; r++) for (let c = cols[0]; c < cols[1]; c++) values[r * size + c] = v;
  };

  it('keeps walkable patches at or below 35 °C of at least 200 m², and nothing else', () => {
    const g = grid(30);
    const pet = new Float32Array(g.cells).fill(40);
    const walk = new Uint8Array(g.cells).fill(1);
    const noRoads = new Uint8Array(g.cells);
    fill(pet, 30, [0, 10], [0, 5], 30); // 50 cells = 200 m², 10 m wide
    fill(pet, 30, [20, 25], [20, 25], 30); // 25 cells = 100 m²
    expect(sum(coolPlaces(g, pet, walk, noRoads))).toBe(50);
    walk[0] = 0; // one cell fewer: 196 m² is too small
    expect(sum(coolPlaces(g, pet, walk, noRoads))).toBe(0);
    walk[0] = 1;
    // Exactly 35 °C counts ("35 graden of lager"); 35.1 °C does not.
    fill(pet, 30, [0, 10], [0, 5], 35);
    expect(sum(coolPlaces(g, pet, walk, noRoads))).toBe(50);
    fill(pet, 30, [0, 10], [0, 5], 35.1);
    expect(sum(coolPlaces(g, pet, walk, noRoads))).toBe(0);
  });

  it('keeps 5 m from the road: the two cell rows beside a street drop out', () => {
    // A road in columns 0–1 (x 0–4 m). A cool square of 8 × 8 cells (16 m, 256 m²) at columns 2–9:
    // its cells' centres lie 1, 3, 5, … m from the road's edge, so columns 2 and 3 (1 and 3 m) are
    // too near, and 6 × 8 cells = 192 m² remain: too small.
    const g = grid(40);
    const pet = new Float32Array(g.cells).fill(40);
    const walk = new Uint8Array(g.cells).fill(1);
    const road = new Uint8Array(g.cells);
    fill(road, 40, [0, 40], [0, 2], 1);
    fill(pet, 40, [10, 18], [2, 10], 30);
    expect(sum(coolPlaces(g, pet, walk, road))).toBe(0);
    expect(sum(nearRoad(g, road, 5).subarray(10 * 40, 10 * 40 + 6))).toBe(4); // road 2 + 2 near
    // The same square 6 m from the road (columns 5–12; centres from 7 m): all 256 m² count.
    fill(pet, 40, [10, 18], [2, 10], 40);
    fill(pet, 40, [10, 18], [5, 13], 30);
    expect(sum(coolPlaces(g, pet, walk, road))).toBe(64);
    // Diagonally too: gaps are measured from the cell centre to the nearest edge of the road cell.
    const corner = new Uint8Array(g.cells);
    corner[20 * 40 + 20] = 1;
    const near = nearRoad(g, corner, 5);
    expect(near[22 * 40 + 22]).toBe(1); // gap (1.5, 1.5) cells = 4.24 m
    expect(near[23 * 40 + 22]).toBe(0); // gap (2.5, 1.5) cells = 5.83 m
    expect(near[20 * 40 + 23]).toBe(0); // gap 2.5 cells = 5 m: far enough
  });

  it('refuses an elongated strip: under 10 m wide does not count, whatever its area', () => {
    const g = grid(60);
    const walk = new Uint8Array(g.cells).fill(1);
    const noRoads = new Uint8Array(g.cells);
    // A ribbon of shade 6 m wide and 60 m long (3 × 30 cells = 360 m²): not a cool place.
    const ribbon = new Float32Array(g.cells).fill(40);
    fill(ribbon, 60, [5, 35], [5, 8], 30);
    expect(sum(coolPlaces(g, ribbon, walk, noRoads))).toBe(0);
    // 10 m wide and 24 m long (5 × 12 cells = 240 m²): a cool place.
    const block = new Float32Array(g.cells).fill(40);
    fill(block, 60, [5, 17], [5, 10], 30);
    expect(sum(coolPlaces(g, block, walk, noRoads))).toBe(60);
    // A 10 m square (100 m²) with a 4 m wide arm 30 m long (2 × 15 cells = 120 m²): 220 m² in all,
    // but only the square is wide enough, and 100 m² is too small.
    const arm = new Float32Array(g.cells).fill(40);
    fill(arm, 60, [5, 10], [5, 10], 30);
    fill(arm, 60, [10, 25], [5, 7], 30);
    expect(sum(coolPlaces(g, arm, walk, noRoads))).toBe(0);
    // A 20 m square with the same arm: the square (400 m²) counts, the arm does not.
    fill(arm, 60, [5, 15], [5, 15], 30);
    expect(sum(coolPlaces(g, arm, walk, noRoads))).toBe(100);
  });

  it('opens with squares: exactly the cells covered by a fitting square survive', () => {
    const g = grid(8);
    const mask = new Uint8Array(g.cells);
    // An L: a 3 × 3 block and a 1-cell tail; with 3 × 3 squares only the block survives.
    fill(mask, 8, [1, 4], [1, 4], 1);
    fill(mask, 8, [4, 7], [1, 2], 1);
    const open = squareOpening(g, mask, 3);
    expect(sum(open)).toBe(9);
    expect(open[2 * 8 + 2]).toBe(1);
    expect(open[5 * 8 + 1]).toBe(0);
  });
});

describe('walking distances', () => {
  it('walks around a wall rather than through it', () => {
    const g = grid(30);
    const walk = new Uint8Array(g.cells).fill(1);
    // A wall along column 15 with a gap at the bottom row.
    for (let r = 0; r < 29; r++) walk[r * 30 + 15] = 0;
    const sources = new Uint8Array(g.cells);
    sources[0 * 30 + 10] = 1; // row 0, column 10
    const field = walkingDistances(g, sources, walk);
    // Straight across would be 10 cells (20 m); around the wall's end at row 29 it is much longer.
    const d = distanceAt(g, field, 0 * 30 + 20);
    expect(d).toBeGreaterThan(2 * 2 * 28);
    expect(distanceAt(g, field, 0 * 30 + 12)).toBeCloseTo(4, 5);
    // Diagonal steps count √2 (as 1.4).
    expect(distanceAt(g, field, 3 * 30 + 13)).toBeCloseTo(3 * 2 * 1.4, 5);
    expect(distanceAt(g, field, 0 * 30 + 15)).toBe(Infinity); // in the wall
  });

  it('updates a field for added and lost sources exactly as a fresh search', () => {
    const g = grid(60);
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const walk = new Uint8Array(g.cells).map(() => (random() < 0.8 ? 1 : 0));
    const before = new Uint8Array(g.cells).map(() => (random() < 0.01 ? 1 : 0));
    const base = walkingDistances(g, before, walk);
    for (let trial = 0; trial < 5; trial++) {
      const after = before.map((v) => (random() < 0.3 ? 0 : v)).map((v) => (random() < 0.005 ? 1 : v));
      const updated = updateDistances(g, base, before, after, walk);
      const fresh = walkingDistances(g, after, walk);
      expect([...updated.units]).toEqual([...fresh.units]);
    }
  });
});

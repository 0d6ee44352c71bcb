import { describe, expect, it } from 'vitest';
import { coolPlaces, distanceAt, updateDistances, walkingDistances } from './cool-distance.ts';
import { makeGrid } from './grid.ts';

const grid = (size: number) => makeGrid({ west: 5.12, south: 52.09, cellSize: 2, columns: size, rows: size });

describe('cool places', () => {
  it('keeps walkable patches below 35 °C of at least 200 m², and nothing else', () => {
    const g = grid(20);
    const pet = new Float32Array(g.cells).fill(40);
    const walk = new Uint8Array(g.cells).fill(1);
    for (let r = 0; r < 10; r++) for (let c = 0; c < 5; c++) pet[r * 20 + c] = 30; // 50 cells = 200 m²
    for (let r = 15; r < 17; r++) for (let c = 15; c < 17; c++) pet[r * 20 + c] = 30; // 16 m²
    const cool = coolPlaces(g, pet, walk);
    expect(cool.reduce((s, v) => s + v, 0)).toBe(50);
    walk[0] = 0; // one cell fewer: 196 m² is too small
    expect(coolPlaces(g, pet, walk).reduce((s, v) => s + v, 0)).toBe(0);
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

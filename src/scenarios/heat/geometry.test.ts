import { describe, expect, it } from 'vitest';
import { EnuFrame } from '../../geo/enu.ts';
import {
  cellAt,
  cellCentre,
  gridCovering,
  lonLatToMetres,
  makeGrid,
  metresToLonLat,
  wholeGrid,
} from './grid.ts';
import { fillCorridor, fillDisc, fillRings } from './rasterize.ts';
import { shadowMask, shadowMaskByRayMarching } from './shadow.ts';
import { skyViewFactor } from './sky-view.ts';

/** A grid of `size` × `size` cells of `cell` m with its south-west corner at the Domtoren. */
function testGrid(size: number, cell = 1) {
  return makeGrid({ west: 5.12134, south: 52.09068, cellSize: cell, columns: size, rows: size });
}

/** A box building (metres in the grid frame) burnt into a surface-height raster. */
function box(
  surface: Float32Array,
  grid: ReturnType<typeof testGrid>,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  h: number,
) {
  fillRings(grid, [[x0, y0, x1, y0, x1, y1, x0, y1]], (i) => (surface[i] = h));
}

describe('grid', () => {
  it('round-trips lon/lat and agrees with the ENU frame within 5 cm over 2 km', () => {
    const grid = gridCovering(5.102, 52.0832, 5.1335, 52.0982, 2);
    expect(grid.columns).toBeGreaterThan(1000);
    const enu = new EnuFrame(grid.west, grid.south);
    for (const [lon, lat] of [
      [5.12134, 52.09068],
      [5.1335, 52.0982],
      [5.102, 52.0982],
    ] as const) {
      const [x, y] = lonLatToMetres(grid, lon, lat);
      const [bx, by] = metresToLonLat(grid, x, y);
      expect(bx).toBeCloseTo(lon, 10);
      expect(by).toBeCloseTo(lat, 10);
      const [e, n] = enu.fromGeodetic(lon, lat);
      // The ENU plane and this lon/lat-aligned frame differ by the meridians' convergence (≈ 1 m at 2 km).
      expect(Math.hypot(x - e, y - n)).toBeLessThan(2);
      expect(Math.abs(Math.hypot(x, y) - Math.hypot(e, n))).toBeLessThan(0.5);
    }
  });

  it('puts row 0 in the north and finds cells by metres', () => {
    const grid = testGrid(10, 2);
    expect(cellAt(grid, 1, 19)).toBe(0);
    expect(cellAt(grid, 19, 1)).toBe(99);
    expect(cellAt(grid, -0.1, 5)).toBe(-1);
    expect(cellCentre(grid, 0, 9)).toEqual([1, 1]);
  });
});

describe('rasterize', () => {
  it('fills a square by cell centres, with a hole by the even-odd rule', () => {
    const grid = testGrid(20);
    const hit = new Uint8Array(grid.cells);
    fillRings(
      grid,
      [
        [2, 2, 12, 2, 12, 12, 2, 12],
        [5, 5, 5, 9, 9, 9, 9, 5],
      ],
      (i) => (hit[i] = 1),
    );
    expect(hit.reduce((s, v) => s + v, 0)).toBe(100 - 16);
  });

  it('fills discs and corridors by distance to the cell centre', () => {
    const grid = testGrid(40);
    let disc = 0;
    fillDisc(grid, 20, 20, 5, () => disc++);
    expect(Math.abs(disc - Math.PI * 25)).toBeLessThan(6);
    let tiny = 0;
    fillDisc(grid, 20.3, 20.3, 0.2, () => tiny++);
    expect(tiny).toBe(1);
    let corridor = 0;
    fillCorridor(grid, [5, 20, 35, 20], 2, () => corridor++);
    expect(corridor).toBeGreaterThanOrEqual(4 * 30);
    expect(corridor).toBeLessThanOrEqual(4 * 35);
  });
});

describe('shadow mask', () => {
  it('casts a building’s shadow away from the sun with length h / tan(elevation) (±1 cell)', () => {
    const grid = testGrid(120);
    const surface = new Float32Array(grid.cells);
    box(surface, grid, 50, 50, 60, 60, 20); // 10 × 10 m, 20 m tall
    // Sun due south at 30°: the shadow points north, 20 / tan 30° = 34.6 m long.
    const south = shadowMask(grid, surface, { elevation: 30, azimuth: 180 });
    const column = 55;
    const shadedNorth = (y: number) => south[cellAt(grid, column, y)]!;
    expect(shadedNorth(59.5 + 1)).toBe(1);
    const length = 20 / Math.tan(Math.PI / 6);
    expect(shadedNorth(60 + length - 1)).toBe(1);
    expect(shadedNorth(60 + length + 1)).toBe(0);
    expect(shadedNorth(45)).toBe(0); // the sunny side
    // Sun in the west at 45°: a 20 m shadow to the east.
    const west = shadowMask(grid, surface, { elevation: 45, azimuth: 270 });
    expect(west[cellAt(grid, 60 + 19, 55)]).toBe(1);
    expect(west[cellAt(grid, 60 + 21, 55)]).toBe(0);
    expect(west[cellAt(grid, 45, 55)]).toBe(0);
  });

  it('agrees with ray marching for oblique suns on a random city, except along shadow edges', () => {
    const grid = testGrid(100, 2);
    const surface = new Float32Array(grid.cells);
    let seed = 1;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (let b = 0; b < 40; b++) {
      const x = random() * 180;
      const y = random() * 180;
      box(surface, grid, x, y, x + 4 + random() * 16, y + 4 + random() * 16, 3 + random() * 30);
    }
    for (const sun of [
      { elevation: 55, azimuth: 200 },
      { elevation: 25, azimuth: 250 },
      { elevation: 40, azimuth: 123 },
      { elevation: 15, azimuth: 300 },
    ]) {
      const fast = shadowMask(grid, surface, sun);
      const slow = shadowMaskByRayMarching(grid, surface, sun);
      let same = 0;
      let ground = 0;
      let offEdge = 0;
      // Street level only (roofs get no PET), away from the grid's border.
      for (let row = 2; row < grid.rows - 2; row++)
        for (let col = 2; col < grid.columns - 2; col++) {
          const i = row * grid.columns + col;
          if (surface[i]! > 0) continue;
          ground++;
          if (fast[i] === slow[i]) {
            same++;
            continue;
          }
          // A disagreement must sit within two cells of a shadow edge or a wall (lines run ±½ cell).
          let edge = false;
          for (let dr = -2; dr <= 2; dr++)
            for (let dc = -2; dc <= 2; dc++) {
              const r = row + dr;
              const c = col + dc;
              const j = r * grid.columns + c;
              if (slow[j] === fast[i] || (Math.abs(dr) <= 1 && Math.abs(dc) <= 1 && surface[j]! > 0))
                edge = true;
            }
          if (!edge) offEdge++;
        }
      expect(same / ground, JSON.stringify(sun)).toBeGreaterThan(0.96);
      expect(offEdge, JSON.stringify(sun)).toBe(0);
    }
  });

  it('shades everything at night', () => {
    const grid = testGrid(10);
    expect(
      shadowMask(grid, new Float32Array(grid.cells), { elevation: -5, azimuth: 0 }).every((v) => v === 1),
    ).toBe(true);
  });
});

describe('sky view factor', () => {
  it('is 1 in an open field', () => {
    const grid = testGrid(60, 2);
    const out = skyViewFactor(
      grid,
      new Float32Array(grid.cells),
      new Uint8Array(grid.cells).fill(1),
      wholeGrid(grid),
      new Float32Array(grid.cells),
    );
    expect(Math.min(...out)).toBe(1);
  });

  it('drops in a narrow street and matches Oke’s infinite canyon (H/W = 1 → 0.447, ±0.03)', () => {
    const grid = testGrid(200, 1);
    const surface = new Float32Array(grid.cells);
    // A north–south street 10 m wide between two 10 m high rows, 200 m long (the search radius is 60 m).
    box(surface, grid, 0, 0, 95, 200, 10);
    box(surface, grid, 105, 0, 200, 200, 10);
    const include = new Uint8Array(grid.cells).fill(1);
    const out = skyViewFactor(grid, surface, include, wholeGrid(grid), new Float32Array(grid.cells), {
      radius: 60,
      directions: 32,
    });
    const centre = out[cellAt(grid, 100, 100)]!;
    expect(Math.abs(centre - 0.447)).toBeLessThan(0.03);
    // 16 directions (the default) is coarser but close.
    const coarse = skyViewFactor(grid, surface, include, wholeGrid(grid), new Float32Array(grid.cells), {
      radius: 60,
    });
    expect(Math.abs(coarse[cellAt(grid, 100, 100)]! - 0.447)).toBeLessThan(0.05);
    // A narrower street (6 m: H/W = 1.67) sees less sky: analytic cos(atan(2·10/6)) = 0.287.
    const narrow = new Float32Array(grid.cells);
    box(narrow, grid, 0, 0, 97, 200, 10);
    box(narrow, grid, 103, 0, 200, 200, 10);
    const n = skyViewFactor(grid, narrow, include, wholeGrid(grid), new Float32Array(grid.cells), {
      radius: 60,
      directions: 32,
    });
    expect(n[cellAt(grid, 100, 100)]!).toBeLessThan(centre);
    expect(Math.abs(n[cellAt(grid, 100, 100)]! - 0.287)).toBeLessThan(0.04);
  });

  it('matches the analytic infinite canyon at 2 m cells, on and off the centre line', () => {
    /*
     * Analytic value (derived here). A horizontal floor element in an infinitely long canyon, a
     * metres from one wall and b from the other, both walls H high: in the cross-section the sky
     * lies between the wall tops, at elevations γa = atan(H/a) and γb = atan(H/b). For infinitely
     * long (2-D) geometry the view factor from a floor strip to the directions between angles φ1 and
     * φ2 from the zenith is (sin φ2 − sin φ1) / 2. The sky runs from φ = −(90° − γb) to
     * +(90° − γa), so
     *     SVF(a, b) = (cos atan(H/a) + cos atan(H/b)) / 2,
     * which on the centre line (a = b = W/2) is Oke's cos(atan(2H/W)).
     *
     * The grid: 2 m cells, an 18 m street between walls 18 m high (H/W = 1) running north–south
     * through a 300 m grid (the search radius is 100 m, so the canyon is "infinite" to every ray);
     * the walls' faces lie on cell edges, and the cells' centres are 1, 3, …, 17 m from the west face.
     */
    const grid = testGrid(150, 2);
    const analytic = (h: number, a: number, b: number) =>
      (Math.cos(Math.atan(h / a)) + Math.cos(Math.atan(h / b))) / 2;
    const street = (west: number, width: number, height: number) => {
      const surface = new Float32Array(grid.cells);
      box(surface, grid, 0, 0, west, 300, height);
      box(surface, grid, west + width, 0, 300, 300, height);
      return surface;
    };
    const include = new Uint8Array(grid.cells);
    for (let col = 0; col < grid.columns; col++) include[cellAt(grid, col * 2 + 1, 150)] = 1;
    const svf = (surface: Float32Array, directions: number) =>
      skyViewFactor(grid, surface, include, wholeGrid(grid), new Float32Array(grid.cells), { directions });
    const square = street(140, 18, 18);
    const fine = svf(square, 64);
    expect(analytic(18, 9, 9)).toBeCloseTo(Math.cos(Math.atan(2)), 12); // 0.4472
    for (const a of [1, 3, 5, 7, 9]) {
      const value = fine[cellAt(grid, 140 + a, 150)]!;
      // Measured to cell centres the walls stood a cell half farther off: +0.023 to +0.029 here.
      expect(Math.abs(value - analytic(18, a, 18 - a)), `${a} m from the wall`).toBeLessThan(0.004);
    }
    // The default 16 directions on the centre line: 0.4476 against 0.4472 (it was 0.4763).
    expect(Math.abs(svf(square, 16)[cellAt(grid, 149, 150)]! - analytic(18, 9, 9))).toBeLessThan(0.002);
    // H/W = 2 (10 m street, 20 m walls): cos(atan 4) = 0.2425 on the centre line.
    const deep = svf(street(140, 10, 20), 64);
    expect(Math.abs(deep[cellAt(grid, 145, 150)]! - 0.2425)).toBeLessThan(0.002);
    expect(Math.abs(deep[cellAt(grid, 141, 150)]! - analytic(20, 1, 9))).toBeLessThan(0.004);
  });
});

import { describe, expect, it } from 'vitest';
import { cordonDensity, lineCountsToDensity, suppressSmallCounts } from './counts-to-density.ts';
import { capacity, flow } from './weidmann.ts';

describe('suppressSmallCounts', () => {
  it('turns counts below the threshold into null, never 0 or the raw value', () => {
    expect(suppressSmallCounts(0, 5)).toBeNull();
    expect(suppressSmallCounts(1, 5)).toBeNull();
    expect(suppressSmallCounts(4.9, 5)).toBeNull();
    expect(suppressSmallCounts(5, 5)).toBe(5);
    expect(suppressSmallCounts(120, 5)).toBe(120);
    expect(suppressSmallCounts(null, 5)).toBeNull();
    expect(suppressSmallCounts(Number.NaN, 5)).toBeNull();
    expect(suppressSmallCounts(0, 0)).toBe(0);
    expect(() => suppressSmallCounts(3, -1)).toThrow(RangeError);
  });
});

describe('line counts → density', () => {
  it('inverts the free-flow branch per metre width, per interval and direction', () => {
    // 10 m wide, 60 s: 330 + 330 persons → 33 p/m/min each way → 0.416 p/m² (table in models.md §1.3).
    const [row] = lineCountsToDensity([{ start: 0, seconds: 60, a: 330, b: 0 }], { width: 10 });
    expect(row!.flowA).toBeCloseTo(0.55, 10);
    expect(row!.densityA!).toBeCloseTo(0.416, 2);
    expect(row!.b).toBeNull(); // 0 is a small count too
    expect(row!.densityB).toBeNull();
    expect(flow(row!.density!)).toBeCloseTo(0.55, 9);
    expect(row!.overCapacity).toBe(false);
  });

  it('uses the shared width for the total, which is not the sum of directional densities', () => {
    const [row] = lineCountsToDensity([{ start: 0, seconds: 60, a: 300, b: 300 }], { width: 10 });
    expect(flow(row!.density!)).toBeCloseTo(1.0, 9);
    expect(row!.density!).not.toBeCloseTo(row!.densityA! + row!.densityB!, 3);
  });

  it('flags flows above capacity instead of inventing a density', () => {
    const [row] = lineCountsToDensity([{ start: 0, seconds: 60, a: 500, b: 400 }], { width: 10 });
    expect(row!.overCapacity).toBe(true);
    expect(row!.density).toBeCloseTo(capacity().density, 9);
  });

  it('suppresses small counts and the densities that would reveal them', () => {
    const [row] = lineCountsToDensity([{ start: 0, seconds: 60, a: 2, b: 1 }], { width: 4 });
    expect(row).toMatchObject({ a: null, b: null, density: null, densityA: null, flowA: null });
  });

  it('rejects a width of 0', () => {
    expect(() => lineCountsToDensity([], { width: 0 })).toThrow(/width/);
  });
});

describe('cordon accumulation', () => {
  it('accumulates in − out, never below zero', () => {
    const states = cordonDensity(
      [
        { start: 0, in: 100, out: 20 },
        { start: 1, in: 50, out: 30 },
        { start: 2, in: 0, out: 200 },
      ],
      { area: 50 },
    );
    expect(states.map((s) => s.inside)).toEqual([80, 100, null]);
    expect(states[1]!.density).toBeCloseTo(2, 10);
  });

  it('re-zeroes at known empty times and reports the drift it removed', () => {
    // A sensor that misses 10 % of the leavers: without re-zeroing the count creeps up every day.
    const day = (start: number) => [
      { start, in: 1000, out: 900 },
      { start: start + 1, in: 0, out: 0 },
    ];
    const counts = [...day(0), ...day(10), ...day(20)];
    const drifting = cordonDensity(counts, { area: 1000 });
    expect(drifting.at(-1)!.inside).toBe(300);
    const fixed = cordonDensity(counts, { area: 1000, rezeroAt: [10, 20] });
    expect(fixed.at(-1)!.inside).toBe(100);
    expect(fixed[2]!.drift).toBe(100);
    expect(fixed[0]!.drift).toBeUndefined();
  });
});

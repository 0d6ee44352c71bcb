import { describe, expect, it } from 'vitest';
import { forecast, profileFromHistory, type Observation } from './forecast.ts';
import { mulberry32 } from '../scenarios/seeded-random.ts';

const MIN = 60_000;
const INTERVAL = 15 * MIN;
/** A daily shape: 50 per 15 min at night, up to 450 in the afternoon. */
const profile = (t: number) => {
  const hour = (t / 3_600_000) % 24;
  return 50 + 400 * Math.exp(-(((hour - 15) / 3.5) ** 2));
};

const normal = (rnd: () => number) => Math.sqrt(-2 * Math.log(rnd() + 1e-12)) * Math.cos(2 * Math.PI * rnd());

const series = (from: number, n: number, factor: (t: number) => number): Observation[] =>
  Array.from({ length: n }, (_, i) => {
    const time = from + i * INTERVAL;
    return { time, count: profile(time) * factor(time) };
  });

describe('short-term forecast (ratio to profile with exponential smoothing)', () => {
  it('follows a busier-than-usual day 15, 30 and 60 minutes ahead', () => {
    const observed = series(10 * 3_600_000, 16, () => 1.3); // 10:00–14:00, 30 % busier than usual
    const f = forecast({ observed, profile, intervalMs: INTERVAL, horizons: [1, 2, 4], damping: 1 });
    expect(f.ratio).toBeCloseTo(1.3, 9);
    for (const p of f.points) {
      expect(p.expected!).toBeCloseTo(1.3 * profile(p.time), 6);
      expect(p.lower!).toBeLessThanOrEqual(p.expected!);
      expect(p.upper!).toBeGreaterThanOrEqual(p.expected!);
    }
    expect(f.points.map((p) => p.time - observed.at(-1)!.time)).toEqual([15 * MIN, 30 * MIN, 60 * MIN]);
    expect(f.sigma).toBeLessThan(1e-12); // no errors at all: a zero-width band
  });

  it('pulls far horizons back towards the usual profile when damped', () => {
    const observed = series(10 * 3_600_000, 16, () => 2);
    const f = forecast({ observed, profile, intervalMs: INTERVAL, horizons: [1, 4], damping: 0.8 });
    const [near, far] = f.points.map((p) => p.expected! / p.usual);
    expect(near).toBeCloseTo(1 + 0.8, 6);
    expect(far).toBeCloseTo(1 + 0.8 ** 4, 6);
  });

  it('adapts to a sudden change within a few intervals', () => {
    const observed = series(10 * 3_600_000, 16, (t) => (t < 13 * 3_600_000 ? 1 : 2));
    const f = forecast({ observed, profile, intervalMs: INTERVAL, horizons: [1], alpha: 0.5, damping: 1 });
    expect(f.ratio).toBeGreaterThan(1.9);
    expect(f.ratio).toBeLessThan(2);
  });

  it('has a band that covers about 90 % of what really happens, wider further ahead', () => {
    const rnd = mulberry32(42);
    let covered = 0;
    let total = 0;
    for (let day = 0; day < 60; day++) {
      const start = day * 86_400_000 + 9 * 3_600_000;
      const level = 0.8 + 0.4 * rnd(); // each day has its own level
      const all = series(start, 24, () => level * (1 + 0.1 * normal(rnd)));
      const f = forecast({ observed: all.slice(0, 20), profile, intervalMs: INTERVAL, horizons: [1, 2, 4] });
      for (const p of f.points) {
        const truth = all[19 + p.horizon]!.count;
        total++;
        if (truth >= p.lower! && truth <= p.upper!) covered++;
      }
      const widths = f.points.map((p) => (p.upper! - p.lower!) / p.usual);
      expect(widths[2]!).toBeGreaterThan(widths[0]!);
    }
    expect(covered / total).toBeGreaterThan(0.8);
    expect(covered / total).toBeLessThan(0.99);
  });

  it('suppresses forecasts below the privacy threshold, band included', () => {
    const observed = series(2 * 3_600_000, 8, () => 0.05); // a quiet night: ~2–3 people per interval
    const f = forecast({ observed, profile, intervalMs: INTERVAL, horizons: [1] });
    expect(f.points[0]).toMatchObject({ expected: null, lower: null, upper: null });
  });

  it('falls back to the usual profile and a default band with no data', () => {
    const f = forecast({ observed: [], profile, intervalMs: INTERVAL, horizons: [1] });
    expect(f.ratio).toBe(1);
    expect(f.sigma).toBe(0.25);
    expect(f.points[0]!.expected).toBeCloseTo(profile(INTERVAL), 9);
  });
});

describe('profile from history', () => {
  it('averages each slot and scales by the trend', () => {
    const hourOfDay = (t: number) => String(Math.floor(t / 3_600_000) % 24);
    const history: Observation[] = [
      { time: 10 * 3_600_000, count: 100 },
      { time: 34 * 3_600_000, count: 140 }, // the next day, same hour
      { time: 11 * 3_600_000, count: 50 },
      { time: 12 * 3_600_000, count: Number.NaN },
    ];
    const usual = profileFromHistory(history, hourOfDay, { trend: 1.1, fallback: -1 });
    expect(usual(58 * 3_600_000)).toBeCloseTo(132, 9);
    expect(usual(11 * 3_600_000 + 60_000)).toBeCloseTo(55, 9);
    expect(usual(12 * 3_600_000)).toBe(-1);
  });
});

/**
 * Privacy: a count below the threshold never reaches the output. Checked three ways: small counts
 * can be changed at will without changing one byte of the output; a site that only ever sees small
 * counts shows no number derived from them anywhere in the serialized output; and derived counts
 * (persons inside, forecasts) below the threshold are suppressed as well.
 */
import { describe, expect, it } from 'vitest';
import type { CountingFeed } from '../sources/crowd-counts/feed.ts';
import { assessCrowd, usualProfileFromFeeds, type CrowdAssessment } from './monitor.ts';
import { areaSite, cest, feedOf, lineSite, series } from '../../tests/support/monitor-feeds.ts';
import { mulberry32 } from '../scenarios/seeded-random.ts';

const T = 5;

/** A day of 5-minute counts that drift in and out of the suppressed range: quiet night, busy day. */
function dayFeed(date: string, seed: number): CountingFeed {
  const rnd = mulberry32(seed);
  const n = 288;
  const level = (i: number) => 1 + 40 * Math.max(0, Math.sin((Math.PI * (i - 30)) / 220));
  const counts = () => {
    const c = { in: [] as number[], out: [] as number[] };
    for (let i = 0; i < n; i++) {
      c.in.push(Math.floor(rnd() * level(i) * 1.2));
      c.out.push(Math.floor(rnd() * level(i)));
    }
    return c;
  };
  const start = `${date}T05:00:00+02:00`;
  return feedOf(
    [lineSite('street', 3), lineSite('quiet', 4), areaSite('square', 400)],
    [
      series('street', start, 300, counts()),
      series('quiet', start, 300, counts()),
      series('square', start, 300, counts()),
    ],
  );
}

/** Every count below the threshold replaced by another count below it. */
function reshuffleSmallCounts(feed: CountingFeed, seed: number): { feed: CountingFeed; changed: number } {
  const rnd = mulberry32(seed);
  let changed = 0;
  const swap = (v: number | null) => {
    if (v === null || v >= T) return v;
    const other = (v + 1 + Math.floor(rnd() * (T - 1))) % T;
    changed++;
    return other;
  };
  return {
    feed: { ...feed, series: feed.series.map((s) => ({ ...s, in: s.in.map(swap), out: s.out.map(swap) })) },
    changed,
  };
}

const times = ['06:10', '07:35', '09:00', '12:20', '16:45', '21:30', '23:55'].map((t) =>
  cest(`2026-06-13T${t}:00`),
);

describe('privacy: counts below the threshold', () => {
  it('never influence any output value: changing them changes nothing', () => {
    const today = dayFeed('2026-06-13', 1);
    const lastWeek = dayFeed('2026-06-06', 2);
    const today2 = reshuffleSmallCounts(today, 3);
    const lastWeek2 = reshuffleSmallCounts(lastWeek, 4);
    // The test would be empty if no small counts were present or changed.
    expect(today2.changed).toBeGreaterThan(200);
    expect(lastWeek2.changed).toBeGreaterThan(200);

    const usual1 = usualProfileFromFeeds([lastWeek]);
    const usual2 = usualProfileFromFeeds([lastWeek2.feed]);
    let suppressedSeen = 0;
    for (const now of times) {
      const a = assessCrowd(today, now, { usualProfile: usual1 });
      const b = assessCrowd(today2.feed, now, { usualProfile: usual2 });
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      suppressedSeen += a.sites.filter((s) => s.suppressed).length;
      suppressedSeen += a.sites.flatMap((s) => s.history).filter((h) => h.density === null).length;
    }
    // …and the suppression was really exercised, in the current values and in the histories.
    expect(suppressedSeen).toBeGreaterThan(20);
  });

  it('leave no number derived from them anywhere in the serialized output', () => {
    const quiet = dayFeed('2026-06-13', 5);
    const small = {
      ...quiet,
      series: quiet.series.map((s) => ({
        ...s,
        in: s.in.map((v) => (v ?? 0) % T),
        out: s.out.map((v) => (v ?? 0) % T),
      })),
    };
    // Keys that hold times, places or thresholds, never counts.
    const notCounts = new Set([
      'nowMs',
      'latestAt',
      'ageSeconds',
      't',
      'lon',
      'lat',
      'widthM',
      'areaM2',
      'minutesAhead',
      'thresholdDensity',
    ]);
    for (const now of times) {
      const a: CrowdAssessment = assessCrowd(small, now, { usualProfile: usualProfileFromFeeds([small]) });
      const numbers: string[] = [];
      JSON.stringify(a, (key, value: unknown) => {
        if (typeof value === 'number' && !notCounts.has(key)) numbers.push(`${key}=${value}`);
        return value;
      });
      expect(numbers).toEqual([]);
      expect(a.warnings).toEqual([]);
      for (const s of a.sites) {
        expect(s).toMatchObject({ count: null, density: null, level: null, trend: null, forecast: [] });
        expect(s.history.every((h) => h.density === null)).toBe(true);
      }
    }
  });

  it('suppress derived counts too: a line with both directions small, an area with few people inside', () => {
    const start = '2026-06-13T05:00:00+02:00';
    const feed = feedOf(
      [lineSite('both', 4), lineSite('one', 4), lineSite('one-other', 4), areaSite('sq', 100)],
      [
        series('both', start, 300, { in: [4, 4], out: [4, 4] }), // 8 people, but each direction is below 5
        series('one', start, 300, { in: [3, 3], out: [40, 40] }),
        series('one-other', start, 300, { in: [0, 0], out: [40, 40] }),
        series('sq', start, 300, { in: [8, 8, 8], out: [6, 6, 6] }), // 2 more inside per interval
      ],
    );
    const at = (i: number) => assessCrowd(feed, cest('2026-06-13T05:00:00') + (i + 1) * 300_000).sites;
    const [both, one, other] = at(1);
    expect(both!).toMatchObject({ count: null, suppressed: true, density: null });
    // The small direction counts as (5 − 1) / 2 = 2 whatever it was, so 3 and 0 look the same.
    expect(one!.count).toBeCloseTo(42 / 5, 12);
    expect(other!.count).toBe(one!.count);
    expect(other!.density).toBe(one!.density);
    const inside = [0, 1, 2].map((i) => at(i)[3]!);
    expect(inside.map((s) => s.count)).toEqual([null, null, 6]);
    expect(inside.map((s) => s.suppressed)).toEqual([true, true, false]);
  });

  it('leave out forecasts of fewer people than the threshold, band and all', () => {
    // A street emptying out: 60, 55, … per 5 minutes, down to 10 now.
    const half = Array.from({ length: 11 }, (_, i) => Math.round(30 - 2.5 * i));
    const feed = feedOf(
      [lineSite('l', 4)],
      [series('l', '2026-06-13T05:00:00+02:00', 300, { in: half, out: half })],
    );
    const s = assessCrowd(feed, cest('2026-06-13T05:55:00')).sites[0]!;
    expect(s.count).not.toBeNull();
    const ahead = s.forecast.map((p) => p.minutesAhead);
    expect(ahead.length).toBeLessThan(4);
    // What is left out is the far end, where fewer than 5 people per interval are expected.
    expect(ahead).toEqual([15, 30, 45, 60].slice(0, ahead.length));
  });
});

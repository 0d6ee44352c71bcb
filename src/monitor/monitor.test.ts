import { describe, expect, it } from 'vitest';
import { assessCrowd, usualProfileFromFeeds, type CrowdWarning } from './monitor.ts';
import { areaSite, cest, evenCounts, feedOf, lineSite, series } from '../../tests/support/monitor-feeds.ts';
import { freeFlowDensityFast } from './monitor-measure.ts';
import type { CrowdKind } from '../scenarios/crowd/thresholds.ts';
import { capacity, freeFlowDensity } from '../scenarios/crowd/weidmann.ts';

const MIN = 60_000;
const DAY_START = '2026-06-13T05:00:00+02:00';

/** An area whose occupancy follows `inside(i)` at the end of interval i, over `n` 5-minute intervals. */
function areaFollowing(
  id: string,
  area: number,
  n: number,
  inside: (i: number) => number,
  kind: CrowdKind = 'moving',
) {
  const counts = { in: [] as number[], out: [] as number[] };
  let previous = 0;
  for (let i = 0; i < n; i++) {
    const target = Math.round(inside(i));
    counts.in.push(50 + Math.max(0, target - previous));
    counts.out.push(50 + Math.max(0, previous - target));
    previous = target;
  }
  return { site: areaSite(id, area, { crowdKind: kind }), series: series(id, DAY_START, 300, counts) };
}

describe('line sites: counts → density', () => {
  it('inverts the free-flow branch of Weidmann (models.md §1.3: 49 → 0.662, 66 → 1.088 p/m²)', () => {
    // 4 m wide, 5-minute intervals: 49 p/m/min is 980 persons per interval in both directions together.
    const feed = feedOf(
      [lineSite('c', 4), lineSite('e', 4)],
      [
        series(
          'c',
          DAY_START,
          300,
          evenCounts(12, () => 49 * 4 * 5),
        ),
        series(
          'e',
          DAY_START,
          300,
          evenCounts(12, () => 66 * 4 * 5),
        ),
      ],
    );
    const a = assessCrowd(feed, cest('2026-06-13T06:00:00'));
    const [c, e] = a.sites;
    expect(c!.count).toBeCloseTo(196, 9); // persons per minute
    expect(c!.density!).toBeCloseTo(0.662, 2);
    expect(c!.level).toBe('C');
    expect(c!.warning).toBe('none');
    expect(e!.density!).toBeCloseTo(1.088, 2);
    expect(e!.level).toBe('E');
    expect(e!.warning).toBe('warning');
    expect(a.latestAt).toBe(cest('2026-06-13T06:00:00'));
    expect(a.ageSeconds).toBe(0);
  });

  it('inverts as exactly as the bisection in weidmann.ts, to within 0.0005 p/m²', () => {
    const qMax = capacity().flow;
    let worst = 0;
    for (let i = 0; i <= 2000; i++) {
      const q = (qMax * i) / 2000;
      const fast = freeFlowDensityFast(q);
      const exact = freeFlowDensity(q);
      worst = Math.max(worst, Math.abs(fast.density - exact.density));
      expect(fast.overCapacity).toBe(exact.overCapacity);
    }
    expect(worst).toBeLessThan(5e-4);
    expect(freeFlowDensityFast(0.5 * qMax).density).toBeCloseTo(freeFlowDensity(0.5 * qMax).density, 6);
  });

  it("flags a flow at Weidmann's capacity: the density is then only a lower bound", () => {
    const feed = feedOf(
      [lineSite('x', 3)],
      [
        series(
          'x',
          DAY_START,
          300,
          evenCounts(6, () => 80 * 3 * 5),
        ),
      ],
    );
    const s = assessCrowd(feed, cest('2026-06-13T05:30:00')).sites[0]!;
    expect(s.atCapacity).toBe(true);
    expect(s.density!).toBeCloseTo(1.75, 2);
  });
});

describe('area sites: cordon accumulation', () => {
  it('counts from the series start, re-zeroes at 05:00 local time, and a gap breaks the chain', () => {
    // From 03:00: 10 more in than out per 15 minutes (drift the 05:00 re-zero must throw away),
    // then 60 more per interval from 05:00.
    const counts = { in: [] as (number | null)[], out: [] as (number | null)[] };
    counts.in.push(...Array<number>(8).fill(30), ...Array<number>(4).fill(100), null, 100);
    counts.out.push(...Array<number>(8).fill(20), ...Array<number>(4).fill(40), 40, 40);
    const feed = feedOf([areaSite('sq', 1000)], [series('sq', '2026-06-13T03:00:00+02:00', 900, counts)]);

    const at = (t: string) => assessCrowd(feed, cest(t)).sites[0]!;
    expect(at('2026-06-13T05:00:00').count).toBe(80);
    const six = at('2026-06-13T06:00:00');
    expect(six.count).toBe(240);
    expect(six.density).toBeCloseTo(0.24, 12);
    // 06:00–06:15 has no "in": the inside count is unknown from then on (not suppressed, not zero).
    const later = at('2026-06-13T06:30:00');
    expect(later.latestAt).toBe(cest('2026-06-13T06:30:00'));
    expect(later.count).toBeNull();
    expect(later.suppressed).toBe(false);
    expect(later.history.at(-1)).toEqual({ t: cest('2026-06-13T06:30:00'), density: null });
    // The re-zero hour is an option: without the 05:00 reset the drift stays in.
    const noReset = assessCrowd(feed, cest('2026-06-13T06:00:00'), { rezeroLocalHour: 4 }).sites[0]!;
    expect(noReset.count).toBe(240 + 40);
  });

  it('shows standing crowds without a walkway LoS and warns from 4 p/m² (models.md §1.2)', () => {
    const { site, series: s } = areaFollowing('stage', 1000, 12, () => 4200, 'standing');
    const st = assessCrowd(feedOf([site], [s]), cest('2026-06-13T06:00:00')).sites[0]!;
    expect(st.density).toBeCloseTo(4.2, 9);
    expect(st.level).toBeNull();
    expect(st.warning).toBe('alert');
  });
});

describe('replay and a stopped feed', () => {
  const ramp = areaFollowing('sq', 1000, 288, (i) => 30 * i);
  const feed = feedOf(
    [ramp.site, lineSite('l', 5)],
    [
      ramp.series,
      series(
        'l',
        DAY_START,
        300,
        evenCounts(288, () => 400),
      ),
    ],
  );

  it('uses only what was observed by `nowMs`: later data never changes the assessment', () => {
    const now = cest('2026-06-13T07:02:30'); // mid-interval: 07:00–07:05 has not ended yet
    const cut = (n: number) => ({
      ...feed,
      series: feed.series.map((s) => ({ ...s, in: s.in.slice(0, n), out: s.out.slice(0, n) })),
    });
    const full = assessCrowd(feed, now);
    expect(JSON.stringify(assessCrowd(cut(24), now))).toBe(JSON.stringify(full));
    // The interval that has not ended must not be used either.
    expect(JSON.stringify(assessCrowd(cut(25), now))).toBe(JSON.stringify(full));
    expect(full.latestAt).toBe(cest('2026-06-13T07:00:00'));
  });

  it('keeps the last state when the feed stops and says how old it is', () => {
    const stopped = {
      ...feed,
      series: feed.series.map((s) => ({ ...s, in: s.in.slice(0, 110), out: s.out.slice(0, 110) })),
    };
    const lastEnd = cest('2026-06-13T14:10:00');
    const a = assessCrowd(stopped, lastEnd + 50 * MIN);
    expect(a.latestAt).toBe(lastEnd);
    expect(a.ageSeconds).toBe(50 * 60);
    const area = a.sites[0]!;
    expect(area.count).toBe(30 * 109);
    expect(area.density).toBeCloseTo(3.27, 9);
    expect(area.forecast).toEqual([]);
    expect(area.certainty).toBe('low');
    // Its warning still shows (the last state), marked as unsure.
    expect(a.warnings.find((w) => w.siteId === 'sq')).toMatchObject({
      when: 'now',
      level: 'alert',
      certainty: 'low',
    });
  });

  it('reports sites without data as unknown, not as empty', () => {
    const a = assessCrowd(feedOf([lineSite('none', 4)], []), cest('2026-06-13T12:00:00'));
    expect(a.latestAt).toBeNull();
    expect(a.ageSeconds).toBeNull();
    expect(a.sites[0]).toMatchObject({
      latestAt: null,
      count: null,
      density: null,
      suppressed: false,
      certainty: 'low',
    });
    expect(a.warnings).toEqual([]);
  });
});

describe('trend and forecast', () => {
  const now = cest('2026-06-13T07:00:00');

  it('measures the trend as the density slope per 10 minutes', () => {
    const rising = areaFollowing('up', 1000, 48, (i) => 50 * i); // +0.05 p/m² per 5 min
    const falling = areaFollowing('down', 1000, 48, (i) => 3000 - 50 * i);
    const flat = areaFollowing('flat', 1000, 48, () => 800);
    const a = assessCrowd(
      feedOf([rising.site, falling.site, flat.site], [rising.series, falling.series, flat.series]),
      now,
    );
    const [up, down, level] = a.sites;
    expect(up!.trendPerTenMinutes).toBeCloseTo(0.1, 9);
    expect(up!.trend).toBe('rising');
    expect(down!.trendPerTenMinutes).toBeCloseTo(-0.1, 9);
    expect(down!.trend).toBe('falling');
    expect(level!.trendPerTenMinutes).toBeCloseTo(0, 9);
    expect(level!.trend).toBe('steady');
  });

  it('sees a square filling up and warns before the thresholds are passed', () => {
    // 0.03 p/m² more every 5 minutes: 0.69 at 07:00, LoS D (> 0.72) at 07:10, LoS E (> 1.08) at 08:10.
    const fill = areaFollowing('sq', 1000, 48, (i) => 30 * i);
    const a = assessCrowd(feedOf([fill.site], [fill.series]), now);
    const s = a.sites[0]!;
    expect(s.warning).toBe('none');
    expect(s.forecast.map((p) => p.minutesAhead)).toEqual([15, 30, 45, 60]);
    for (let i = 1; i < s.forecast.length; i++) {
      expect(s.forecast[i]!.density).toBeGreaterThan(s.forecast[i - 1]!.density);
      expect(s.forecast[i]!.high - s.forecast[i]!.low).toBeGreaterThanOrEqual(
        s.forecast[i - 1]!.high - s.forecast[i - 1]!.low,
      );
    }
    // The damped trend undershoots a straight line a little, never overshoots it.
    expect(s.forecast[0]!.density).toBeGreaterThan(0.72);
    expect(s.forecast[3]!.density).toBeLessThan(0.69 + 0.36);
    const info = a.warnings.find((w) => w.level === 'info');
    expect(info).toMatchObject({ when: 15 });
    expect(info!.thresholdDensity).toBeCloseTo(0.7176, 4); // LoS D: 1 / (15 ft² × 0.09290304 m²/ft²)
    expect(a.warnings.every((w) => w.when !== 'now')).toBe(true);
  });

  it('follows the usual daily shape when a usual profile is given', () => {
    // Usually the line gets busy fast after 07:00; today is 20 % busier than usual, all day.
    const usualRate = (i: number) => 40 + (i >= 24 ? 12 * (i - 24) : 0);
    const usualFeed = feedOf(
      [lineSite('l', 6)],
      [
        series(
          'l',
          '2026-06-06T05:00:00+02:00',
          300,
          evenCounts(48, (i) => 5 * usualRate(i)),
        ),
      ],
    );
    const today = feedOf(
      [lineSite('l', 6)],
      [
        series(
          'l',
          DAY_START,
          300,
          evenCounts(48, (i) => 1.2 * 5 * usualRate(i)),
        ),
      ],
    );
    const usualProfile = usualProfileFromFeeds([usualFeed], { slotMinutes: 5 });
    const withUsual = assessCrowd(today, now, { usualProfile }).sites[0]!;
    const without = assessCrowd(today, now).sites[0]!;
    const truth = assessCrowd(today, now + 60 * MIN).sites[0]!.density!;
    const at60 = (s: typeof withUsual) => s.forecast.find((p) => p.minutesAhead === 60)!.density;
    expect(Math.abs(at60(withUsual) - truth)).toBeLessThan(0.2 * truth);
    expect(Math.abs(at60(withUsual) - truth)).toBeLessThan(Math.abs(at60(without) - truth));
    expect(withUsual.certainty).toBe('high');
  });
});

describe('warnings list', () => {
  it('puts the highest level first, then the soonest, then the densest', () => {
    const now = cest('2026-06-13T07:00:00');
    const warningNow = lineSite('w', 4); // 70 p/m/min: about 1.3 p/m², LoS E
    const infoNow = lineSite('i', 4); // 55 p/m/min: LoS D
    const fill = areaFollowing('f', 1000, 24, (i) => 900 + 15 * i); // 1.245 p/m² at 07:00, slowly rising
    const rise = areaFollowing('r', 1000, 24, (i) => 600 + 20 * i); // 1.06 at 07:00: passes 1.08 within 15 min
    const a = assessCrowd(
      feedOf(
        [warningNow, infoNow, fill.site, rise.site],
        [
          series(
            'w',
            DAY_START,
            300,
            evenCounts(24, () => 70 * 4 * 5),
          ),
          series(
            'i',
            DAY_START,
            300,
            evenCounts(24, () => 55 * 4 * 5),
          ),
          fill.series,
          rise.series,
        ],
      ),
      now,
    );
    const brief = (w: CrowdWarning) => `${w.level}:${w.siteId}:${w.when}`;
    const list = a.warnings.map(brief);
    expect(list.slice(0, 3)).toEqual(['warning:w:now', 'warning:f:now', 'warning:r:15']);
    expect(a.warnings[0]!.density).toBeGreaterThan(a.warnings[1]!.density);
    expect(list).toContain('info:i:now');
    expect(list.indexOf('info:i:now')).toBeGreaterThan(list.indexOf('warning:r:15'));
    // A measured level is as sure as fresh, complete data; the forecast one depends on its band.
    expect(a.warnings[0]!.certainty).toBe('high');
    expect(a.warnings[0]!.low).toBe(a.warnings[0]!.density);
  });

  it('rejects nonsense options', () => {
    const feed = feedOf([lineSite('l', 4)], []);
    expect(() => assessCrowd(feed, 0, { suppressionThreshold: -1 })).toThrow(RangeError);
    expect(() => assessCrowd(feed, 0, { horizonsMinutes: [0] })).toThrow(RangeError);
    expect(() => assessCrowd(feed, 0, { historyMinutes: 0 })).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { countingFeedSchema, parseCountingFeed, seriesStartMs } from './feed.ts';
import { areaSite, feedOf, lineSite, series } from '../../../tests/support/monitor-feeds.ts';

const good = () =>
  feedOf(
    [lineSite('a', 4), areaSite('b', 1000)],
    [
      series('a', '2026-06-13T05:00:00+02:00', 300, { in: [1, 2, null], out: [3, 4, 5] }),
      series('b', '2026-06-13T03:00:00Z', 60, { in: [10], out: [0] }),
    ],
  );

const issuesOf = (input: unknown) => {
  const r = countingFeedSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('counting feed schema', () => {
  it('accepts a feed with line and area sites, offsets and gaps', () => {
    expect(issuesOf(good())).toEqual([]);
    expect(seriesStartMs(good().series[0]!)).toBe(Date.parse('2026-06-13T03:00:00Z'));
  });

  it('needs a width for a line site and an area for an area site', () => {
    const f = good();
    delete f.sites[0]!.widthM;
    delete f.sites[1]!.areaM2;
    expect(issuesOf(f)).toEqual([
      'sites.0.widthM: a line site needs widthM',
      'sites.1.areaM2: an area site needs areaM2',
    ]);
  });

  it('rejects negative, fractional and mismatched counts', () => {
    const f = good();
    f.series[0]!.in[0] = -1;
    f.series[0]!.out[1] = 2.5;
    f.series[1]!.out.push(3);
    expect(issuesOf(f)).toEqual([
      'series.0.in.0: counts cannot be negative',
      'series.0.out.1: counts are whole persons',
      'series.1.out: "in" and "out" need one entry per interval each',
    ]);
  });

  it('cross-checks site ids: unknown, duplicate, or a second series for a site', () => {
    const f = good();
    f.sites.push(lineSite('a', 3));
    f.series.push(series('zz', '2026-06-13T03:00:00Z', 60, { in: [], out: [] }));
    f.series.push(series('b', '2026-06-13T03:00:00Z', 60, { in: [], out: [] }));
    expect(issuesOf(f)).toEqual([
      'sites.2.id: duplicate site "a"',
      'series.2.siteId: unknown site "zz"',
      'series.3.siteId: a second series for "b"',
    ]);
  });

  it('wants a start time with an offset, so replay knows the wall clock', () => {
    const f = good();
    f.series[0]!.start = '2026-06-13T05:00:00';
    expect(issuesOf(f)).toHaveLength(1);
    expect(() => parseCountingFeed(f)).toThrow(/not a valid counting feed[\s\S]*series\[0\]\.start/);
  });
});

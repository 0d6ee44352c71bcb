/**
 * Small builders for monitor tests and benchmarks: sites, series and feeds in a few words.
 * Not used by the app.
 */
import type { CountingFeed, CountingSite, SiteSeries } from '../../src/sources/crowd-counts/feed.ts';

export function lineSite(id: string, widthM: number, extra: Partial<CountingSite> = {}): CountingSite {
  return {
    id,
    name: `Line ${id}`,
    kind: 'line',
    lon: 5.12,
    lat: 52.09,
    widthM,
    crowdKind: 'moving',
    ...extra,
  };
}

export function areaSite(id: string, areaM2: number, extra: Partial<CountingSite> = {}): CountingSite {
  return {
    id,
    name: `Area ${id}`,
    kind: 'area',
    lon: 5.12,
    lat: 52.09,
    areaM2,
    crowdKind: 'moving',
    ...extra,
  };
}

export function series(
  siteId: string,
  start: string,
  intervalSeconds: number,
  counts: { in: readonly (number | null)[]; out: readonly (number | null)[] },
): SiteSeries {
  return { siteId, start, intervalSeconds, in: [...counts.in], out: [...counts.out] };
}

/** n intervals of `perInterval(i)` split evenly (in gets the odd person). */
export function evenCounts(n: number, perInterval: (i: number) => number): { in: number[]; out: number[] } {
  const c = { in: [] as number[], out: [] as number[] };
  for (let i = 0; i < n; i++) {
    const total = Math.round(perInterval(i));
    c.in.push(Math.ceil(total / 2));
    c.out.push(Math.floor(total / 2));
  }
  return c;
}

export function feedOf(sites: CountingSite[], allSeries: SiteSeries[]): CountingFeed {
  return {
    meta: {
      id: 'test',
      title: 'test feed',
      sample: true,
      note: 'made up for a test',
      licence: 'CC0-1.0',
      source: 'test',
    },
    sites,
    series: allSeries,
  };
}

/** Epoch ms of a wall-clock time in Utrecht in June (CEST, +02:00). */
export function cest(dateTime: string): number {
  return Date.parse(`${dateTime}+02:00`);
}

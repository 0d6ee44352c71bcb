/**
 * Crowd monitor benchmark: prints figures, never passes or fails.
 * Run: `npx tsx scripts/bench/crowd-monitor.bench.ts`
 *
 * Time of one assessCrowd refresh (all sites: density, trend, forecast, warnings):
 * 1. the embedded event-day sample (12 sites, 5-minute data), with the Saturday as usual profile;
 * 2. 200 sites (150 lines, 50 areas) with a full day of 1-minute data, with and without a usual profile.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  parseCountingFeed,
  type CountingFeed,
  type SiteSeries,
} from '../../src/sources/crowd-counts/feed.ts';
import { assessCrowd, usualProfileFromFeeds, type MonitorOptions } from '../../src/monitor/monitor.ts';
import { areaSite, feedOf, lineSite } from '../../tests/support/monitor-feeds.ts';
import { mulberry32 } from '../../src/scenarios/seeded-random.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Median ms of one refresh over `times` (each time assessed `rounds` times). */
function timeRefresh(
  feed: CountingFeed,
  times: readonly number[],
  options: MonitorOptions,
  rounds = 5,
): number {
  for (const t of times) assessCrowd(feed, t, options); // warm-up
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++)
    for (const t of times) {
      const t0 = performance.now();
      assessCrowd(feed, t, options);
      samples.push(performance.now() - t0);
    }
  return median(samples);
}

function benchSample(): void {
  const dir = path.resolve(import.meta.dirname, '../../public/data/crowd');
  const load = (day: string) =>
    parseCountingFeed(JSON.parse(readFileSync(path.join(dir, `counting-sample-${day}.json`), 'utf8')));
  const event = load('event');
  const usualProfile = usualProfileFromFeeds([load('saturday')]);
  const start = Date.parse(event.series[0]!.start);
  const times = Array.from({ length: 24 }, (_, h) => start + h * 3_600_000 + 150_000);
  const ms = timeRefresh(event, times, { usualProfile });
  console.log(
    `sample event day (${event.sites.length} sites, 5-min data): median ${ms.toFixed(2)} ms per refresh ` +
      `(24 clock times × 5)`,
  );
}

function syntheticCity(sites: number, minutes: number, date: string): CountingFeed {
  const rnd = mulberry32(11);
  const list = [];
  const all: SiteSeries[] = [];
  for (let k = 0; k < sites; k++) {
    const area = k % 4 === 3;
    const id = `s${k}`;
    list.push(area ? areaSite(id, 500 + 4000 * rnd()) : lineSite(id, 3 + 12 * rnd()));
    const peak = 20 + 200 * rnd();
    const c = { in: [] as number[], out: [] as number[] };
    for (let m = 0; m < minutes; m++) {
      const h = 5 + m / 60;
      const level = peak * Math.exp(-0.5 * ((h - 15) / 3.5) ** 2);
      c.in.push(Math.round(level * (0.9 + 0.2 * rnd())));
      c.out.push(Math.round(level * (0.9 + 0.2 * rnd())));
    }
    all.push({ siteId: id, start: `${date}T05:00:00+02:00`, intervalSeconds: 60, ...c });
  }
  return feedOf(list, all);
}

function benchCity(): void {
  const feed = syntheticCity(200, 1440, '2026-06-13');
  const t0 = performance.now();
  const usualProfile = usualProfileFromFeeds([syntheticCity(200, 1440, '2026-06-06')]);
  const build = performance.now() - t0;
  const start = Date.parse(feed.series[0]!.start);
  const times = [9, 13, 17, 21].map((h) => start + (h - 5) * 3_600_000 + 30_000);
  const plain = timeRefresh(feed, times, {});
  const withUsual = timeRefresh(feed, times, { usualProfile });
  console.log(
    `200 sites (150 lines, 50 areas), a full day of 1-min data: median ${plain.toFixed(1)} ms per refresh, ` +
      `${withUsual.toFixed(1)} ms with a usual profile (built once in ${build.toFixed(0)} ms)`,
  );
}

benchSample();
benchCity();

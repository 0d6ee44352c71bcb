import { profileFromHistory, type Observation } from './forecast.ts';
import { DEFAULT_SUPPRESSION_THRESHOLD } from '../scenarios/crowd/counts-to-density.ts';
import type { CountingFeed, CountingSite } from '../sources/crowd-counts/feed.ts';
import { seriesStartMs } from '../sources/crowd-counts/feed.ts';
import { STATE_KNOWN, measureSite } from './monitor-measure.ts';
import { DEFAULT_TIME_ZONE, localHourInstants, localMinuteOfDay } from '../time/amsterdam.ts';

/**
 * The usual value of a site's measure at an instant, in rate units so that feeds with different
 * interval lengths fit: crossings per minute for a line site, persons inside for an area site.
 * `undefined` when the site has no usual pattern.
 */
export type UsualProfile = (siteId: string, timeMs: number) => number | undefined;

export interface UsualProfileOptions {
  suppressionThreshold?: number;
  timeZone?: string;
  /** Width of a time-of-day slot (default 15 min). */
  slotMinutes?: number;
  /** Local hour at which area counts restart from 0 (default 5). */
  rezeroLocalHour?: number;
}

/** Crossings per minute (line) or persons inside (area) from a per-interval value. */
export function rateOf(site: CountingSite, intervalMs: number, value: number): number {
  return site.kind === 'line' ? value / (intervalMs / 60_000) : value;
}

/**
 * The usual profile from past days of the same kind (e.g. last Saturdays for an event Saturday):
 * the mean per site and local time-of-day slot, as Pulse of the City does (models.md §1.8). Built
 * from suppressed values only, so small counts never shape it.
 */
export function usualProfileFromFeeds(
  feeds: readonly CountingFeed[],
  options: UsualProfileOptions = {},
): UsualProfile {
  const {
    suppressionThreshold = DEFAULT_SUPPRESSION_THRESHOLD,
    timeZone = DEFAULT_TIME_ZONE,
    slotMinutes = 15,
    rezeroLocalHour = 5,
  } = options;
  const history = new Map<string, Observation[]>();
  for (const feed of feeds) {
    const sites = new Map(feed.sites.map((s) => [s.id, s]));
    for (const series of feed.series) {
      const site = sites.get(series.siteId);
      if (!site) continue;
      const start = seriesStartMs(series);
      const end = start + series.in.length * series.intervalSeconds * 1000;
      const m = measureSite(site, series, {
        nowMs: end,
        threshold: suppressionThreshold,
        keepFromMs: start,
        rezeroAt: localHourInstants(start, end, rezeroLocalHour, timeZone),
      });
      const list = history.get(site.id) ?? [];
      for (let k = 0; k < m.to - m.from; k++) {
        if (m.state[k] !== STATE_KNOWN) continue;
        const mid = m.startMs + (m.from + k + 0.5) * m.intervalMs;
        list.push({ time: mid, count: rateOf(site, m.intervalMs, m.value[k]!) });
      }
      history.set(site.id, list);
    }
  }
  const slotOf = (t: number) => String(Math.floor(localMinuteOfDay(t, timeZone) / slotMinutes));
  const profiles = new Map(
    [...history].map(([id, obs]) => [id, profileFromHistory(obs, slotOf, { fallback: NaN })]),
  );
  return (siteId, timeMs) => {
    const v = profiles.get(siteId)?.(timeMs);
    return v === undefined || Number.isNaN(v) ? undefined : v;
  };
}

import type { CountingFeed } from '../sources/crowd-counts/feed.ts';
import { seriesStartMs } from '../sources/crowd-counts/feed.ts';
import type { CrowdAssessment, CrowdWarning, SiteStatus } from './monitor.ts';

/**
 * The state of the counting feed, from nothing but times: when the monitor started asking, when a
 * fetch last worked or failed, the end of the newest counted interval, and a clock passed in (so
 * tests can fake it). Pure: the control room derives what it shows and when it raises the
 * connection alarm from this, and never from whether a fetch "succeeded", since a server can
 * answer 200 with nothing new for hours.
 *
 * - never-started: no count has ever arrived;
 * - live: the newest count is as fresh as one counting interval plus one refresh allows;
 * - late: older than that, or the last fetch failed, but still within the staleness limit;
 * - stopped: the newest count is older than the staleness limit;
 * - clock-skew: the newest count ends in the future by more than the tolerance, so either this
 *   clock or the counters' is wrong and no age can be trusted.
 */
export const FEED_STATES = ['never-started', 'live', 'late', 'stopped', 'clock-skew'] as const;
export type FeedState = (typeof FEED_STATES)[number];

export interface FeedFacts {
  nowMs: number;
  /** When the monitor began asking for counts; null: not yet. */
  startedAt: number | null;
  lastSuccessAt: number | null;
  lastFailureAt: number | null;
  /** End of the newest interval with counts over all sites; null: none ever. */
  newestCountAt: number | null;
}

export interface FeedLimits {
  /** Counts older than this are not current: alarm, and warnings become unknown. */
  staleAfterMs: number;
  /** The normal delay of a count (one interval plus one refresh); older is late. */
  expectedDelayMs: number;
  /** Counts ending further than this in the future mean a wrong clock. */
  skewToleranceMs: number;
}

export interface FeedStatus {
  state: FeedState;
  /** The connection alarm: the control room has no current counts (or cannot tell). */
  alarm: boolean;
  /** Age of the newest count (ms); null without counts, negative under clock skew. */
  ageMs: number | null;
  /** The newest fetch failed (or every one so far did). */
  failing: boolean;
  /** The instant the alarm condition began, when it is on (for the log and "within the limit"). */
  alarmSince: number | null;
  /** Whether warnings can be called known: only over current counts. */
  warningsKnown: boolean;
}

export const DEFAULT_SKEW_TOLERANCE_MS = 2 * 60_000;

export function feedStatus(facts: FeedFacts, limits: FeedLimits): FeedStatus {
  const { nowMs, startedAt, lastSuccessAt, lastFailureAt, newestCountAt } = facts;
  if (!(limits.staleAfterMs > 0))
    throw new RangeError(`staleAfterMs must be > 0, got ${limits.staleAfterMs}`);
  if (!(limits.expectedDelayMs >= 0 && limits.skewToleranceMs >= 0))
    throw new RangeError('expectedDelayMs and skewToleranceMs must be ≥ 0');
  const failing = lastFailureAt !== null && (lastSuccessAt === null || lastFailureAt > lastSuccessAt);

  if (newestCountAt === null) {
    // Waiting for the first answer is not yet an alarm; a failure, or the limit passing without
    // any count, is.
    const waitedOut = startedAt !== null && nowMs - startedAt > limits.staleAfterMs;
    const alarm = failing || waitedOut;
    return {
      state: 'never-started',
      alarm,
      ageMs: null,
      failing,
      alarmSince: alarm ? (failing ? lastFailureAt : startedAt! + limits.staleAfterMs) : null,
      warningsKnown: false,
    };
  }
  const ageMs = nowMs - newestCountAt;
  if (-ageMs > limits.skewToleranceMs)
    return { state: 'clock-skew', alarm: true, ageMs, failing, alarmSince: nowMs, warningsKnown: false };
  if (ageMs > limits.staleAfterMs) {
    return {
      state: 'stopped',
      alarm: true,
      ageMs,
      failing,
      alarmSince: newestCountAt + limits.staleAfterMs,
      warningsKnown: false,
    };
  }
  const late = failing || ageMs > limits.expectedDelayMs;
  return {
    state: late ? 'late' : 'live',
    alarm: false,
    ageMs,
    failing,
    alarmSince: null,
    warningsKnown: true,
  };
}

/** End of the newest interval with both counts, over every site, whatever the clock says (ms). */
export function newestCountOf(feed: CountingFeed): number | null {
  let newest: number | null = null;
  for (const s of feed.series) {
    for (let i = Math.min(s.in.length, s.out.length) - 1; i >= 0; i--) {
      if (s.in[i] == null || s.out[i] == null) continue;
      const end = seriesStartMs(s) + (i + 1) * s.intervalSeconds * 1000;
      if (newest === null || end > newest) newest = end;
      break;
    }
  }
  return newest;
}

/** The counting interval of the feed (ms), the longest if sites differ; 5 min without series. */
export function feedIntervalMs(feed: CountingFeed | null): number {
  const longest = Math.max(0, ...(feed?.series ?? []).map((s) => s.intervalSeconds * 1000));
  return longest > 0 ? longest : 5 * 60_000;
}

/**
 * A refresh that brings nothing newer for a site must not wipe what was known: per site the
 * series with the later newest count wins (the new one on a tie), and sites the new answer
 * lacks are kept. A server that answers "no observations" keeps the last state on screen.
 */
export function keepLastCounts(previous: CountingFeed | null, next: CountingFeed): CountingFeed {
  if (!previous) return next;
  const newestOf = (feed: CountingFeed, siteId: string) => {
    const s = feed.series.find((x) => x.siteId === siteId);
    return s ? newestCountOf({ ...feed, series: [s] }) : null;
  };
  const siteIds = new Set(next.sites.map((s) => s.id));
  const sites = [...next.sites, ...previous.sites.filter((s) => !siteIds.has(s.id))];
  const series = sites.flatMap((site) => {
    const before = newestOf(previous, site.id);
    const after = newestOf(next, site.id);
    const keepOld = before !== null && (after === null || after < before);
    const chosen = (keepOld ? previous : next).series.find((s) => s.siteId === site.id);
    return chosen ? [chosen] : [];
  });
  return { ...next, sites, series };
}

export type SiteFreshness = 'current' | 'stale' | 'none';

/** A site's own counts: current within the limit, stale beyond it, or none at all. */
export function siteFreshness(status: SiteStatus, nowMs: number, staleAfterMs: number): SiteFreshness {
  if (status.latestAt === null) return 'none';
  return nowMs - status.latestAt > staleAfterMs ? 'stale' : 'current';
}

/**
 * What the warnings list may say. "No warnings" is a claim about every site, so it is only
 * allowed over current counts: under a feed alarm the warnings are unknown (the last known ones
 * are kept, with their time), and sites without current counts are named as unknown.
 */
export type WarningsVerdict =
  | { kind: 'unknown'; lastKnown: CrowdWarning[]; lastKnownAt: number | null }
  | { kind: 'known'; warnings: CrowdWarning[]; unknownSites: SiteStatus[] };

export function warningsVerdict(
  status: FeedStatus,
  assessment: CrowdAssessment | null,
  staleAfterMs: number,
): WarningsVerdict {
  if (!assessment || !status.warningsKnown)
    return {
      kind: 'unknown',
      lastKnown: assessment?.warnings ?? [],
      lastKnownAt: assessment?.latestAt ?? null,
    };
  const unknownSites = assessment.sites.filter(
    (s) => siteFreshness(s, assessment.nowMs, staleAfterMs) !== 'current',
  );
  const unknown = new Set(unknownSites.map((s) => s.site.id));
  return {
    kind: 'known',
    warnings: assessment.warnings.filter((w) => !unknown.has(w.siteId)),
    unknownSites,
  };
}

import { describe, expect, it } from 'vitest';
import {
  feedStatus,
  keepLastCounts,
  newestCountOf,
  warningsVerdict,
  type FeedFacts,
  type FeedLimits,
} from './feed-state.ts';
import { assessCrowd } from './monitor.ts';
import { evenCounts, feedOf, lineSite, series } from '../../tests/support/monitor-feeds.ts';

const MIN = 60_000;
/** 12:00 UTC, the end of a counting interval. */
const T0 = Date.parse('2026-06-13T12:00:00Z');
/** Staleness limit 10 min; normal delay: a 5-minute interval plus a 1-minute refresh. */
const LIMITS: FeedLimits = { staleAfterMs: 10 * MIN, expectedDelayMs: 6 * MIN, skewToleranceMs: 2 * MIN };

/** A fake clock and the monitor's record of fetches, as the store keeps it. */
function fakeFeed(start: number) {
  const facts: FeedFacts = {
    nowMs: start,
    startedAt: start,
    lastSuccessAt: null,
    lastFailureAt: null,
    newestCountAt: null,
  };
  return {
    facts,
    advance(ms: number) {
      facts.nowMs += ms;
    },
    succeed(newestCountAt: number | null) {
      facts.lastSuccessAt = facts.nowMs;
      if (newestCountAt !== null) facts.newestCountAt = newestCountAt;
    },
    fail() {
      facts.lastFailureAt = facts.nowMs;
    },
    status: () => feedStatus(facts, LIMITS),
  };
}

describe('feed state machine', () => {
  it('never started: no alarm while the first answer is awaited, then an alarm once the limit passes', () => {
    const feed = fakeFeed(T0);
    expect(feed.status()).toMatchObject({ state: 'never-started', alarm: false, warningsKnown: false });
    feed.succeed(null); // answered, but no counts
    feed.advance(10 * MIN);
    expect(feed.status().alarm).toBe(false); // exactly the limit: not yet past it
    feed.advance(1);
    expect(feed.status()).toMatchObject({
      state: 'never-started',
      alarm: true,
      alarmSince: T0 + 10 * MIN,
      ageMs: null,
    });
  });

  it('never started and the first fetch fails: alarm at once, from the failure', () => {
    const feed = fakeFeed(T0);
    feed.advance(5_000);
    feed.fail();
    expect(feed.status()).toEqual({
      state: 'never-started',
      alarm: true,
      ageMs: null,
      failing: true,
      alarmSince: T0 + 5_000,
      warningsKnown: false,
    });
  });

  it('live → late → stopped as the newest count ages, with the alarm exactly past the limit', () => {
    const feed = fakeFeed(T0);
    feed.advance(64_000);
    feed.succeed(T0); // the 11:55–12:00 interval, fetched at 12:01:04
    expect(feed.status()).toMatchObject({ state: 'live', alarm: false, ageMs: 64_000, warningsKnown: true });
    feed.advance(6 * MIN - 64_000); // 12:06:00, age exactly the normal delay
    expect(feed.status().state).toBe('live');
    feed.advance(1);
    expect(feed.status()).toMatchObject({ state: 'late', alarm: false, warningsKnown: true });
    feed.advance(4 * MIN - 1); // 12:10:00, age exactly the limit
    expect(feed.status()).toMatchObject({ state: 'late', alarm: false });
    feed.advance(1);
    expect(feed.status()).toEqual({
      state: 'stopped',
      alarm: true,
      ageMs: 10 * MIN + 1,
      failing: false,
      alarmSince: T0 + 10 * MIN,
      warningsKnown: false,
    });
  });

  it('a server that keeps answering with the same old counts is stopped, not live', () => {
    const feed = fakeFeed(T0);
    for (let minute = 1; minute <= 15; minute++) {
      feed.advance(MIN);
      feed.succeed(T0); // every refresh "works", and brings the same 12:00 counts
    }
    // 12:15: 15 minutes old, every fetch a success.
    expect(feed.status()).toMatchObject({ state: 'stopped', alarm: true, failing: false, ageMs: 15 * MIN });
  });

  it('counts stop mid-event: refreshes every minute, errors from 12:03, first alarm at the 12:11 refresh', () => {
    const feed = fakeFeed(T0 - 2 * 3_600_000);
    const states: string[] = [];
    let firstAlarm: number | null = null;
    // Refresh every minute from 10:00 to 12:20; each interval's counts arrive a minute after it ends.
    for (let t = T0 - 2 * 3_600_000; t <= T0 + 20 * MIN; t += MIN) {
      feed.advance(t - feed.facts.nowMs);
      if (t < T0 + 3 * MIN) feed.succeed(Math.floor((t - MIN) / (5 * MIN)) * 5 * MIN);
      else feed.fail();
      const s = feed.status();
      if (t >= T0) states.push(`${(t - T0) / MIN}:${s.state}`);
      if (s.alarm && firstAlarm === null) firstAlarm = t;
    }
    // Newest count 12:00 (arrived at 12:01). Late from 12:03 (fetch failing), stopped after 12:10.
    expect(states.slice(0, 12)).toEqual([
      '0:live',
      '1:live',
      '2:live',
      '3:late',
      '4:late',
      '5:late',
      '6:late',
      '7:late',
      '8:late',
      '9:late',
      '10:late',
      '11:stopped',
    ]);
    expect(firstAlarm).toBe(T0 + 11 * MIN);
    expect(feed.status().alarmSince).toBe(T0 + 10 * MIN);
  });

  it('recovers to live when current counts arrive again', () => {
    const feed = fakeFeed(T0);
    feed.succeed(T0);
    feed.advance(30 * MIN);
    feed.fail();
    expect(feed.status()).toMatchObject({ state: 'stopped', alarm: true, failing: true });
    feed.advance(MIN);
    feed.succeed(T0 + 30 * MIN);
    expect(feed.status()).toMatchObject({ state: 'live', alarm: false, ageMs: MIN, failing: false });
  });

  it('counts from the future beyond the tolerance mean clock skew: alarm, warnings unknown', () => {
    const feed = fakeFeed(T0);
    feed.succeed(T0 + 2 * MIN); // 2 min ahead: within the tolerance
    expect(feed.status()).toMatchObject({ state: 'live', ageMs: -2 * MIN });
    feed.succeed(T0 + 2 * MIN + 1);
    expect(feed.status()).toMatchObject({ state: 'clock-skew', alarm: true, warningsKnown: false });
  });

  it('refuses limits that cannot be right', () => {
    expect(() => feedStatus(fakeFeed(T0).facts, { ...LIMITS, staleAfterMs: 0 })).toThrow(RangeError);
    expect(() => feedStatus(fakeFeed(T0).facts, { ...LIMITS, staleAfterMs: Number.NaN })).toThrow(RangeError);
  });
});

const START = '2026-06-13T12:00:00Z';
const busy = lineSite('busy', 2, { name: 'Drukke straat' });
const quiet = lineSite('quiet', 4, { name: 'Rustig' });
/** 2 m wide, 5-minute intervals of 900 persons: 90 p/m/min, LoS E/F, a warning now. */
const fullFeed = feedOf(
  [busy, quiet],
  [
    series(
      'busy',
      START,
      300,
      evenCounts(12, () => 900),
    ),
    series(
      'quiet',
      START,
      300,
      evenCounts(12, () => 200),
    ),
  ],
);

describe('keeping the last counts', () => {
  it('an answer without observations keeps the last counts', () => {
    const empty = feedOf([busy, quiet], []);
    const kept = keepLastCounts(fullFeed, empty);
    expect(newestCountOf(kept)).toBe(Date.parse(START) + 60 * MIN);
    expect(kept.series.map((s) => s.siteId)).toEqual(['busy', 'quiet']);
  });

  it('newer counts replace older ones, per site', () => {
    const newer = feedOf(
      [busy, quiet],
      [
        series(
          'busy',
          START,
          300,
          evenCounts(13, () => 900),
        ),
      ],
    );
    const merged = keepLastCounts(fullFeed, newer);
    expect(merged.series.find((s) => s.siteId === 'busy')!.in).toHaveLength(13);
    expect(merged.series.find((s) => s.siteId === 'quiet')!.in).toHaveLength(12);
    expect(newestCountOf(merged)).toBe(Date.parse(START) + 65 * MIN);
  });
});

describe('the warnings verdict never says "none" without current counts', () => {
  const at = Date.parse(START) + 62 * MIN;
  const assessment = assessCrowd(fullFeed, at);
  const facts = { nowMs: at, startedAt: at, lastSuccessAt: at, lastFailureAt: null };

  it('current counts: the warnings as they are', () => {
    const verdict = warningsVerdict(
      feedStatus({ ...facts, newestCountAt: Date.parse(START) + 60 * MIN }, LIMITS),
      assessment,
      LIMITS.staleAfterMs,
    );
    expect(verdict.kind).toBe('known');
    if (verdict.kind === 'known') {
      expect(verdict.unknownSites).toEqual([]);
      expect(verdict.warnings.map((w) => w.siteId)).toContain('busy');
    }
  });

  it('stopped feed: unknown, with the last known warnings and their time', () => {
    const later = assessCrowd(fullFeed, at + 30 * MIN);
    const verdict = warningsVerdict(
      feedStatus({ ...facts, nowMs: at + 30 * MIN, newestCountAt: Date.parse(START) + 60 * MIN }, LIMITS),
      later,
      LIMITS.staleAfterMs,
    );
    expect(verdict).toMatchObject({ kind: 'unknown', lastKnownAt: Date.parse(START) + 60 * MIN });
  });

  it('one site gone quiet: its warnings are dropped and it is named unknown', () => {
    const partial = feedOf(
      [busy, quiet],
      [
        series(
          'busy',
          START,
          300,
          evenCounts(6, () => 900),
        ),
        series(
          'quiet',
          START,
          300,
          evenCounts(12, () => 200),
        ),
      ],
    );
    const a = assessCrowd(partial, at);
    const verdict = warningsVerdict(
      feedStatus({ ...facts, newestCountAt: Date.parse(START) + 60 * MIN }, LIMITS),
      a,
      LIMITS.staleAfterMs,
    );
    expect(verdict.kind).toBe('known');
    if (verdict.kind === 'known') {
      expect(verdict.unknownSites.map((s) => s.site.id)).toEqual(['busy']);
      expect(verdict.warnings).toEqual([]);
    }
  });
});

import { useEffect } from 'react';
import { useAppStore } from '../../state/app-store.ts';
import {
  LIVE_COUNTS_URL,
  LIVE_REFRESH_MS,
  useCrowdMonitorStore,
  type FeedLoad,
} from '../../state/crowd-monitor-store.ts';
import { useCrowdEventStore } from '../../state/crowd-event-store.ts';
import { useTimeStore } from '../../state/time-store.ts';
import type { CountingFeed } from '../../sources/crowd-counts/feed.ts';
import type { CrowdAssessment } from '../../monitor/monitor.ts';
import {
  DEFAULT_SKEW_TOLERANCE_MS,
  feedIntervalMs,
  feedStatus,
  newestCountOf,
  warningsVerdict,
  type FeedFacts,
  type FeedStatus,
  type WarningsVerdict,
} from '../../monitor/feed-state.ts';
import { playAlarmSound } from './alarm-sound.ts';
import { assessAt, replayInstant, sampleDayFor, type SampleDay } from '../../layers/crowd-monitor/replay.ts';

export interface CrowdMonitorView {
  /** 'live': the city's counting service; 'sample': a bundled sample day replayed at the app's clock time. */
  source: 'live' | 'sample';
  sampleDay: SampleDay;
  feed: CountingFeed | null;
  load: FeedLoad;
  assessment: CrowdAssessment | null;
  /** The event whose settings and log apply: the live service, or the sample day. */
  eventId: string;
  /** The clock the feed state is judged at (the replay instant for a sample day). */
  nowMs: number;
  newestCountAt: number | null;
  status: FeedStatus;
  staleAfterMs: number;
  verdict: WarningsVerdict;
  /** Why the newest fetch failed, in words; null when it worked. */
  failure: string | null;
}

/** What the monitor shows now: which feed, its load state, its feed state and the assessment at the app time. */
export function useCrowdMonitor(): CrowdMonitorView {
  const on = useCrowdMonitorStore((s) => s.on);
  const day = useCrowdMonitorStore((s) => s.day);
  const samples = useCrowdMonitorStore((s) => s.samples);
  const sampleLoad = useCrowdMonitorStore((s) => s.sampleLoad);
  const liveFeed = useCrowdMonitorStore((s) => s.live);
  const liveLoad = useCrowdMonitorStore((s) => s.liveLoad);
  const track = useCrowdMonitorStore((s) => s.liveTrack);
  const settings = useCrowdEventStore((s) => s.settings);
  const live = useAppStore((s) => s.live) && LIVE_COUNTS_URL !== null;
  const time = useTimeStore((s) => s.time);
  const following = useTimeStore((s) => s.mode === 'now');
  const sampleDay = sampleDayFor(day, time);
  const staleAfterMs = settings.staleAfterMinutes * 60_000;

  const judge = (feed: CountingFeed | null, facts: FeedFacts, refreshMs: number) =>
    feedStatus(facts, {
      staleAfterMs,
      expectedDelayMs: feedIntervalMs(feed) + refreshMs,
      skewToleranceMs: DEFAULT_SKEW_TOLERANCE_MS,
    });

  if (live) {
    const assessment = on && liveFeed ? assessAt(liveFeed, time, settings) : null;
    // Following the clock, counts from the future mean a wrong clock; looking back, they are just later.
    const newestCountAt = liveFeed
      ? following
        ? newestCountOf(liveFeed)
        : (assessment?.latestAt ?? null)
      : null;
    const status = judge(
      liveFeed,
      {
        nowMs: time,
        startedAt: track.startedAt,
        lastSuccessAt: track.lastSuccessAt,
        lastFailureAt: track.lastFailureAt,
        newestCountAt,
      },
      LIVE_REFRESH_MS,
    );
    return {
      source: 'live',
      sampleDay,
      feed: liveFeed,
      load: liveLoad,
      assessment,
      eventId: `live:${LIVE_COUNTS_URL}`,
      nowMs: time,
      newestCountAt,
      status,
      staleAfterMs,
      verdict: warningsVerdict(status, assessment, staleAfterMs),
      failure: status.failing ? track.lastFailure : null,
    };
  }
  const feed = samples[sampleDay] ?? null;
  const load = sampleLoad[sampleDay] ?? { state: 'idle' };
  const nowMs = feed ? replayInstant(feed, time) : time;
  const assessment = on && feed ? assessAt(feed, nowMs, settings) : null;
  const newestCountAt = assessment?.latestAt ?? null;
  // A sample day replays from memory: only its load can fail, and its "fetch" is always now.
  const status = judge(
    feed,
    {
      nowMs,
      startedAt: null,
      lastSuccessAt: load.state === 'ready' ? nowMs : null,
      lastFailureAt: load.state === 'error' ? nowMs : null,
      newestCountAt,
    },
    60_000,
  );
  return {
    source: 'sample',
    sampleDay,
    feed,
    load,
    assessment,
    eventId: `sample:${sampleDay}`,
    nowMs,
    newestCountAt,
    status,
    staleAfterMs,
    verdict: warningsVerdict(status, assessment, staleAfterMs),
    failure: load.state === 'error' ? load.message : null,
  };
}

/**
 * Loads the sample day in view and refreshes a live feed every minute while the monitor is on;
 * opens the event's settings and tells the event store each new feed state (mounted once).
 */
export function useCrowdMonitorLoading(): void {
  const on = useCrowdMonitorStore((s) => s.on);
  const day = useCrowdMonitorStore((s) => s.day);
  const live = useAppStore((s) => s.live) && LIVE_COUNTS_URL !== null;
  const language = useAppStore((s) => s.language);
  const time = useTimeStore((s) => s.time);
  const sampleDay = sampleDayFor(day, time);
  const view = useCrowdMonitor();
  const { eventId, status, newestCountAt, assessment } = view;

  useEffect(() => {
    if (on && !live) void useCrowdMonitorStore.getState().ensureSample(sampleDay);
  }, [on, live, sampleDay]);

  useEffect(() => {
    if (!on || !live) return;
    const refresh = () => void useCrowdMonitorStore.getState().refreshLive(language);
    refresh();
    const timer = setInterval(refresh, LIVE_REFRESH_MS);
    return () => clearInterval(timer);
  }, [on, live, language]);

  // The app clock ticks every 30 s in "now" mode only while the time control is shown; the monitor
  // keeps its own tick so the replayed sample moves on in the control room too, and the feed state
  // (and with it the alarm) is judged again at least twice a minute.
  useEffect(() => {
    if (!on) return;
    const timer = setInterval(() => useTimeStore.getState().tick(), 30_000);
    return () => clearInterval(timer);
  }, [on]);

  useEffect(() => {
    if (on) useCrowdEventStore.getState().openEvent(eventId);
  }, [on, eventId]);

  // Judged only once there is something to judge: an assessment, or a live feed that was asked.
  const judged = on && (assessment !== null || (live && status.alarm));
  useEffect(() => {
    if (judged) useCrowdEventStore.getState().observe(status, newestCountAt, Date.now());
  }, [judged, status, newestCountAt]);

  const announcement = useCrowdEventStore((s) => s.announcement);
  const sound = useCrowdEventStore((s) => s.settings.sound);
  useEffect(() => {
    if (sound && announcement?.kind === 'alarm') playAlarmSound();
  }, [sound, announcement]);
}

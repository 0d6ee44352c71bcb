import { useEffect } from 'react';
import { useAppStore } from '../../state/app-store.ts';
import {
  LIVE_COUNTS_URL,
  LIVE_REFRESH_MS,
  useCrowdMonitorStore,
  type FeedLoad,
} from '../../state/crowd-monitor-store.ts';
import { useTimeStore } from '../../state/time-store.ts';
import type { CountingFeed } from '../../sources/crowd-counts/feed.ts';
import type { CrowdAssessment } from '../../monitor/monitor.ts';
import { assessAt, replayInstant, sampleDayFor, type SampleDay } from '../../layers/crowd-monitor/replay.ts';

export interface CrowdMonitorView {
  /** 'live': the city's counting service; 'sample': a bundled sample day replayed at the app's clock time. */
  source: 'live' | 'sample';
  sampleDay: SampleDay;
  feed: CountingFeed | null;
  load: FeedLoad;
  assessment: CrowdAssessment | null;
}

/** What the monitor shows now: which feed, its load state and the assessment at the app time. */
export function useCrowdMonitor(): CrowdMonitorView {
  const on = useCrowdMonitorStore((s) => s.on);
  const day = useCrowdMonitorStore((s) => s.day);
  const samples = useCrowdMonitorStore((s) => s.samples);
  const sampleLoad = useCrowdMonitorStore((s) => s.sampleLoad);
  const liveFeed = useCrowdMonitorStore((s) => s.live);
  const liveLoad = useCrowdMonitorStore((s) => s.liveLoad);
  const live = useAppStore((s) => s.live) && LIVE_COUNTS_URL !== null;
  const time = useTimeStore((s) => s.time);
  const sampleDay = sampleDayFor(day, time);

  if (live) {
    return {
      source: 'live',
      sampleDay,
      feed: liveFeed,
      load: liveLoad,
      assessment: on && liveFeed ? assessAt(liveFeed, time) : null,
    };
  }
  const feed = samples[sampleDay] ?? null;
  return {
    source: 'sample',
    sampleDay,
    feed,
    load: sampleLoad[sampleDay] ?? { state: 'idle' },
    assessment: on && feed ? assessAt(feed, replayInstant(feed, time)) : null,
  };
}

/** Loads the sample day in view and refreshes a live feed every minute while the monitor is on. */
export function useCrowdMonitorLoading(): void {
  const on = useCrowdMonitorStore((s) => s.on);
  const day = useCrowdMonitorStore((s) => s.day);
  const live = useAppStore((s) => s.live) && LIVE_COUNTS_URL !== null;
  const language = useAppStore((s) => s.language);
  const time = useTimeStore((s) => s.time);
  const sampleDay = sampleDayFor(day, time);

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
  // keeps its own minute tick so the replayed sample moves on in the control room too.
  useEffect(() => {
    if (!on) return;
    const timer = setInterval(() => useTimeStore.getState().tick(), 30_000);
    return () => clearInterval(timer);
  }, [on]);
}

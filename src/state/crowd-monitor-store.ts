import { create } from 'zustand';
import { endpoints } from '../config/endpoints.ts';
import type { SampleDay, CrowdDay } from '../layers/crowd-monitor/replay.ts';
import { parseCountingFeed, type CountingFeed } from '../sources/crowd-counts/feed.ts';
import { createCrowdCounts } from '../sources/crowd-counts/index.ts';
import { describeSourceError } from '../sources/messages.ts';
import { isSourceError } from '../sources/http/errors.ts';
import type { Language } from '../i18n/language.ts';
import { keepLastCounts } from '../monitor/feed-state.ts';

/** A live counting service is the city's own: configured per deployment, none by default. */
export const LIVE_COUNTS_URL: string | null = endpoints.crowdCounts || null;

/** How often a live feed is fetched again (the sample replays from memory as the clock moves). */
export const LIVE_REFRESH_MS = 60_000;
/** Counts of the last hours are enough for the trend, the forecast and the sparkline. */
const LIVE_WINDOW_MS = 3 * 3_600_000;

export type FeedLoad =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'ready'; loadedAt: number }
  | { state: 'error'; message: string; at: number };

/** When the monitor asked for live counts and how that went: the facts of the feed state machine. */
export interface LiveTrack {
  startedAt: number | null;
  lastSuccessAt: number | null;
  lastFailureAt: number | null;
  lastFailure: string | null;
}

export interface CrowdMonitorState {
  /** The monitor on the map and in the panel. */
  on: boolean;
  day: CrowdDay;
  /** The large control-room layout. */
  controlRoom: boolean;
  samples: Partial<Record<SampleDay, CountingFeed>>;
  sampleLoad: Partial<Record<SampleDay, FeedLoad>>;
  /** The last live feed stays shown when a refresh fails (with its age on screen). */
  live: CountingFeed | null;
  liveLoad: FeedLoad;
  liveTrack: LiveTrack;
  setOn: (on: boolean) => void;
  setDay: (day: CrowdDay) => void;
  setControlRoom: (controlRoom: boolean) => void;
  ensureSample: (day: SampleDay) => Promise<void>;
  refreshLive: (language: Language) => Promise<void>;
}

export const useCrowdMonitorStore = create<CrowdMonitorState>()((set, get) => ({
  on: false,
  day: 'auto',
  controlRoom: false,
  samples: {},
  sampleLoad: {},
  live: null,
  liveLoad: { state: 'idle' },
  liveTrack: { startedAt: null, lastSuccessAt: null, lastFailureAt: null, lastFailure: null },
  setOn: (on) => set(on ? { on } : { on, controlRoom: false }),
  setDay: (day) => set({ day }),
  // The control room is the monitor, full size: opening it switches the monitor on.
  setControlRoom: (controlRoom) => set(controlRoom ? { controlRoom, on: true } : { controlRoom }),

  ensureSample: async (day) => {
    const load = get().sampleLoad[day];
    if (load?.state === 'loading' || load?.state === 'ready') return;
    set((s) => ({ sampleLoad: { ...s.sampleLoad, [day]: { state: 'loading' } } }));
    try {
      const response = await fetch(`/data/crowd/counting-sample-${day}.json`);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const feed = parseCountingFeed(await response.json());
      set((s) => ({
        samples: { ...s.samples, [day]: feed },
        sampleLoad: { ...s.sampleLoad, [day]: { state: 'ready', loadedAt: Date.now() } },
      }));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      set((s) => ({ sampleLoad: { ...s.sampleLoad, [day]: { state: 'error', message, at: Date.now() } } }));
    }
  },

  refreshLive: async (language) => {
    if (!LIVE_COUNTS_URL || get().liveLoad.state === 'loading') return;
    const startedAt = get().liveTrack.startedAt ?? Date.now();
    set((s) => ({ liveLoad: { state: 'loading' }, liveTrack: { ...s.liveTrack, startedAt } }));
    const describe = (error: unknown) =>
      isSourceError(error)
        ? describeSourceError(error, language)
        : error instanceof Error
          ? error.message
          : String(error);
    try {
      const now = Date.now();
      const result = await createCrowdCounts({ baseUrl: LIVE_COUNTS_URL }).feed({
        since: now - LIVE_WINDOW_MS,
      });
      // An answer without (some) observations keeps the last counts; their age then tells the truth.
      const live = keepLastCounts(get().live, result.data);
      const at = Date.now();
      set((s) => ({
        live,
        liveLoad: { state: 'ready', loadedAt: now },
        // Counters that could not be read make this fetch a failure for the feed state.
        liveTrack: result.warning
          ? { ...s.liveTrack, lastFailureAt: at, lastFailure: describe(result.warning) }
          : { ...s.liveTrack, lastSuccessAt: at, lastFailure: null },
      }));
    } catch (error) {
      const message = describe(error);
      const at = Date.now();
      set((s) => ({
        liveLoad: { state: 'error', message, at },
        liveTrack: { ...s.liveTrack, lastFailureAt: at, lastFailure: message },
      }));
    }
  },
}));

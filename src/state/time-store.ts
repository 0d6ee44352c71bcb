import { create } from 'zustand';
import { clampToMode, defaultTimeFor, stepTime, type TimeMode, type TimeStep } from '../time/time-model.ts';

/** Playback speeds, in steps per second. */
export const PLAY_SPEEDS = [0.5, 1, 2, 4] as const;
export type PlaySpeed = (typeof PLAY_SPEEDS)[number];

/** What a link records about time: nothing in `now` mode, else the mode and the instant. */
export type SharedTime = { mode: 'now' } | { mode: Exclude<TimeMode, 'now'>; time: number };

export interface TimeState {
  mode: TimeMode;
  /** App time, ms since epoch. In `now` mode it follows the clock. */
  time: number;
  playing: boolean;
  speed: PlaySpeed;
  /** The clock; replaceable in tests. */
  clock: () => number;
  setMode: (mode: TimeMode) => void;
  setTime: (time: number) => void;
  step: (count: number, step: TimeStep) => void;
  setPlaying: (playing: boolean) => void;
  setSpeed: (speed: PlaySpeed) => void;
  jumpToNow: () => void;
  /** Called every minute or so: in `now` mode app time catches up with the clock. */
  tick: () => void;
  applyShared: (shared: SharedTime) => void;
}

export const useTimeStore = create<TimeState>()((set, get) => ({
  mode: 'now',
  time: Date.now(),
  playing: false,
  speed: 1,
  clock: () => Date.now(),
  setMode: (mode) => {
    const now = get().clock();
    set({ mode, time: defaultTimeFor(mode, now), playing: false });
  },
  setTime: (time) => {
    const { mode, clock, time: current } = get();
    if (mode === 'now') return;
    set({ time: clampToMode(time, mode, clock(), current) });
  },
  step: (count, step) => {
    const { mode, time, clock } = get();
    if (mode === 'now') return;
    set({ time: stepTime(time, count, step, mode, clock()) });
  },
  setPlaying: (playing) => set((s) => ({ playing: playing && s.mode !== 'now' })),
  setSpeed: (speed) => set({ speed }),
  jumpToNow: () => set((s) => ({ mode: 'now', time: s.clock(), playing: false })),
  tick: () => set((s) => (s.mode === 'now' ? { time: s.clock() } : s)),
  applyShared: (shared) =>
    set((s) =>
      shared.mode === 'now'
        ? { mode: 'now', time: s.clock(), playing: false }
        : // Not clamped: a link to last month's history keeps its time (the slider widens to show it).
          { mode: shared.mode, time: shared.time, playing: false },
    ),
}));

export function sharedTimeOf(state: Pick<TimeState, 'mode' | 'time'>): SharedTime {
  return state.mode === 'now' ? { mode: 'now' } : { mode: state.mode, time: state.time };
}

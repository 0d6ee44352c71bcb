import { beforeEach, describe, expect, it } from 'vitest';
import { formatWallClock, parseWallClock } from '../time/time-model.ts';
import { sharedTimeOf, useTimeStore } from './time-store.ts';

const NOW = Date.UTC(2026, 5, 10, 12, 23, 17);

describe('time store', () => {
  beforeEach(() => useTimeStore.setState({ clock: () => NOW, mode: 'now', time: NOW, playing: false }));

  it('switches modes to a sensible start and back to now', () => {
    useTimeStore.getState().setMode('forecast');
    expect(useTimeStore.getState().time).toBeGreaterThanOrEqual(NOW);
    useTimeStore.getState().jumpToNow();
    expect(sharedTimeOf(useTimeStore.getState())).toEqual({ mode: 'now' });
  });

  it('keeps a shared time and steps from it', () => {
    useTimeStore.getState().applyShared({ mode: 'history', time: parseWallClock('2026-05-01T13:00')! });
    useTimeStore.getState().step(2, { minutes: 60 });
    expect(formatWallClock(useTimeStore.getState().time)).toBe('2026-05-01T15:00');
  });

  it('does not play or move in now mode', () => {
    useTimeStore.getState().setPlaying(true);
    useTimeStore.getState().step(1, { minutes: 60 });
    expect(useTimeStore.getState()).toMatchObject({ playing: false, time: NOW });
  });
});

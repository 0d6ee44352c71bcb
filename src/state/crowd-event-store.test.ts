import { beforeEach, describe, expect, it } from 'vitest';
import { eventStorageDeps, useCrowdEventStore } from './crowd-event-store.ts';
import type { FeedStatus } from '../monitor/feed-state.ts';
import type { CrowdWarning } from '../monitor/monitor.ts';

const T = Date.parse('2026-06-13T12:10:30Z');
const stopped: FeedStatus = {
  state: 'stopped',
  alarm: true,
  ageMs: 630_000,
  failing: true,
  alarmSince: T - 30_000,
  warningsKnown: false,
};
const live: FeedStatus = {
  ...stopped,
  state: 'live',
  alarm: false,
  ageMs: 60_000,
  alarmSince: null,
  warningsKnown: true,
};
const warning: CrowdWarning = {
  siteId: 'steenweg',
  siteName: 'Steenweg',
  level: 'alert',
  thresholdDensity: 2.15,
  when: 'now',
  density: 2.3,
  low: 2.3,
  high: 2.3,
  certainty: 'high',
};

let stored: Map<string, string>;
beforeEach(() => {
  stored = new Map();
  eventStorageDeps.storage = () => ({
    getItem: (key) => stored.get(key) ?? null,
    setItem: (key, value) => void stored.set(key, value),
  });
  useCrowdEventStore.setState({ eventId: null });
  useCrowdEventStore.getState().openEvent('live:test');
});

describe('the event store', () => {
  it('logs the alarm once when it starts and the recovery once when it ends', () => {
    const { observe } = useCrowdEventStore.getState();
    observe(live, T - 600_000, T - 60_000);
    observe(stopped, T - 630_000, T);
    observe(stopped, T - 630_000, T + 30_000);
    observe(live, T + 240_000, T + 300_000);
    observe(live, T + 240_000, T + 330_000);
    const s = useCrowdEventStore.getState();
    expect(s.settings.log.map((e) => [e.kind, e.at])).toEqual([
      ['alarm', T],
      ['recovered', T + 300_000],
    ]);
    expect(s.announcement).toEqual({ kind: 'recovered', at: T + 300_000, newestCountAt: T + 240_000 });
  });

  it('keeps settings and log with the event, across a reload', () => {
    const s = useCrowdEventStore.getState();
    s.setStaleAfterMinutes(5);
    s.setSiteThreshold('steenweg', 'alert', 1.5);
    s.acknowledge(warning, T);
    // A reload: the store starts empty and reads the event back.
    useCrowdEventStore.setState({ eventId: null });
    useCrowdEventStore.getState().openEvent('live:test');
    const again = useCrowdEventStore.getState();
    expect(again.settingsFrom).toBe('stored');
    expect(again.settings.staleAfterMinutes).toBe(5);
    expect(again.settings.sites).toEqual({ steenweg: { alert: 1.5 } });
    expect(again.settings.log).toEqual([
      {
        kind: 'acknowledged',
        at: T,
        siteId: 'steenweg',
        siteName: 'Steenweg',
        level: 'alert',
        when: 'now',
        density: 2.3,
      },
    ]);
    again.setSiteThreshold('steenweg', 'alert', null);
    expect(useCrowdEventStore.getState().settings.sites).toEqual({});
  });

  it('never overwrites settings a newer Tweeling stored', () => {
    stored.set('tweeling.crowd-event.live:newer', '{"version":99}');
    useCrowdEventStore.getState().openEvent('live:newer');
    useCrowdEventStore.getState().setStaleAfterMinutes(3);
    expect(useCrowdEventStore.getState().settingsFrom).toBe('newer');
    expect(stored.get('tweeling.crowd-event.live:newer')).toBe('{"version":99}');
  });
});

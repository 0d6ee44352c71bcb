import { create } from 'zustand';
import {
  LOG_LIMIT,
  defaultEventSettings,
  readEventSettings,
  warningKey,
  writeEventSettings,
  type EventLogEntry,
  type EventSettings,
} from '../monitor/event-settings.ts';
import type { FeedStatus } from '../monitor/feed-state.ts';
import type { CrowdWarning } from '../monitor/monitor.ts';
import type { WarningLevel } from '../scenarios/crowd/thresholds.ts';

/**
 * The event the control room watches: its settings and log (kept per event on this device), the
 * connection alarm as it comes and goes, and acknowledgements. The alarm is derived from the feed
 * state machine; this store only notices when it changes, logs that and keeps it for announcing.
 */
export interface KeyValueStorage {
  getItem: (key: string) => string | null;
  setItem: (key: string, value: string) => void;
}

export const eventStorageDeps: { storage: () => KeyValueStorage | null } = {
  storage: () => {
    try {
      return typeof window === 'undefined' ? null : window.localStorage;
    } catch {
      // Storage switched off: the event's settings last as long as the page.
      return null;
    }
  },
};

const STORAGE_PREFIX = 'tweeling.crowd-event.';

function storedSettings(eventId: string): string | null {
  try {
    return eventStorageDeps.storage()?.getItem(STORAGE_PREFIX + eventId) ?? null;
  } catch {
    return null;
  }
}

/** The last change of the alarm, for the live region: raised or recovered, and when. */
export type Announcement =
  | { kind: 'alarm'; at: number; state: FeedStatus['state']; newestCountAt: number | null }
  | { kind: 'recovered'; at: number; newestCountAt: number | null };

export interface CrowdEventState {
  eventId: string | null;
  settings: EventSettings;
  /** How the stored settings were read: a newer or unreadable record is not overwritten. */
  settingsFrom: 'default' | 'stored' | 'upgraded' | 'newer' | 'unreadable';
  alarmOn: boolean;
  alarmAckedAt: number | null;
  announcement: Announcement | null;
  /** Acknowledged warnings (warningKey) and when. */
  acks: Record<string, number>;
  openEvent: (eventId: string) => void;
  /** Called with every new feed status; logs and announces when the alarm turns on or off. */
  observe: (status: FeedStatus, newestCountAt: number | null, at: number) => void;
  acknowledge: (warning: CrowdWarning, at: number) => void;
  acknowledgeAlarm: (at: number) => void;
  setStaleAfterMinutes: (minutes: number) => void;
  setSiteThreshold: (siteId: string, level: Exclude<WarningLevel, 'none'>, density: number | null) => void;
  resetThresholds: () => void;
  setSound: (on: boolean) => void;
}

export const useCrowdEventStore = create<CrowdEventState>()((set, get) => {
  const save = (settings: EventSettings) => {
    const { eventId, settingsFrom } = get();
    set({ settings });
    // Never overwrite what a newer Tweeling wrote.
    if (eventId === null || settingsFrom === 'newer') return;
    try {
      eventStorageDeps.storage()?.setItem(STORAGE_PREFIX + eventId, writeEventSettings(settings));
    } catch {
      // Storage full or refused: the settings still hold for this page.
    }
  };
  const log = (entry: EventLogEntry) => {
    const { settings } = get();
    save({ ...settings, log: [...settings.log, entry].slice(-LOG_LIMIT) });
  };
  return {
    eventId: null,
    settings: defaultEventSettings(),
    settingsFrom: 'default',
    alarmOn: false,
    alarmAckedAt: null,
    announcement: null,
    acks: {},
    openEvent: (eventId) => {
      if (get().eventId === eventId) return;
      const read = readEventSettings(storedSettings(eventId));
      set({
        eventId,
        settings: read.settings,
        settingsFrom: read.from,
        alarmOn: false,
        alarmAckedAt: null,
        announcement: null,
        acks: {},
      });
    },
    observe: (status, newestCountAt, at) => {
      const { alarmOn } = get();
      if (status.alarm === alarmOn) return;
      if (status.alarm) {
        set({
          alarmOn: true,
          alarmAckedAt: null,
          announcement: { kind: 'alarm', at, state: status.state, newestCountAt },
        });
        log({ kind: 'alarm', at, state: status.state, newestCountAt });
      } else {
        set({ alarmOn: false, alarmAckedAt: null, announcement: { kind: 'recovered', at, newestCountAt } });
        log({ kind: 'recovered', at, newestCountAt });
      }
    },
    acknowledge: (w, at) => {
      set((s) => ({ acks: { ...s.acks, [warningKey(w)]: at } }));
      log({
        kind: 'acknowledged',
        at,
        siteId: w.siteId,
        siteName: w.siteName,
        level: w.level,
        when: w.when,
        density: w.density,
      });
    },
    acknowledgeAlarm: (at) => {
      set({ alarmAckedAt: at });
      log({ kind: 'alarm-acknowledged', at });
    },
    setStaleAfterMinutes: (minutes) => save({ ...get().settings, staleAfterMinutes: minutes }),
    setSiteThreshold: (siteId, level, density) => {
      const { settings } = get();
      const own = Object.fromEntries(
        Object.entries({ ...settings.sites[siteId], [level]: density }).filter(([, v]) => v !== null),
      );
      const sites = Object.fromEntries(Object.entries(settings.sites).filter(([id]) => id !== siteId));
      save({ ...settings, sites: Object.keys(own).length === 0 ? sites : { ...sites, [siteId]: own } });
    },
    resetThresholds: () => save({ ...get().settings, sites: {} }),
    setSound: (on) => save({ ...get().settings, sound: on }),
  };
});

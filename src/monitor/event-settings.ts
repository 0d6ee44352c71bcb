import { z } from 'zod';
import type { Message } from '../i18n/message.ts';
import type { Translate } from '../i18n/translate.ts';
import { localClock, localDate } from '../time/age.ts';
import type { CountingSite } from '../sources/crowd-counts/feed.ts';
import { THRESHOLDS, WARNING_LEVELS, type Threshold } from '../scenarios/crowd/thresholds.ts';
import { FEED_STATES } from './feed-state.ts';
import type { CrowdWarning } from './monitor.ts';

/**
 * What an event team sets for one event, kept with it (the state layer stores it per event in
 * localStorage): the staleness limit, thresholds per site, the alarm sound, and the log of alarms,
 * recoveries and acknowledgements. Stored as versioned JSON; an older version is upgraded step by
 * step, a newer one (from a newer Tweeling) is never overwritten.
 */
export const EVENT_SETTINGS_VERSION = 1;
/** The default staleness limit: two counting intervals of 5 minutes. */
export const DEFAULT_STALE_AFTER_MINUTES = 10;
export const STALE_AFTER_RANGE = { min: 1, max: 180 } as const;
/** Densities an event team may set (p/m²): 0.1 up to 10, beyond any real crowd. */
export const THRESHOLD_RANGE = { min: 0.1, max: 10 } as const;
/** The log keeps the newest entries; a long event fits easily. */
export const LOG_LIMIT = 2_000;

const level = z.enum(WARNING_LEVELS);
const density = z.number().min(THRESHOLD_RANGE.min).max(THRESHOLD_RANGE.max);

const logEntry = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('alarm'),
    at: z.number(),
    state: z.enum(FEED_STATES),
    newestCountAt: z.number().nullable(),
  }),
  z.object({ kind: z.literal('recovered'), at: z.number(), newestCountAt: z.number().nullable() }),
  z.object({
    kind: z.literal('acknowledged'),
    at: z.number(),
    siteId: z.string(),
    siteName: z.string(),
    level,
    when: z.union([z.literal('now'), z.number()]),
    density: z.number(),
  }),
  z.object({ kind: z.literal('alarm-acknowledged'), at: z.number() }),
]);
export type EventLogEntry = z.infer<typeof logEntry>;

const settingsV1 = z.object({
  version: z.literal(1),
  staleAfterMinutes: z.number().int().min(STALE_AFTER_RANGE.min).max(STALE_AFTER_RANGE.max),
  /** Per site id: the density at which a level starts, where the team changed it. */
  sites: z.record(z.string(), z.partialRecord(level.exclude(['none']), density)),
  sound: z.boolean(),
  log: z.array(logEntry).max(LOG_LIMIT),
});
export type EventSettings = z.infer<typeof settingsV1>;

export function defaultEventSettings(): EventSettings {
  return { version: 1, staleAfterMinutes: DEFAULT_STALE_AFTER_MINUTES, sites: {}, sound: false, log: [] };
}

/** Upgrades from version n to n + 1; none yet, the first stored version is the current one. */
export type Migration = (old: Record<string, unknown>) => Record<string, unknown>;
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

export type SettingsRead =
  | { settings: EventSettings; from: 'default' | 'stored' | 'upgraded' }
  /** Not usable: defaults in use, and what is stored must be kept as it is (e.g. newer). */
  | { settings: EventSettings; from: 'newer' | 'unreadable' };

export function readEventSettings(raw: string | null, migrations = MIGRATIONS): SettingsRead {
  if (raw === null) return { settings: defaultEventSettings(), from: 'default' };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { settings: defaultEventSettings(), from: 'unreadable' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { settings: defaultEventSettings(), from: 'unreadable' };
  let data = value as Record<string, unknown>;
  const version = data['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0)
    return { settings: defaultEventSettings(), from: 'unreadable' };
  if (version > EVENT_SETTINGS_VERSION) return { settings: defaultEventSettings(), from: 'newer' };
  for (let v = version; v < EVENT_SETTINGS_VERSION; v++) {
    const step = migrations[v];
    if (!step) return { settings: defaultEventSettings(), from: 'unreadable' };
    data = { ...step(data), version: v + 1 };
  }
  const parsed = settingsV1.safeParse(data);
  if (!parsed.success) return { settings: defaultEventSettings(), from: 'unreadable' };
  return { settings: parsed.data, from: version === EVENT_SETTINGS_VERSION ? 'stored' : 'upgraded' };
}

export function writeEventSettings(settings: EventSettings): string {
  return JSON.stringify({ ...settings, log: settings.log.slice(-LOG_LIMIT) });
}

/** The thresholds of a site with the team's changes; levels stay those of its crowd kind. */
export function siteThresholds(settings: EventSettings, site: CountingSite): readonly Threshold[] {
  const own = settings.sites[site.id];
  const defaults = THRESHOLDS[site.crowdKind];
  if (!own) return defaults;
  return defaults.map((t) => {
    const changed = own[t.level];
    return changed === undefined ? t : { ...t, density: changed };
  });
}

/** One key per warning as people see it: a site, a level, now or ahead. */
export function warningKey(w: Pick<CrowdWarning, 'siteId' | 'level' | 'when'>): string {
  return `${w.siteId}|${w.level}|${w.when === 'now' ? 'now' : 'ahead'}`;
}

/** A log entry in words (the UI and the export translate it). */
export function logMessage(entry: EventLogEntry): Message {
  const since = (ms: number | null): Message =>
    ms === null
      ? { key: 'crowd.log.noCounts' }
      : { key: 'crowd.log.countsUntil', params: { date: { date: localDate(ms) }, time: localClock(ms) } };
  switch (entry.kind) {
    case 'alarm':
      return {
        key: 'crowd.log.alarm',
        params: { state: { key: `crowd.feed.${entry.state}` as const }, counts: since(entry.newestCountAt) },
      };
    case 'recovered':
      return { key: 'crowd.log.recovered', params: { counts: since(entry.newestCountAt) } };
    case 'acknowledged':
      return {
        key: entry.when === 'now' ? 'crowd.log.ackNow' : 'crowd.log.ackAhead',
        params: {
          site: entry.siteName,
          level: { key: `crowd.level.${entry.level}` as const },
          minutes: entry.when === 'now' ? 0 : entry.when,
          density: entry.density,
        },
      };
    case 'alarm-acknowledged':
      return { key: 'crowd.log.alarmAck' };
  }
}

const csvField = (value: string) => (/[",\n\r;]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The log as CSV (comma-separated, RFC 4180 quoting): UTC instant, local date and time, kind, site, text. */
export function logToCsv(entries: readonly EventLogEntry[], t: Translate): string {
  const translate = (m: Message) => t(m.key, m.params);
  const header = [
    t('crowd.log.column.utc'),
    t('crowd.log.column.date'),
    t('crowd.log.column.time'),
    t('crowd.log.column.kind'),
    t('crowd.log.column.site'),
    t('crowd.log.column.text'),
  ];
  const rows = entries.map((e) => [
    new Date(e.at).toISOString(),
    localDate(e.at),
    localClock(e.at),
    e.kind,
    e.kind === 'acknowledged' ? e.siteId : '',
    translate(logMessage(e)),
  ]);
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** The log as JSON: the stored entries as they are, with the text in the reader's language. */
export function logToJson(entries: readonly EventLogEntry[], t: Translate, eventId: string): string {
  return JSON.stringify(
    {
      event: eventId,
      version: EVENT_SETTINGS_VERSION,
      entries: entries.map((e) => ({
        ...e,
        utc: new Date(e.at).toISOString(),
        text: t(logMessage(e).key, logMessage(e).params),
      })),
    },
    null,
    2,
  );
}

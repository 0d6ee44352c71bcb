import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/translate.ts';
import { lineSite } from '../../tests/support/monitor-feeds.ts';
import {
  defaultEventSettings,
  logToCsv,
  logToJson,
  readEventSettings,
  siteThresholds,
  writeEventSettings,
  type EventLogEntry,
  type Migration,
} from './event-settings.ts';

const AT = Date.parse('2026-06-13T12:11:00Z'); // 14:11 in Utrecht

describe('event settings: versioned, kept, upgraded', () => {
  it('round-trips what the team set', () => {
    const settings = { ...defaultEventSettings(), staleAfterMinutes: 5, sites: { steenweg: { alert: 1.5 } } };
    expect(readEventSettings(writeEventSettings(settings))).toEqual({ settings, from: 'stored' });
  });

  it('nothing stored, unreadable or from a newer version: the defaults, and it says which', () => {
    expect(readEventSettings(null).from).toBe('default');
    expect(readEventSettings('{not json').from).toBe('unreadable');
    expect(readEventSettings('{"version":1,"staleAfterMinutes":-3}').from).toBe('unreadable');
    expect(readEventSettings('{"version":2}')).toEqual({ settings: defaultEventSettings(), from: 'newer' });
  });

  it('upgrades an older version step by step', () => {
    // A made-up version 0 that stored the limit in seconds, to exercise the upgrade chain.
    const migrations: Record<number, Migration> = {
      0: (old) => ({
        staleAfterMinutes: Number(old['staleAfterSeconds']) / 60,
        sites: {},
        sound: false,
        log: [],
      }),
    };
    const read = readEventSettings('{"version":0,"staleAfterSeconds":900}', migrations);
    expect(read).toEqual({
      settings: { ...defaultEventSettings(), staleAfterMinutes: 15 },
      from: 'upgraded',
    });
    // Without a migration for the stored version nothing is guessed.
    expect(readEventSettings('{"version":0,"staleAfterSeconds":900}').from).toBe('unreadable');
  });

  it("a site's own thresholds replace the defaults level by level", () => {
    const site = lineSite('steenweg', 5);
    const own = siteThresholds({ ...defaultEventSettings(), sites: { steenweg: { alert: 1.5 } } }, site);
    expect(own.map((t) => [t.level, Math.round(t.density * 1e4) / 1e4])).toEqual([
      ['info', 0.7176],
      ['warning', 1.0764],
      ['alert', 1.5],
      ['danger', 4],
    ]);
  });
});

describe('the log export', () => {
  const entries: EventLogEntry[] = [
    { kind: 'alarm', at: AT, state: 'stopped', newestCountAt: AT - 11 * 60_000 },
    {
      kind: 'acknowledged',
      at: AT + 60_000,
      siteId: 'steenweg',
      siteName: 'Steenweg, "oost"',
      level: 'alert',
      when: 'now',
      density: 2.3456,
    },
    { kind: 'recovered', at: AT + 5 * 60_000, newestCountAt: AT + 4 * 60_000 },
  ];

  it('CSV: one row per entry with UTC and local time, quoted where a comma, quote or semicolon is', () => {
    const csv = logToCsv(entries, translator('nl'));
    expect(csv.split('\r\n')).toEqual([
      'tijdstip (UTC),datum,tijd,soort,teller,omschrijving',
      '2026-06-13T12:11:00.000Z,2026-06-13,14:11,alarm,,"Alarm: gestopt; tellingen tot 13 juni 2026 14:00."',
      '2026-06-13T12:12:00.000Z,2026-06-13,14:12,acknowledged,steenweg,"Gezien: Steenweg, ""oost"", alarm, nu 2,35 p/m²."',
      '2026-06-13T12:16:00.000Z,2026-06-13,14:16,recovered,,"Hersteld; tellingen tot 13 juni 2026 14:15."',
      '',
    ]);
  });

  it('JSON: the entries as stored, with the text in the language', () => {
    const json = JSON.parse(logToJson(entries, translator('en'), 'live:x')) as {
      entries: { kind: string; text: string }[];
    };
    expect(json.entries.map((e) => e.kind)).toEqual(['alarm', 'acknowledged', 'recovered']);
    expect(json.entries[0]!.text).toBe('Alarm: stopped; counts until 13 June 2026 14:00.');
  });
});

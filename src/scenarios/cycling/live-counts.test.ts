import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSnapshot, toTrafficHour } from '../../sources/telraam/index.ts';
import { reportSchema, snapshotSchema } from '../../sources/telraam/schema.ts';
import { fixtureJson } from '../../../tests/support/fixtures.ts';
import {
  countingPointFromHours,
  localHour,
  matchSegments,
  withCountingPoints,
  type HourLike,
  type SegmentMatch,
} from './live-counts.ts';
import { bikeNetworkFileSchema } from './network-file.ts';
import { runCyclingScenario } from './run.ts';
import { smallNetwork, TEST_ORIGIN } from '../../../tests/support/small-bike-network.ts';
import { noteTexts } from '../../../tests/support/notes.ts';

const sample = bikeNetworkFileSchema.parse(
  JSON.parse(
    readFileSync(
      new URL('../../../public/data/cycling/utrecht-centre-bike-network.json', import.meta.url),
      'utf8',
    ),
  ),
);

/** Two parallel east–west links 100 m apart. */
const file = smallNetwork({
  nodes: { a: [0, 0], b: [400, 0], c: [0, 100], d: [400, 100] },
  links: [
    { id: 'south', from: 'a', to: 'b' },
    { id: 'north', from: 'c', to: 'd' },
    { id: 'west', from: 'a', to: 'c' },
  ],
  zones: [
    { id: 'za', node: 'a' },
    { id: 'zd', node: 'd' },
  ],
});

describe('matching Telraam segments to links', () => {
  it('puts a segment on the link it is drawn along, and leaves far ones out', () => {
    const along = [TEST_ORIGIN.toLonLat(50, 93), TEST_ORIGIN.toLonLat(350, 96)] as const;
    const far = [TEST_ORIGIN.toLonLat(900, 500), TEST_ORIGIN.toLonLat(950, 500)] as const;
    const { matches, unmatched } = matchSegments(file, [
      { segmentId: '1', lines: [along] },
      { segmentId: '2', lines: [far] },
    ]);
    expect(matches).toHaveLength(1);
    expect(matches[0]!.link).toBe('north');
    expect(matches[0]!.metres).toBeCloseTo(5.5, 0);
    expect(unmatched).toEqual(['2']);
  });

  it('reads the recorded Telraam snapshot: the Utrecht segment is not on a sample link within 25 m', () => {
    const segments = parseSnapshot(snapshotSchema.parse(fixtureJson('telraam/traffic_snapshot_live.json')));
    const strict = matchSegments(sample, segments);
    expect(strict.unmatched).toContain('9000001234');
    const loose = matchSegments(sample, segments, 150);
    const m = loose.matches.find((x) => x.segmentId === '9000001234')!;
    expect(m.metres).toBeGreaterThan(25);
    expect(m.metres).toBeLessThan(150);
    expect(sample.links.some((l) => l.id === m.link)).toBe(true);
  });
});

describe('counting points from hourly reports', () => {
  const match: SegmentMatch = { segmentId: '7', link: 'north', metres: 3, lon: 5.12, lat: 52.09 };
  /** One local day (Europe/Amsterdam, summer time UTC+2) of hours, bike = value(hour). */
  const day = (date: string, value: (h: number) => number, uptime = 0.8): HourLike[] =>
    Array.from({ length: 24 }, (_, h) => ({
      segmentId: '7',
      date: new Date(Date.parse(`${date}T00:00:00Z`) + (h - 2) * 3_600_000).toISOString(),
      bike: value(h),
      uptime,
    }));

  it('uses local time: 06:00 UTC on a summer Wednesday is 08:00 on a weekday in Utrecht', () => {
    expect(localHour('2026-08-19T06:00:00.000Z', 'Europe/Amsterdam')).toEqual({ hour: 8, weekend: false });
    // 23:30 UTC on Friday is already Saturday in Utrecht.
    expect(localHour('2026-08-21T23:30:00.000Z', 'Europe/Amsterdam')).toEqual({ hour: 1, weekend: true });
  });

  it('averages reliable hours per local hour and day type', () => {
    const hours = [
      ...day('2026-08-17', (h) => 100 + h), // Monday
      ...day('2026-08-18', (h) => 200 + h), // Tuesday
      ...day('2026-08-19', () => 5000, 0.3), // Wednesday, too little uptime: left out
      ...day('2026-08-22', () => 50), // Saturday
    ];
    const r = countingPointFromHours(match, hours, { name: 'Teststraat' });
    expect(r.unreliable).toBe(24);
    expect(r.point).toMatchObject({
      id: 'telraam-7',
      name: 'Teststraat',
      link: 'north',
      telraamSegment: '7',
    });
    expect(r.point!.weekday).toEqual(Array.from({ length: 24 }, (_, h) => 150 + h));
    expect(r.point!.weekend).toEqual(Array.from({ length: 24 }, () => 50));
  });

  it('gives no day type that misses hours (the recorded Telraam report has three)', () => {
    const report = reportSchema.parse(fixtureJson('telraam/reports-traffic-9000001234.json'));
    const hours = report.report.map(toTrafficHour);
    const r = countingPointFromHours({ ...match, segmentId: '9000001234' }, hours);
    expect(r.point).toBeNull();
    expect(r.unreliable).toBe(1); // 06:00 UTC had uptime 0.42
    expect(r.missingHours.weekday).toHaveLength(22); // 09:00 and 10:00 local are covered
    expect(r.missingHours.weekday).not.toContain(9);
    expect(r.missingHours.weekend).toHaveLength(24);
  });

  it('replaces a file’s counts, drops its stored matrix, and the model re-estimates from the new counts', async () => {
    const point = countingPointFromHours(
      { segmentId: '7', link: 'vredenburg', metres: 2, lon: 5.1157, lat: 52.0934 },
      [...day('2026-08-17', (h) => (h >= 7 && h <= 19 ? 2000 : 200)), ...day('2026-08-22', () => 700)],
    ).point!;
    const live = withCountingPoints(sample, [point], 'Telraam, August 2026');
    expect(live.demand).toBeUndefined();
    expect(bikeNetworkFileSchema.safeParse(live).success).toBe(true);
    const out = await runCyclingScenario(
      { version: 1, kind: 'cycling-route', name: 'live', baseline: sample.meta.id, changes: [], run: {} },
      live,
    );
    const daily = out.fields['daily']!;
    expect(daily.values[daily.ids.indexOf('vredenburg')]).toBe(13 * 2000 + 11 * 200);
    expect(noteTexts(out.notes).join(' ')).toMatch(/estimated for this run, fitted to 1 counted links/);
  });
});

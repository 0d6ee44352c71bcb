/**
 * The embedded sample counting days: byte-for-byte reproducible, labelled as made up, on the real
 * network, with the rhythms the issue asks for, and with an event day that the monitor must catch.
 */
import { pointToLineDistance, point, lineString } from '@turf/turf';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  parseCountingFeed,
  type CountingFeed,
  type SiteSeries,
} from '../../src/sources/crowd-counts/feed.ts';
import { assessCrowd, usualProfileFromFeeds, type CrowdAssessment } from '../../src/monitor/monitor.ts';
import { DAY_TYPES, buildAllSamples, samplePath } from './build-counting-sample.ts';

const load = (day: string): CountingFeed =>
  parseCountingFeed(JSON.parse(readFileSync(samplePath(day as never), 'utf8')));
const weekday = load('weekday');
const saturday = load('saturday');
const event = load('event');

const network = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../public/data/crowd/pedestrian-network.json'), 'utf8'),
) as { nodes: { id: string; lon: number; lat: number }[]; links: { id: string; from: string; to: string }[] };

const seriesOf = (feed: CountingFeed, id: string): SiteSeries => feed.series.find((s) => s.siteId === id)!;
/** Local wall-clock time on the feed's counting day (hours after midnight run on to the next date). */
const at = (feed: CountingFeed, hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  const start = Date.parse(feed.series[0]!.start); // 05:00
  return start + ((h! - 5 + 24) % 24) * 3_600_000 + m! * 60_000;
};
/** Sum of a direction over [from, until) local time. */
const total = (feed: CountingFeed, id: string, dir: 'in' | 'out', from: string, until: string): number => {
  const s = seriesOf(feed, id);
  const i0 = (at(feed, from) - Date.parse(s.start)) / 300_000;
  const i1 = (at(feed, until) - Date.parse(s.start)) / 300_000;
  return s[dir].slice(i0, i1).reduce<number>((a, b) => a + (b ?? 0), 0);
};
const every5 = (feed: CountingFeed, from: string, until: string): number[] => {
  const out: number[] = [];
  for (let t = at(feed, from); t <= at(feed, until); t += 300_000) out.push(t);
  return out;
};

describe('sample counting days: files', () => {
  it('regenerating gives the committed bytes', () => {
    for (const { path: file, text } of buildAllSamples()) expect(readFileSync(file, 'utf8'), file).toBe(text);
  });

  it('are labelled as made-up samples, compact, and share the same sites', () => {
    let bytes = 0;
    for (const day of DAY_TYPES) {
      const feed = load(day);
      bytes += readFileSync(samplePath(day)).length;
      expect(feed.meta).toMatchObject({ sample: true, dayType: day, licence: 'CC0-1.0' });
      expect(feed.meta.note).toMatch(/made-up sample/i);
      expect(feed.meta.note).toMatch(/not measurements/i);
      expect(feed.sites).toHaveLength(12);
      for (const s of feed.series) {
        expect(s.intervalSeconds).toBe(300);
        expect(s.in).toHaveLength(288);
        expect(s.start).toMatch(/T05:00:00\+02:00$/);
      }
    }
    expect(bytes).toBeLessThan(300 * 1024);
    const place = (f: CountingFeed) =>
      f.sites.map(({ id, name, kind, lon, lat, linkId }) => ({ id, name, kind, lon, lat, linkId }));
    expect(place(saturday)).toEqual(place(weekday));
    expect(place(event)).toEqual(place(weekday));
    expect(saturday.sites).toEqual(weekday.sites);
    // The event day changes only what the event team changes: the square's use and one street's width.
    const changed = event.sites.filter((s, i) => JSON.stringify(s) !== JSON.stringify(weekday.sites[i]));
    expect(changed.map((s) => [s.id, s.crowdKind, s.areaM2 ?? s.widthM])).toEqual([
      ['lange-viestraat', 'moving', 4.5],
      ['vredenburg-plein', 'standing', 3300],
    ]);
  });

  it('puts every line site on its pedestrian-network link', () => {
    const nodes = new Map(network.nodes.map((n) => [n.id, n]));
    for (const site of weekday.sites.filter((s) => s.kind === 'line')) {
      const link = network.links.find((l) => l.id === site.linkId);
      expect(link, site.id).toBeDefined();
      const a = nodes.get(link!.from)!;
      const b = nodes.get(link!.to)!;
      const metres = pointToLineDistance(
        point([site.lon, site.lat]),
        lineString([
          [a.lon, a.lat],
          [b.lon, b.lat],
        ]),
        { units: 'meters' },
      );
      expect(metres, site.id).toBeLessThan(10);
    }
  });
});

describe('sample counting days: rhythms', () => {
  it('weekday: commuters walk into town from the station in the morning and back in the evening', () => {
    const morningIn = total(weekday, 'stationsplein', 'in', '07:30', '08:45');
    const morningOut = total(weekday, 'stationsplein', 'out', '07:30', '08:45');
    const eveningIn = total(weekday, 'stationsplein', 'in', '16:45', '18:15');
    const eveningOut = total(weekday, 'stationsplein', 'out', '16:45', '18:15');
    expect(morningIn / morningOut).toBeGreaterThan(1.8);
    expect(eveningOut / eveningIn).toBeGreaterThan(1.5);
    // A commuter peak: busier at 08:00 than at 10:30, and much busier than on Saturday.
    expect(total(weekday, 'stationsplein', 'in', '07:45', '08:30')).toBeGreaterThan(
      1.5 * total(weekday, 'stationsplein', 'in', '10:15', '11:00'),
    );
    expect(total(weekday, 'stationsplein', 'in', '07:45', '08:30')).toBeGreaterThan(
      3 * total(saturday, 'stationsplein', 'in', '07:45', '08:30'),
    );
  });

  it('Saturday: a strong shopping afternoon; Thursday: late-night shopping', () => {
    const both = (f: CountingFeed, id: string, from: string, until: string) =>
      total(f, id, 'in', from, until) + total(f, id, 'out', from, until);
    for (const street of ['lange-elisabethstraat', 'steenweg', 'oudegracht-bakkerbrug'])
      expect(both(saturday, street, '13:30', '15:30'), street).toBeGreaterThan(
        1.3 * both(weekday, street, '13:30', '15:30'),
      );
    expect(both(weekday, 'lange-elisabethstraat', '19:00', '20:30')).toBeGreaterThan(
      1.3 * both(saturday, 'lange-elisabethstraat', '19:00', '20:30'),
    );
  });

  it('has a quiet site at night whose counts fall under the suppression threshold', () => {
    const dom = seriesOf(weekday, 'domplein');
    const night = (at(weekday, '02:30') - Date.parse(dom.start)) / 300_000;
    const small = dom.in.slice(night, night + 18).filter((v, i) => v! + dom.out[night + i]! < 5);
    expect(small.length).toBeGreaterThan(12);
    const s = assessCrowd(weekday, at(weekday, '03:30')).sites.find((x) => x.site.id === 'domplein')!;
    expect(s).toMatchObject({ suppressed: true, count: null, density: null });
  });

  it('has a sensor outage: no data, not zero, and the site keeps its last state', () => {
    const s = seriesOf(weekday, 'steenweg');
    const i = (at(weekday, '10:40') - Date.parse(s.start)) / 300_000;
    expect(s.in.slice(i, i + 6)).toEqual([null, null, null, null, null, null]);
    const a = assessCrowd(weekday, at(weekday, '11:00'));
    expect(a.ageSeconds).toBe(0);
    expect(a.sites.find((x) => x.site.id === 'steenweg')!.latestAt).toBe(at(weekday, '10:40'));
  });

  it('ordinary days stay calm: no measured warning anywhere, all day', () => {
    for (const [feed, usual] of [
      [weekday, usualProfileFromFeeds([weekday])],
      [saturday, usualProfileFromFeeds([saturday])],
    ] as const) {
      for (const now of every5(feed, '06:00', '04:55')) {
        const a = assessCrowd(feed, now, { usualProfile: usual });
        expect(a.warnings.filter((w) => w.when === 'now')).toEqual([]);
      }
    }
  });
});

describe('sample counting days: the event, replayed through the monitor', () => {
  const usual = usualProfileFromFeeds([saturday]);
  const replay = every5(event, '12:00', '23:55').map((now) => ({
    now,
    a: assessCrowd(event, now, { usualProfile: usual }),
  }));
  const site = (a: CrowdAssessment, id: string) => a.sites.find((s) => s.site.id === id)!;
  const minutesWhere = (pred: (a: CrowdAssessment) => boolean) => replay.filter((r) => pred(r.a)).length * 5;

  it('the Vredenburg audience passes the standing alert level (4 p/m²) for a while', () => {
    const alert = minutesWhere((a) => site(a, 'vredenburg-plein').warning === 'alert');
    expect(alert).toBeGreaterThanOrEqual(60);
    expect(alert).toBeLessThanOrEqual(180);
  });

  it('the narrowed Lange Viestraat passes Fruin D and E when the show ends', () => {
    const levels = replay
      .filter((r) => r.now >= at(event, '22:30'))
      .map((r) => site(r.a, 'lange-viestraat').level);
    expect(levels).toContain('D');
    expect(levels.filter((l) => l === 'E').length * 5).toBeGreaterThanOrEqual(10);
    expect(minutesWhere((a) => site(a, 'lange-viestraat').warning === 'warning')).toBeGreaterThanOrEqual(10);
    // Before the departure wave it is an ordinary Saturday street.
    expect(
      replay
        .filter((r) => r.now < at(event, '22:30'))
        .every((r) => site(r.a, 'lange-viestraat').warning === 'none'),
    ).toBe(true);
  });

  it('warns about the square ahead of time, from the forecast', () => {
    const crossed = replay.find((r) => site(r.a, 'vredenburg-plein').warning === 'alert')!.now;
    const foreseen = replay.find((r) =>
      r.a.warnings.some((w) => w.siteId === 'vredenburg-plein' && w.level === 'alert' && w.when !== 'now'),
    )!.now;
    expect(crossed - foreseen).toBeGreaterThanOrEqual(15 * 60_000);
  });
});

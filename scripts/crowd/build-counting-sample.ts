/**
 * Writes the embedded sample counting days (public/data/crowd/counting-sample-{weekday,saturday,event}.json):
 * made-up but plausible pedestrian counts per 5 minutes at twelve places in Utrecht's centre.
 * Deterministic (seeded noise, no clock), so regenerating gives the committed bytes.
 *
 * Run: `npx tsx scripts/crowd/build-counting-sample.ts`
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CountingFeed, CountingSite, SiteSeries } from '../../src/sources/crowd-counts/feed.ts';
import { capacity } from '../../src/scenarios/crowd/weidmann.ts';
import {
  EVENT_DAY_CHANGES,
  LINE_SITES,
  NEUDE_SQUARE,
  VREDENBURG_SQUARE,
  publicSite,
  type SampleLineSite,
} from './counting-sample-sites.ts';
import {
  lineRates,
  neudeSquare,
  open,
  triangle,
  triangleCumulative,
  vredenburgSquare,
  type DayType,
  type SquareRhythm,
} from './counting-sample-rhythms.ts';
import { poisson, randomFor, standardNormal } from './sample-random.ts';

export const SAMPLE_DIR = path.resolve(import.meta.dirname, '../../public/data/crowd');
export const DAY_TYPES: readonly DayType[] = ['weekday', 'saturday', 'event'];
export const samplePath = (day: DayType): string => path.join(SAMPLE_DIR, `counting-sample-${day}.json`);

const INTERVAL_MINUTES = 5;
const INTERVALS = (24 * 60) / INTERVAL_MINUTES;
/** The counting day starts at 05:00, when the squares are empty, so cordon counts start right. */
const DAY_START_HOUR = 5;

const DATES: Record<DayType, { date: string; label: string }> = {
  weekday: { date: '2026-06-11', label: 'a Thursday (late-night shopping until 21:00)' },
  saturday: { date: '2026-06-06', label: 'an ordinary Saturday (market on Vredenburg)' },
  event: { date: '2026-06-13', label: 'the Saturday of the Vredenburg stage event' },
};

/** The event of scenarios/vredenburg-stage.json, with a fifth of the visitors leaving early. */
export const EVENT = {
  visitors: 16_000,
  arrival: [13, 17.5, 20.5],
  earlyShare: 0.2,
  early: [16, 20.5, 22.5],
  departure: [22.5, 22 + 40 / 60, 23.25],
  /** Share of visitors walking through the Neude cordon on their way. */
  neudeShare: 0.25,
  crew: 40,
} as const;

/** A quiet interval at a sensor: the Steenweg counter is offline 10:40–11:10 on the weekday. */
const OUTAGE = { day: 'weekday', siteId: 'steenweg', from: 10 + 40 / 60, until: 11 + 10 / 60 } as const;

const hourAt = (k: number) => DAY_START_HOUR + (k * INTERVAL_MINUTES) / 60;

function waveCount(wave: readonly [number, number, number], total: number, k: number): number {
  const [a, b, c] = wave;
  return triangleCumulative(hourAt(k + 1), a, b, c, total) - triangleCumulative(hourAt(k), a, b, c, total);
}

/** Event visitors per interval: arriving, and leaving (early leavers plus the final wave). */
function eventFlows(k: number): { arriving: number; leaving: number } {
  const early = EVENT.visitors * EVENT.earlyShare;
  return {
    arriving: waveCount(EVENT.arrival, EVENT.visitors, k),
    leaving: waveCount(EVENT.early, early, k) + waveCount(EVENT.departure, EVENT.visitors - early, k),
  };
}

function eventInside(h: number): number {
  const early = EVENT.visitors * EVENT.earlyShare;
  const [a1, a2, a3] = EVENT.arrival;
  const [e1, e2, e3] = EVENT.early;
  const [d1, d2, d3] = EVENT.departure;
  return (
    triangleCumulative(h, a1, a2, a3, EVENT.visitors) -
    triangleCumulative(h, e1, e2, e3, early) -
    triangleCumulative(h, d1, d2, d3, EVENT.visitors - early)
  );
}

function siteFor(site: CountingSite, day: DayType): CountingSite {
  const base = publicSite(site);
  return day === 'event' ? { ...base, ...EVENT_DAY_CHANGES[site.id] } : base;
}

/**
 * A line site: the day's rhythm plus, on the event day, the visitors on their way, through the
 * street's capacity: what the street cannot carry waits and passes in the next intervals, which is
 * why a narrow approach stays near capacity for a while after the show.
 */
function lineSeries(site: SampleLineSite, day: DayType, start: string): SiteSeries {
  const rnd = randomFor(`${day}:${site.id}`);
  const width = siteFor(site, day).widthM ?? 1;
  const perInterval = 0.97 * capacity().flow * 60 * width * INTERVAL_MINUTES;
  const counts = { in: [] as (number | null)[], out: [] as (number | null)[] };
  let queueIn = 0;
  let queueOut = 0;
  for (let k = 0; k < INTERVALS; k++) {
    const rates = lineRates(
      site.rhythm,
      hourAt(k) + INTERVAL_MINUTES / 120,
      day === 'event' ? 'saturday' : day,
    );
    let wantIn = rates.in * INTERVAL_MINUTES + queueIn;
    let wantOut = rates.out * INTERVAL_MINUTES + queueOut;
    if (day === 'event' && site.event) {
      const f = eventFlows(k);
      const toward = f.arriving * site.event.arrive;
      const away = f.leaving * site.event.leave;
      wantIn += site.event.arriveAs === 'in' ? toward : away;
      wantOut += site.event.arriveAs === 'in' ? away : toward;
    }
    const served = Math.min(1, perInterval / (wantIn + wantOut));
    queueIn = wantIn * (1 - served);
    queueOut = wantOut * (1 - served);
    const offline =
      day === OUTAGE.day && site.id === OUTAGE.siteId && hourAt(k) >= OUTAGE.from && hourAt(k) < OUTAGE.until;
    counts.in.push(offline ? null : poisson(rnd, wantIn * served));
    counts.out.push(offline ? null : poisson(rnd, wantOut * served));
  }
  return { siteId: site.id, start, intervalSeconds: INTERVAL_MINUTES * 60, ...counts };
}

/**
 * An area site from its occupancy and its through traffic: persons walking through enter and
 * leave in the same interval; the change in occupancy is added to the entries or the exits. The
 * counts therefore add up exactly to the occupancy, as a perfect cordon would see it.
 */
function areaSeries(
  siteId: string,
  day: DayType,
  start: string,
  rhythm: (h: number) => SquareRhythm,
): SiteSeries {
  const rnd = randomFor(`${day}:${siteId}`);
  const counts = { in: [] as number[], out: [] as number[] };
  let previous = 0;
  let wobble = 0;
  for (let k = 0; k < INTERVALS; k++) {
    // Slow random swings of a few per cent, so the occupancy is not a perfectly smooth curve.
    wobble = 0.9 * wobble + 0.1 * standardNormal(rnd);
    const target = Math.max(0, Math.round(rhythm(hourAt(k + 1)).inside * (1 + 0.1 * wobble)));
    const through = poisson(rnd, rhythm(hourAt(k) + INTERVAL_MINUTES / 120).through * INTERVAL_MINUTES);
    const change = target - previous;
    counts.in.push(through + Math.max(0, change));
    counts.out.push(through + Math.max(0, -change));
    previous = target;
  }
  return { siteId, start, intervalSeconds: INTERVAL_MINUTES * 60, ...counts };
}

function vredenburgOn(day: DayType): (h: number) => SquareRhythm {
  if (day !== 'event') return (h) => vredenburgSquare(h, day);
  return (h) => {
    const usual = vredenburgSquare(h, 'saturday');
    // Event terrain from 07:00 (build-up) until after the break-down: no through traffic, no market.
    const closed = open(h, 7, 24.5, 0.3);
    return {
      inside: EVENT.crew * open(h, 7.5, 27, 0.3) + Math.max(0, eventInside(h)),
      through: usual.through * (1 - closed) + 0.3,
    };
  };
}

function neudeOn(day: DayType): (h: number) => SquareRhythm {
  if (day !== 'event') return (h) => neudeSquare(h, day);
  return (h) => {
    const usual = neudeSquare(h, 'saturday');
    const [a1, a2, a3] = EVENT.arrival;
    const [d1, d2, d3] = EVENT.departure;
    const visitors =
      triangle(h, a1, a2, a3, EVENT.visitors) +
      triangle(h, d1, d2, d3, EVENT.visitors * (1 - EVENT.earlyShare));
    // Some meet at Neude first and stay about 10 minutes; most just walk through.
    return {
      inside: usual.inside + visitors * EVENT.neudeShare * 10 * 0.3,
      through: usual.through + visitors * EVENT.neudeShare,
    };
  };
}

const NOTE_COMMON =
  'Made-up sample data, labelled as such: invented but plausible pedestrian counts at the places of real ' +
  "streets and squares in Utrecht's centre. Not measurements: the city's own counters are not published. " +
  'Counts are persons per 5 minutes. The counting day runs from 05:00 to 05:00 the next morning, so the ' +
  'area counts start when the squares are empty. Line sites count "in" when walking along their ' +
  'pedestrian-network link from its first node to its second, and "out" the other way; area sites count ' +
  'entries ("in") and exits ("out") of a cordon. Widths and areas are estimated effective walkable values. ' +
  'Do not use for real crowd-safety decisions.';

const NOTE_DAY: Record<DayType, string> = {
  weekday:
    ' Weekday: commuter peaks at the station, lunch, shopping with late-night opening until 21:00. The ' +
    'Steenweg counter is offline from 10:40 to 11:10 (no data, not zero).',
  saturday: ' Saturday: a market on Vredenburg, a strong shopping afternoon and a late night out.',
  event:
    ' Event day: the Saturday plus the open-air stage on Vredenburg of scenarios/vredenburg-stage.json: ' +
    '16,000 visitors arriving 13:00-20:30 (peak 17:30), a fifth of them leaving early, the rest 22:30-23:15. ' +
    'The event team counts the square as a standing crowd on 3,300 m² of audience area, and stalls narrow ' +
    'Lange Viestraat to 4.5 m.',
};

const TITLES: Record<DayType, string> = {
  weekday: 'Sample pedestrian counts, central Utrecht: a Thursday (made up)',
  saturday: 'Sample pedestrian counts, central Utrecht: a Saturday (made up)',
  event: 'Sample pedestrian counts, central Utrecht: Saturday with the Vredenburg stage (made up)',
};

export function buildCountingSample(day: DayType): CountingFeed {
  const start = `${DATES[day].date}T0${DAY_START_HOUR}:00:00+02:00`;
  const sites = [...LINE_SITES, VREDENBURG_SQUARE, NEUDE_SQUARE].map((s) => siteFor(s, day));
  const series = [
    ...LINE_SITES.map((s) => lineSeries(s, day, start)),
    areaSeries(VREDENBURG_SQUARE.id, day, start, vredenburgOn(day)),
    areaSeries(NEUDE_SQUARE.id, day, start, neudeOn(day)),
  ];
  return {
    meta: {
      id: `utrecht-centre-counting-sample-${day}`,
      title: TITLES[day],
      sample: true,
      note: `${NOTE_COMMON}${NOTE_DAY[day]} The day shown is ${DATES[day].label}.`,
      licence: 'CC0-1.0',
      source: 'scripts/crowd/build-counting-sample.ts',
      dayType: day,
    },
    sites,
    series,
  };
}

/** Compact JSON: readable metadata, one line per site, the count arrays on one line each. */
export function serializeFeed(feed: CountingFeed): string {
  const lines = [
    '{',
    `  "meta": ${JSON.stringify(feed.meta, null, 2).replace(/\n/g, '\n  ')},`,
    '  "sites": [',
  ];
  feed.sites.forEach((s, i) => lines.push(`    ${JSON.stringify(s)}${i < feed.sites.length - 1 ? ',' : ''}`));
  lines.push('  ],', '  "series": [');
  feed.series.forEach((s, i) => {
    const head = JSON.stringify({ siteId: s.siteId, start: s.start, intervalSeconds: s.intervalSeconds });
    lines.push(`    ${head.slice(0, -1)},`);
    lines.push(`     "in": ${JSON.stringify(s.in)},`);
    lines.push(`     "out": ${JSON.stringify(s.out)}}${i < feed.series.length - 1 ? ',' : ''}`);
  });
  lines.push('  ]', '}', '');
  return lines.join('\n');
}

export function buildAllSamples(): { path: string; text: string }[] {
  return DAY_TYPES.map((day) => ({ path: samplePath(day), text: serializeFeed(buildCountingSample(day)) }));
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  for (const { path: file, text } of buildAllSamples()) {
    writeFileSync(file, text);
    console.log(`${path.relative(process.cwd(), file)}: ${(text.length / 1024).toFixed(1)} KiB`);
  }
}

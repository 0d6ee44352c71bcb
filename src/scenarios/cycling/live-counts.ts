import { LocalMetres, pointToPolylineMetres, polylineMetres, type LonLat } from './geo.ts';
import type { BikeNetworkFile, CountingPoint } from './network-file.ts';

/**
 * Live counts for the cycling model: Telraam segments matched to the network's links, and their
 * hourly reports turned into counting points (mean cyclists per local hour on weekdays and weekends).
 * The shapes are structural subsets of the Telraam loader's (src/sources/telraam), so the model needs
 * no source code and any counter with the same fields can be used.
 */
export interface SegmentLike {
  segmentId: string;
  /** WGS84 polylines [lon, lat]. */
  lines: readonly (readonly LonLat[])[];
}

export interface HourLike {
  segmentId: string;
  /** Start of the hour, an ISO instant (Telraam: UTC). */
  date: string;
  /** Cyclists in the hour, both directions (uptime-extrapolated). */
  bike: number;
  /** Share of the hour the counter saw (0–1). */
  uptime: number;
}

export interface SegmentMatch {
  segmentId: string;
  link: string;
  /** Distance (m) from the segment's midpoint to the link. */
  metres: number;
  /** The segment's midpoint, where the counting point is drawn. */
  lon: number;
  lat: number;
}

/** The point halfway along a polyline. */
export function midpoint(line: readonly LonLat[]): LonLat {
  const half = polylineMetres(line) / 2;
  let walked = 0;
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1]!;
    const b = line[i]!;
    const step = polylineMetres([a, b]);
    if (walked + step >= half && step > 0) {
      const t = (half - walked) / step;
      return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
    }
    walked += step;
  }
  return line[0]!;
}

/**
 * The link each segment lies on: the nearest link to the midpoint of its longest line, if within
 * `maxMetres` (default 25 m: a Telraam segment is drawn on the street's centre line).
 */
export function matchSegments(
  file: BikeNetworkFile,
  segments: readonly SegmentLike[],
  maxMetres = 25,
): { matches: SegmentMatch[]; unmatched: string[] } {
  const matches: SegmentMatch[] = [];
  const unmatched: string[] = [];
  for (const s of segments) {
    const longest = [...s.lines].sort((a, b) => polylineMetres(b) - polylineMetres(a))[0];
    if (!longest || longest.length === 0) {
      unmatched.push(s.segmentId);
      continue;
    }
    const mid = midpoint(longest);
    const frame = new LocalMetres(mid[0], mid[1]);
    let best = { link: '', metres: Infinity };
    for (const l of file.links) {
      const d = pointToPolylineMetres(mid, l.geometry, frame);
      if (d < best.metres) best = { link: l.id, metres: d };
    }
    if (best.metres <= maxMetres) matches.push({ segmentId: s.segmentId, ...best, lon: mid[0], lat: mid[1] });
    else unmatched.push(s.segmentId);
  }
  return { matches, unmatched };
}

/** Local hour (0–23) and whether it is a Saturday or Sunday, in the given time zone. */
export function localHour(iso: string, timeZone: string): { hour: number; weekend: boolean } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    hourCycle: 'h23',
    weekday: 'short',
  }).formatToParts(new Date(iso));
  const hour = Number(parts.find((p) => p.type === 'hour')?.value);
  const day = parts.find((p) => p.type === 'weekday')?.value;
  return { hour, weekend: day === 'Sat' || day === 'Sun' };
}

export interface CountingPointResult {
  /** Null when neither day type has every hour covered. */
  point: CountingPoint | null;
  /** Local hours without one reliable observation, per day type. */
  missingHours: { weekday: number[]; weekend: number[] };
  /** Hours left out for low uptime. */
  unreliable: number;
}

/**
 * A counting point from a matched segment's hourly reports: the mean of the reliable hours
 * (uptime ≥ `minUptime`, default 0.5 as Telraam advises) per local hour and day type. A day type is
 * given only when all 24 hours have at least one reliable observation; holidays are not told apart.
 */
export function countingPointFromHours(
  match: SegmentMatch,
  hours: readonly HourLike[],
  options: { timeZone?: string; minUptime?: number; name?: string } = {},
): CountingPointResult {
  const timeZone = options.timeZone ?? 'Europe/Amsterdam';
  const minUptime = options.minUptime ?? 0.5;
  const sum = { weekday: new Float64Array(24), weekend: new Float64Array(24) };
  const n = { weekday: new Float64Array(24), weekend: new Float64Array(24) };
  let unreliable = 0;
  for (const h of hours) {
    if (h.segmentId !== match.segmentId) continue;
    if (!(h.uptime >= minUptime) || !Number.isFinite(h.bike)) {
      unreliable++;
      continue;
    }
    const { hour, weekend } = localHour(h.date, timeZone);
    const day = weekend ? 'weekend' : 'weekday';
    sum[day][hour] = sum[day][hour]! + h.bike;
    n[day][hour] = n[day][hour]! + 1;
  }
  const missing = (day: 'weekday' | 'weekend') => [...n[day].keys()].filter((h) => n[day][h] === 0);
  const missingHours = { weekday: missing('weekday'), weekend: missing('weekend') };
  const profile = (day: 'weekday' | 'weekend') =>
    missingHours[day].length > 0
      ? undefined
      : [...sum[day]].map((s, h) => Math.round((s / n[day][h]!) * 10) / 10);
  const weekday = profile('weekday');
  const weekend = profile('weekend');
  if (!weekday && !weekend) return { point: null, missingHours, unreliable };
  const point: CountingPoint = {
    id: `telraam-${match.segmentId}`,
    name: options.name ?? `Telraam ${match.segmentId}`,
    link: match.link,
    lon: match.lon,
    lat: match.lat,
    telraamSegment: match.segmentId,
  };
  if (weekday) point.weekday = weekday;
  if (weekend) point.weekend = weekend;
  return { point, missingHours, unreliable };
}

/**
 * The network with these counting points instead of its own, and without its stored OD matrix, so a
 * run estimates the trips from the new counts (a note says so, with the fit).
 */
export function withCountingPoints(
  file: BikeNetworkFile,
  points: readonly CountingPoint[],
  note: string,
): BikeNetworkFile {
  const { demand: _stale, ...rest } = file;
  return { ...rest, counts: { sample: false, note, points: [...points] } };
}

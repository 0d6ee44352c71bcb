/**
 * Local (wall-clock) time in Utrecht, the one place the app turns instants into clock times and
 * back. Offsets come from Intl (`timeZone: 'Europe/Amsterdam'`), never from DST rules of our own,
 * and are cached per UTC hour: offsets only change on an hour boundary, and Intl is slow enough to
 * matter when 200 counting sites ask every minute. Other zones work too (tests, other cities).
 */
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export const AMSTERDAM_TIME_ZONE = 'Europe/Amsterdam';
/** The zone the crowd monitor and the time model use unless told otherwise. */
export const DEFAULT_TIME_ZONE = AMSTERDAM_TIME_ZONE;

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, Map<number, number>>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Local time minus UTC (ms) at the instant `ms` in `timeZone`, e.g. +7,200,000 for CEST. */
export function timeZoneOffsetMs(ms: number, timeZone: string = DEFAULT_TIME_ZONE): number {
  const hour = Math.floor(ms / HOUR_MS);
  let cache = offsetCache.get(timeZone);
  if (!cache) {
    cache = new Map();
    offsetCache.set(timeZone, cache);
  }
  const cached = cache.get(hour);
  if (cached !== undefined) return cached;
  const parts: Record<string, number> = {};
  for (const p of partsFormatter(timeZone).formatToParts(hour * HOUR_MS))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(
    parts['year']!,
    parts['month']! - 1,
    parts['day']!,
    parts['hour']!,
    parts['minute']!,
    parts['second']!,
  );
  const offset = asUtc - hour * HOUR_MS;
  cache.set(hour, offset);
  return offset;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

/** What the clocks in Utrecht show at the instant `time`. */
export function amsterdamParts(time: number): WallClock {
  const local = new Date(time + timeZoneOffsetMs(time, AMSTERDAM_TIME_ZONE));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    weekday: local.getUTCDay(),
  };
}

/**
 * The instant at which Utrecht clocks show the given wall time. A time that does not exist (the
 * hour skipped in spring) moves forward by the skipped hour; a time that occurs twice (the hour
 * repeated in autumn) gives the first, still in summer time. (As Temporal's 'compatible'.)
 */
export function amsterdamTime(year: number, month: number, day: number, hour: number, minute = 0): number {
  const local = Date.UTC(year, month - 1, day, hour, minute);
  const offsetBefore = timeZoneOffsetMs(local - 3 * HOUR_MS, AMSTERDAM_TIME_ZONE);
  const offsetAfter = timeZoneOffsetMs(local + 3 * HOUR_MS, AMSTERDAM_TIME_ZONE);
  const fits = [local - offsetBefore, local - offsetAfter].filter(
    (t) => t + timeZoneOffsetMs(t, AMSTERDAM_TIME_ZONE) === local,
  );
  return fits.length > 0 ? Math.min(...fits) : local - offsetBefore;
}

/** The instant of `hour`:00 local time on `date` (YYYY-MM-DD) in Utrecht. */
export function amsterdamToUtc(date: string, hour: number): number {
  const [year, month, day] = date.split('-').map(Number);
  return amsterdamTime(year!, month!, day!, hour);
}

/** Minutes since local midnight (0 ≤ m < 1440). */
export function localMinuteOfDay(ms: number, timeZone: string = DEFAULT_TIME_ZONE): number {
  const local = ms + timeZoneOffsetMs(ms, timeZone);
  return (((local % DAY_MS) + DAY_MS) % DAY_MS) / 60_000;
}

/**
 * Every instant in (fromMs, toMs] at which the local clock shows `hour`:00, in order. On the night
 * the clocks change, the offset of the hour itself is used, so 05:00 is always a real 05:00.
 */
export function localHourInstants(
  fromMs: number,
  toMs: number,
  hour: number,
  timeZone: string = DEFAULT_TIME_ZONE,
): number[] {
  const out: number[] = [];
  const firstDay = Math.floor((fromMs + timeZoneOffsetMs(fromMs, timeZone)) / DAY_MS) - 1;
  for (let day = firstDay; ; day++) {
    const localMs = day * DAY_MS + hour * HOUR_MS;
    let t = localMs - timeZoneOffsetMs(localMs, timeZone);
    t = localMs - timeZoneOffsetMs(t, timeZone);
    if (t > toMs) break;
    if (t > fromMs) out.push(t);
  }
  return out;
}

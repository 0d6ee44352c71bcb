/**
 * Local clock time for the crowd monitor: re-zeroing area counts at a fixed local hour and matching
 * a usual day profile by time of day both need the wall clock of the city, daylight saving included.
 * Offsets come from Intl (no time-zone tables of our own) and are cached per UTC hour, because
 * offsets only ever change on an hour boundary and Intl is slow enough to matter at 200 sites.
 */
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, Map<number, number>>();

function formatter(timeZone: string): Intl.DateTimeFormat {
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
  for (const p of formatter(timeZone).formatToParts(hour * HOUR_MS))
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

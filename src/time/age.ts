import { amsterdamParts } from './amsterdam.ts';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * How old something is, in the unit a person reads at a glance: minutes under an hour, hours and
 * minutes under a day, and beyond that whole days with the date and clock time it dates from
 * ("175 dagen, sinds 13 juni 2026 14:00", never "4.196 u"). Whole units, rounded down: "9 min"
 * means at least nine minutes. The UI turns this into words; the numbers stay numbers.
 */
export type Age =
  | { unit: 'minutes'; minutes: number }
  | { unit: 'hours'; hours: number; minutes: number }
  | { unit: 'days'; days: number; date: string; clock: string };

/** `thenMs` is the instant the age is counted from; a negative age (a clock behind) reads as 0 min. */
export function describeAge(nowMs: number, thenMs: number): Age {
  const ageMs = Math.max(0, nowMs - thenMs);
  if (ageMs < HOUR_MS) return { unit: 'minutes', minutes: Math.floor(ageMs / MINUTE_MS) };
  if (ageMs < DAY_MS)
    return {
      unit: 'hours',
      hours: Math.floor(ageMs / HOUR_MS),
      minutes: Math.floor((ageMs % HOUR_MS) / MINUTE_MS),
    };
  return {
    unit: 'days',
    days: Math.floor(ageMs / DAY_MS),
    date: localDate(thenMs),
    clock: localClock(thenMs),
  };
}

const two = (n: number) => String(n).padStart(2, '0');

/** "14:05": the 24-hour clock time in Utrecht, as both Dutch and British English write it. */
export function localClock(ms: number): string {
  const p = amsterdamParts(ms);
  return `${two(p.hour)}:${two(p.minute)}`;
}

/** The calendar date in Utrecht (YYYY-MM-DD), for `{ date }` message parameters. */
export function localDate(ms: number): string {
  const p = amsterdamParts(ms);
  return `${p.year}-${two(p.month)}-${two(p.day)}`;
}

/**
 * The app's one time model (pure; no React, no store). App time is an instant (ms since epoch);
 * a mode says which span the user is looking at relative to the real "now":
 * - `now`: live, follows the clock;
 * - `history`: the past week, in steps of minutes/hours;
 * - `forecast`: the next 48 hours;
 * - `planning`: years ahead (planning horizons such as 2030, 2040), in whole years.
 * Times in links are Europe/Amsterdam wall-clock times (`2026-06-21T15:00`), as people say them.
 */
import { amsterdamParts, amsterdamTime } from './amsterdam.ts';

export const TIME_MODES = ['now', 'history', 'forecast', 'planning'] as const;
export type TimeMode = (typeof TIME_MODES)[number];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A step: minutes for the short modes, calendar years for planning. */
export type TimeStep = { minutes: number } | { years: number };

export const DEFAULT_STEPS: Record<TimeMode, TimeStep> = {
  now: { minutes: 60 },
  history: { minutes: 60 },
  forecast: { minutes: 60 },
  planning: { years: 1 },
};

export const PLANNING_YEARS = 30;

/** The span a mode covers, given the real current time. */
export function modeRange(mode: TimeMode, now: number): { start: number; end: number } {
  switch (mode) {
    case 'now':
      return { start: now, end: now };
    case 'history':
      return { start: floorTo(now - 7 * DAY, HOUR), end: now };
    case 'forecast':
      return { start: now, end: ceilTo(now + 48 * HOUR, HOUR) };
    case 'planning': {
      const year = amsterdamParts(now).year;
      return {
        start: amsterdamTime(year + 1, 1, 1, 0, 0),
        end: amsterdamTime(year + PLANNING_YEARS, 1, 1, 0, 0),
      };
    }
  }
}

/**
 * Keeps a time inside the mode's span. `keep` (the current app time) widens the span to include
 * it, so a shared link to a time outside today's span can still be stepped from.
 */
export function clampToMode(time: number, mode: TimeMode, now: number, keep?: number): number {
  const range = modeRange(mode, now);
  const start = keep === undefined ? range.start : Math.min(range.start, keep);
  const end = keep === undefined ? range.end : Math.max(range.end, keep);
  return Math.min(Math.max(time, start), end);
}

/** Where a time falls, so a link without an explicit mode opens in the right one. */
export function inferMode(time: number, now: number): TimeMode {
  if (Math.abs(time - now) < MINUTE) return 'now';
  if (time < now) return 'history';
  return time <= modeRange('forecast', now).end ? 'forecast' : 'planning';
}

/** The time a mode starts at when the user switches to it. */
export function defaultTimeFor(mode: TimeMode, now: number): number {
  switch (mode) {
    case 'now':
      return now;
    case 'history':
      return floorTo(now - DAY, HOUR);
    case 'forecast':
      return ceilTo(now, HOUR);
    case 'planning':
      return modeRange('planning', now).start;
  }
}

/** The finest step any visible time-aware layer asks for in this mode, else the mode's default. */
export function effectiveStep(mode: TimeMode, layerSteps: readonly (TimeStep | undefined)[]): TimeStep {
  const fallback = DEFAULT_STEPS[mode];
  const candidates = layerSteps.filter((s): s is TimeStep => s !== undefined && sameKind(s, fallback));
  if (candidates.length === 0) return fallback;
  return candidates.reduce((a, b) => (stepSize(a) <= stepSize(b) ? a : b));
}

/** Moves `count` steps (negative = back), snapped to the step grid and kept inside the mode. */
export function stepTime(time: number, count: number, step: TimeStep, mode: TimeMode, now: number): number {
  let next: number;
  if ('years' in step) {
    const p = amsterdamParts(time);
    next = amsterdamTime(p.year + count * step.years, 1, 1, 0, 0);
  } else {
    const size = step.minutes * MINUTE;
    next = floorTo(time, size) + count * size;
    // Stepping back from a time between grid points should land on the grid point just below.
    if (count < 0 && time % size !== 0) next += size;
  }
  return clampToMode(next, mode, now, time);
}

/** Snaps a time to the step grid (minutes on whole UTC multiples, which are whole Dutch hours too). */
export function snapToStep(time: number, step: TimeStep): number {
  if ('years' in step) return amsterdamTime(amsterdamParts(time).year, 1, 1, 0, 0);
  return floorTo(time, step.minutes * MINUTE);
}

/** Number of steps in a mode's range: the slider's resolution. */
export function stepsInRange(mode: TimeMode, step: TimeStep, now: number): number {
  const { start, end } = modeRange(mode, now);
  if ('years' in step)
    return Math.round((amsterdamParts(end).year - amsterdamParts(start).year) / step.years);
  return Math.max(0, Math.floor((end - start) / (step.minutes * MINUTE)));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-06-21T15:00` in Amsterdam time. */
export function formatWallClock(time: number): string {
  const p = amsterdamParts(time);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** Parses `YYYY-MM-DDTHH:mm` (Amsterdam time); null when malformed or impossible. */
export function parseWallClock(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59) return null;
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return null;
  return amsterdamTime(year, month, day, hour, minute);
}

function floorTo(time: number, size: number): number {
  return Math.floor(time / size) * size;
}

function ceilTo(time: number, size: number): number {
  return Math.ceil(time / size) * size;
}

function sameKind(a: TimeStep, b: TimeStep): boolean {
  return 'years' in a === 'years' in b;
}

function stepSize(step: TimeStep): number {
  return 'years' in step ? step.years : step.minutes;
}

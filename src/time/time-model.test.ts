import { describe, expect, it } from 'vitest';
import { amsterdamParts } from './amsterdam.ts';
import {
  clampToMode,
  defaultTimeFor,
  effectiveStep,
  formatWallClock,
  inferMode,
  modeRange,
  parseWallClock,
  stepTime,
  stepsInRange,
} from './time-model.ts';

// Wednesday 10 June 2026, 14:23:17 Amsterdam summer time (UTC+2).
const NOW = Date.UTC(2026, 5, 10, 12, 23, 17);

describe('time model', () => {
  it('reads and writes Amsterdam wall-clock times in summer and winter', () => {
    expect(formatWallClock(Date.UTC(2026, 5, 21, 13, 0))).toBe('2026-06-21T15:00');
    expect(formatWallClock(Date.UTC(2026, 0, 5, 13, 0))).toBe('2026-01-05T14:00');
    expect(parseWallClock('2026-06-21T15:00')).toBe(Date.UTC(2026, 5, 21, 13, 0));
    expect(parseWallClock('2026-01-05T14:00')).toBe(Date.UTC(2026, 0, 5, 13, 0));
  });

  it('handles the DST switch: 02:30 on the spring-forward day does not exist and moves on', () => {
    // 29 March 2026: clocks jump from 02:00 to 03:00.
    const t = parseWallClock('2026-03-29T02:30')!;
    expect(formatWallClock(t)).toBe('2026-03-29T03:30');
    expect(formatWallClock(parseWallClock('2026-03-29T01:30')!)).toBe('2026-03-29T01:30');
  });

  it('rejects malformed or impossible times', () => {
    for (const bad of ['2026-06-21', '2026-13-01T10:00', '2026-02-30T10:00', '2026-06-21T24:00', 'abc']) {
      expect(parseWallClock(bad)).toBeNull();
    }
  });

  it('gives each mode its span', () => {
    const history = modeRange('history', NOW);
    expect(history.end).toBe(NOW);
    expect((NOW - history.start) / 3_600_000).toBeGreaterThanOrEqual(7 * 24);
    expect(modeRange('forecast', NOW).end - NOW).toBeGreaterThanOrEqual(48 * 3_600_000);
    const planning = modeRange('planning', NOW);
    expect(amsterdamParts(planning.start)).toMatchObject({ year: 2027, month: 1, day: 1, hour: 0 });
    expect(amsterdamParts(planning.end).year).toBe(2056);
  });

  it('infers the mode of a shared time', () => {
    expect(inferMode(NOW - 3_600_000, NOW)).toBe('history');
    expect(inferMode(NOW + 3_600_000, NOW)).toBe('forecast');
    expect(inferMode(parseWallClock('2040-01-01T00:00')!, NOW)).toBe('planning');
    expect(inferMode(NOW, NOW)).toBe('now');
  });

  it('steps on the grid and stays inside the mode', () => {
    const step = { minutes: 60 };
    const t = Date.UTC(2026, 5, 9, 10, 40);
    expect(stepTime(t, 1, step, 'history', NOW)).toBe(Date.UTC(2026, 5, 9, 11, 0));
    expect(stepTime(t, -1, step, 'history', NOW)).toBe(Date.UTC(2026, 5, 9, 10, 0));
    expect(stepTime(NOW - 1000, 5, step, 'history', NOW)).toBe(NOW);
    expect(stepTime(t, -1000, step, 'history', NOW)).toBe(modeRange('history', NOW).start);
    const y2030 = parseWallClock('2030-01-01T00:00')!;
    expect(formatWallClock(stepTime(y2030, 5, { years: 1 }, 'planning', NOW))).toBe('2035-01-01T00:00');
  });

  it('steps from a shared time outside the span instead of jumping into it', () => {
    const june = parseWallClock('2026-05-01T13:00')!;
    expect(formatWallClock(stepTime(june, 1, { minutes: 60 }, 'history', NOW))).toBe('2026-05-01T14:00');
  });

  it('uses the finest step of the visible layers, of the right kind', () => {
    expect(effectiveStep('history', [{ minutes: 60 }, { minutes: 15 }, undefined])).toEqual({ minutes: 15 });
    expect(effectiveStep('history', [])).toEqual({ minutes: 60 });
    expect(effectiveStep('planning', [{ minutes: 15 }])).toEqual({ years: 1 });
    expect(stepsInRange('planning', { years: 1 }, NOW)).toBe(29);
  });

  it('clamps and picks sensible starting times', () => {
    expect(clampToMode(NOW + 1e9, 'history', NOW)).toBe(NOW);
    expect(defaultTimeFor('forecast', NOW) % 3_600_000).toBe(0);
    expect(defaultTimeFor('forecast', NOW)).toBeGreaterThanOrEqual(NOW);
    expect(defaultTimeFor('now', NOW)).toBe(NOW);
  });
});

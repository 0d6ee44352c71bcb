import { describe, expect, it } from 'vitest';
import { describeAge, localClock, localDate } from './age.ts';

const MIN = 60_000;
/** 13 June 2026, 14:00 in Utrecht (CEST, UTC+2). */
const THEN = Date.parse('2026-06-13T12:00:00Z');

describe('ages in plain units', () => {
  it('minutes under an hour, rounded down', () => {
    expect(describeAge(THEN, THEN)).toEqual({ unit: 'minutes', minutes: 0 });
    expect(describeAge(THEN + 9 * MIN + 59_999, THEN)).toEqual({ unit: 'minutes', minutes: 9 });
    expect(describeAge(THEN + 59 * MIN + 59_999, THEN)).toEqual({ unit: 'minutes', minutes: 59 });
  });

  it('hours and minutes under a day', () => {
    expect(describeAge(THEN + 60 * MIN, THEN)).toEqual({ unit: 'hours', hours: 1, minutes: 0 });
    expect(describeAge(THEN + 125 * MIN, THEN)).toEqual({ unit: 'hours', hours: 2, minutes: 5 });
    expect(describeAge(THEN + 24 * 60 * MIN - 1, THEN)).toEqual({ unit: 'hours', hours: 23, minutes: 59 });
  });

  it('days with the local date and time beyond a day: 4,196 hours is 174 days, since 13 June 14:00', () => {
    expect(describeAge(THEN + 24 * 60 * MIN, THEN)).toEqual({
      unit: 'days',
      days: 1,
      date: '2026-06-13',
      clock: '14:00',
    });
    // The "4.196 u": 4,196 h = 174 days and 20 hours.
    expect(describeAge(THEN + 4_196 * 60 * MIN, THEN)).toEqual({
      unit: 'days',
      days: 174,
      date: '2026-06-13',
      clock: '14:00',
    });
  });

  it('a count from the future (a clock behind) is 0 minutes old, never negative', () => {
    expect(describeAge(THEN - 5 * MIN, THEN)).toEqual({ unit: 'minutes', minutes: 0 });
  });

  it('local clock and date follow Utrecht time, across midnight and in winter', () => {
    expect(localClock(THEN)).toBe('14:00');
    expect(localDate(Date.parse('2026-06-13T22:30:00Z'))).toBe('2026-06-14');
    expect(localClock(Date.parse('2026-12-01T08:05:00Z'))).toBe('09:05');
  });
});

import { describe, expect, it } from 'vitest';
import { localHourInstants, localMinuteOfDay, timeZoneOffsetMs } from './zone-clock.ts';

const H = 3_600_000;

describe('local clock time for the monitor', () => {
  it('knows summer and winter time in Utrecht', () => {
    expect(timeZoneOffsetMs(Date.parse('2026-06-13T12:00:00Z'))).toBe(2 * H);
    expect(timeZoneOffsetMs(Date.parse('2026-01-13T12:00:00Z'))).toBe(1 * H);
    expect(timeZoneOffsetMs(Date.parse('2026-06-13T12:00:00Z'), 'UTC')).toBe(0);
    expect(localMinuteOfDay(Date.parse('2026-06-13T03:30:00Z'))).toBe(5 * 60 + 30);
    expect(localMinuteOfDay(Date.parse('2026-06-13T23:15:00Z'))).toBe(75);
  });

  it('finds 05:00 every morning, also across the night the clocks go forward', () => {
    // 29 March 2026: CET → CEST at 02:00. 05:00 local is 04:00 UTC the day before and 03:00 UTC after.
    const from = Date.parse('2026-03-27T12:00:00Z');
    const to = Date.parse('2026-03-30T12:00:00Z');
    expect(localHourInstants(from, to, 5).map((t) => new Date(t).toISOString())).toEqual([
      '2026-03-28T04:00:00.000Z',
      '2026-03-29T03:00:00.000Z',
      '2026-03-30T03:00:00.000Z',
    ]);
    // The interval is (from, to]: an instant exactly at `from` is not repeated.
    const five = Date.parse('2026-06-13T03:00:00Z');
    expect(localHourInstants(five, five + 24 * H, 5)).toEqual([five + 24 * H]);
  });
});

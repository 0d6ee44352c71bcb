import { describe, expect, it } from 'vitest';
import {
  amsterdamParts,
  amsterdamTime,
  amsterdamToUtc,
  localHourInstants,
  localMinuteOfDay,
  timeZoneOffsetMs,
} from './amsterdam.ts';

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

/*
 * Hand-derived switch moments (EU rule since 1996: summer time from 01:00 UTC on the last Sunday of
 * March to 01:00 UTC on the last Sunday of October):
 * - 31 March 2026 is a Tuesday, so the last Sunday is 29 March: at 01:00 UTC clocks go 02:00 → 03:00.
 * - 31 October 2026 is a Saturday, so the last Sunday is 25 October: at 01:00 UTC clocks go
 *   03:00 → 02:00, and 02:00–02:59 happens twice (00:xx UTC in CEST, then 01:xx UTC in CET).
 * - 2025: 30 March and 26 October (31 March 2025 is a Monday, 31 October 2025 a Friday).
 */
describe('Utrecht wall-clock time at the daylight-saving switches', () => {
  const iso = (t: number) => new Date(t).toISOString();

  it('uses CEST in summer and CET in winter, switching on the last Sundays of March and October', () => {
    expect(iso(amsterdamToUtc('2015-07-01', 15))).toBe('2015-07-01T13:00:00.000Z');
    expect(iso(amsterdamToUtc('2025-12-21', 12))).toBe('2025-12-21T11:00:00.000Z');
    expect(timeZoneOffsetMs(Date.parse('2025-03-30T00:59:00Z')) / H).toBe(1);
    expect(timeZoneOffsetMs(Date.parse('2025-03-30T01:00:00Z')) / H).toBe(2);
    expect(timeZoneOffsetMs(Date.parse('2025-10-26T00:59:00Z')) / H).toBe(2);
    expect(timeZoneOffsetMs(Date.parse('2025-10-26T01:00:00Z')) / H).toBe(1);
  });

  it('reads the clock on both sides of the spring switch', () => {
    expect(amsterdamParts(Date.parse('2026-03-29T00:59:00Z'))).toEqual({
      year: 2026,
      month: 3,
      day: 29,
      hour: 1,
      minute: 59,
      weekday: 0,
    });
    expect(amsterdamParts(Date.parse('2026-03-29T01:00:00Z'))).toMatchObject({ day: 29, hour: 3, minute: 0 });
  });

  it('reads the repeated autumn hour twice, once in summer and once in winter time', () => {
    expect(amsterdamParts(Date.parse('2026-10-25T00:30:00Z'))).toMatchObject({ hour: 2, minute: 30 });
    expect(amsterdamParts(Date.parse('2026-10-25T01:30:00Z'))).toMatchObject({ hour: 2, minute: 30 });
    expect(amsterdamParts(Date.parse('2026-10-24T22:30:00Z'))).toMatchObject({ day: 25, hour: 0 });
  });

  it('moves a skipped spring time forward by the skipped hour', () => {
    expect(iso(amsterdamTime(2026, 3, 29, 1, 59))).toBe('2026-03-29T00:59:00.000Z');
    expect(iso(amsterdamTime(2026, 3, 29, 2, 30))).toBe('2026-03-29T01:30:00.000Z');
    expect(iso(amsterdamTime(2026, 3, 29, 3, 0))).toBe('2026-03-29T01:00:00.000Z');
  });

  it('gives the first (summer-time) instant of a repeated autumn time', () => {
    expect(iso(amsterdamTime(2026, 10, 25, 1, 59))).toBe('2026-10-24T23:59:00.000Z');
    expect(iso(amsterdamTime(2026, 10, 25, 2, 30))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(amsterdamTime(2026, 10, 25, 3, 0))).toBe('2026-10-25T02:00:00.000Z');
  });

  it('counts minutes since midnight across the autumn night', () => {
    // 05:00 CET on 25 October 2026 is 04:00 UTC; the night was 25 hours long but the clock says 05:00.
    expect(localMinuteOfDay(Date.parse('2026-10-25T04:00:00Z'))).toBe(5 * 60);
  });
});

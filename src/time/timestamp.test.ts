import { describe, expect, it } from 'vitest';
import { parseTimestamp, toIsoTimestamp } from './timestamp.ts';

describe('portable timestamps', () => {
  it("reads Telraam's real report dates (space, +00:00), which only Chromium's Date.parse accepts", () => {
    expect(toIsoTimestamp('2023-12-10 04:00:00+00:00')).toBe('2023-12-10T04:00:00.000Z');
    // last_data_package has six decimals.
    expect(toIsoTimestamp('2026-08-20 09:58:12.117000+00:00')).toBe('2026-08-20T09:58:12.117Z');
  });

  it('reads ISO 8601 with Z and with offsets in every spelling', () => {
    expect(parseTimestamp('2026-08-20T09:00:00.000Z')).toBe(Date.UTC(2026, 7, 20, 9));
    expect(parseTimestamp('2026-08-20T11:00:00+02:00')).toBe(Date.UTC(2026, 7, 20, 9));
    expect(parseTimestamp('2026-08-20T11:00+0200')).toBe(Date.UTC(2026, 7, 20, 9));
    expect(parseTimestamp('2026-08-20 04:30:00-05')).toBe(Date.UTC(2026, 7, 20, 9, 30));
    expect(parseTimestamp('2026-08-20t09:00:00z')).toBe(Date.UTC(2026, 7, 20, 9));
  });

  it('refuses what is not one moment: no zone, impossible dates, other text', () => {
    for (const bad of [
      '2023-12-10 04:00:00',
      '2023-06-31T00:00:00Z',
      '2023-13-01T00:00:00Z',
      '2023-12-10T24:00:00Z',
      '2023-12-10T04:00:00+15:00',
      '',
      'gisteren',
      '1702180800',
    ])
      expect(parseTimestamp(bad), bad).toBeUndefined();
  });
});

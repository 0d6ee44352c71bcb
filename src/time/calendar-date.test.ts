import { describe, expect, it } from 'vitest';
import { formatCalendarDate } from './calendar-date.ts';

describe('formatCalendarDate', () => {
  it('writes a day out per language, the same day in any time zone', () => {
    expect(formatCalendarDate('2015-07-01', 'nl-NL')).toBe('1 juli 2015');
    expect(formatCalendarDate('2015-07-01', 'en-GB')).toBe('1 July 2015');
    expect(formatCalendarDate('2026-12-31', 'nl-NL')).toBe('31 december 2026');
  });

  it('leaves anything that is not a real calendar date as it is', () => {
    expect(formatCalendarDate('2015-02-30', 'nl-NL')).toBe('2015-02-30');
    expect(formatCalendarDate('1 July', 'en-GB')).toBe('1 July');
  });
});

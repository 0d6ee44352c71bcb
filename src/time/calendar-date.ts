const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * A calendar date (ISO `YYYY-MM-DD`: a day, no time of day and no time zone) in words for a
 * locale, e.g. "1 juli 2015" or "1 July 2015". Anything else is returned as it is.
 */
export function formatCalendarDate(date: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const utc = new Date(Date.UTC(year, month - 1, day));
  if (utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) return date;
  let format = formats.get(locale);
  if (!format) {
    // UTC on both sides, so the day never shifts with the reader's own time zone.
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
    formats.set(locale, format);
  }
  return format.format(utc);
}

/**
 * Wall-clock time in the Netherlands (Europe/Amsterdam) without Intl time-zone data, so the model
 * gives the same answer in every worker and test: CET (UTC+1) in winter, CEST (UTC+2) from the
 * last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC (EU rule since 1996).
 */

/** The UTC instant (ms) of `hour`:00 local time on `date` (YYYY-MM-DD) in the Netherlands. */
export function amsterdamToUtc(date: string, hour: number): number {
  const [y, m, d] = parseDate(date);
  const asIfUtc = Date.UTC(y, m - 1, d, hour);
  // Try summer time first; it applies when the resulting instant is inside the summer-time window.
  const summer = asIfUtc - 2 * 3_600_000;
  return isSummerTime(summer) ? summer : asIfUtc - 3_600_000;
}

/** The offset of Dutch local time from UTC at a UTC instant, in hours (1 or 2). */
export function amsterdamOffsetHours(utcMs: number): number {
  return isSummerTime(utcMs) ? 2 : 1;
}

function isSummerTime(utcMs: number): boolean {
  const year = new Date(utcMs).getUTCFullYear();
  return utcMs >= lastSundayOneUtc(year, 2) && utcMs < lastSundayOneUtc(year, 9);
}

/** 01:00 UTC on the last Sunday of a month (0-based month). */
function lastSundayOneUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  const sunday = lastDay.getUTCDate() - lastDay.getUTCDay();
  return Date.UTC(year, month, sunday, 1);
}

/** 'YYYY-MM-DD' → [year, month 1…12, day]; the caller validates the format. */
export function parseDate(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y!, m!, d!];
}

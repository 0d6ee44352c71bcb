import type { Translate } from '../../i18n/translate.ts';
import type { SiteStatus } from '../../monitor/monitor.ts';
import { describeAge, localClock, localDate } from '../../time/age.ts';

/** "1,25 p/m²": two decimals, enough to tell the Fruin classes apart. */
export function formatDensity(density: number, t: Translate): string {
  return t('crowd.densityValue', { value: Math.round(density * 100) / 100 });
}

/** Trend in words with an arrow; the arrow alone never carries the meaning. */
export function trendText(status: SiteStatus, t: Translate): string {
  if (status.trend === null) return t('crowd.trend.unknown');
  return t(`crowd.trend.${status.trend}`);
}

/** "3 min", "1 u 20 min", "174 dagen": the age of data from `thenMs` (never "4.196 u"). */
export function formatAge(nowMs: number, thenMs: number, t: Translate): string {
  const age = describeAge(nowMs, thenMs);
  switch (age.unit) {
    case 'minutes':
      return t('crowd.ageMinutes', { n: age.minutes });
    case 'hours':
      return t('crowd.ageHours', { h: age.hours, m: age.minutes });
    case 'days':
      // The date itself goes beside it, via countsMoment.
      return t(age.days === 1 ? 'crowd.ageDay' : 'crowd.ageDays', { n: age.days });
  }
}

/** When counts date from: the clock time within a day of `nowMs`, else the date with it. */
export function countsMoment(thenMs: number, nowMs: number, t: Translate): string {
  const time = localClock(thenMs);
  return Math.abs(nowMs - thenMs) < 86_400_000
    ? time
    : t('crowd.dateTime', { date: { date: localDate(thenMs) }, time });
}

import type { Translate } from '../../i18n/translate.ts';
import type { SiteStatus } from '../../monitor/monitor.ts';

/** "1,25 p/m²": two decimals, enough to tell the Fruin classes apart. */
export function formatDensity(density: number, t: Translate): string {
  return t('crowd.densityValue', { value: Math.round(density * 100) / 100 });
}

/** Trend in words with an arrow; the arrow alone never carries the meaning. */
export function trendText(status: SiteStatus, t: Translate): string {
  if (status.trend === null) return t('crowd.trend.unknown');
  return t(`crowd.trend.${status.trend}`);
}

/** "3 min" / "1 h 20 min" for the age of the data. */
export function formatAge(seconds: number, t: Translate): string {
  const minutes = Math.max(0, Math.round(seconds / 60));
  if (minutes < 60) return t('crowd.ageMinutes', { n: minutes });
  return t('crowd.ageHours', { h: Math.floor(minutes / 60), m: minutes % 60 });
}

import type { Translate } from '../../../i18n/translate.ts';
import type { CyclingRun } from '../../../scenarios/cycling/definition.ts';

const clock = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/** "08:00–09:00". */
export function hourRange(hour: number): string {
  return `${clock(hour)}–${clock(hour + 1)}`;
}

/** What the table and hotspots refer to, e.g. "werkdag, 08:00–09:00" or "hele werkdag". */
export function periodText(run: CyclingRun, t: Translate): string {
  const day = t(`scenario.cycling.day.${run.dayType ?? 'weekday'}`);
  return run.hour === undefined
    ? t('scenario.cycling.period.day', { day })
    : t('scenario.cycling.period.hour', { day, hours: hourRange(run.hour) });
}

/** The unit of trip numbers: per day for a whole-day run, per hour for an hour. */
export function tripUnit(run: CyclingRun, t: Translate): string {
  return t(run.hour === undefined ? 'scenario.cycling.tripsPerDay' : 'scenario.cycling.tripsPerHour');
}

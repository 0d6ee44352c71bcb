import type { CountingPoint, DayType } from './network-file.ts';

/**
 * Share of a day's cyclists in each hour 00:00–23:00. When a file has counts, the network-wide
 * profile is the sum of its counts per hour; these generic shapes (morning and evening commuter peaks
 * on weekdays, one broad afternoon hump at weekends) are an assumption for files without counts.
 */
const RAW: Readonly<Record<DayType, readonly number[]>> = {
  weekday: [
    0.6, 0.3, 0.2, 0.1, 0.2, 0.6, 2.0, 6.5, 9.5, 6.0, 4.8, 5.0, 5.6, 5.5, 5.4, 6.0, 7.8, 9.0, 6.4, 4.4, 3.4,
    2.8, 2.2, 1.6,
  ],
  weekend: [
    1.6, 1.0, 0.7, 0.4, 0.3, 0.3, 0.6, 1.5, 3.0, 4.8, 6.8, 8.0, 8.6, 8.8, 8.8, 8.6, 8.2, 7.4, 5.8, 4.4, 3.6,
    3.0, 2.6, 2.0,
  ],
};

export function normalise(values: readonly number[]): number[] {
  const sum = values.reduce((s, v) => s + v, 0);
  return values.map((v) => (sum > 0 ? v / sum : 1 / values.length));
}

export const DEFAULT_PROFILES: Readonly<Record<DayType, readonly number[]>> = {
  weekday: normalise(RAW.weekday),
  weekend: normalise(RAW.weekend),
};

/** The day type's hourly shares over all counting points that have it, else the default shape. */
export function networkProfile(points: readonly CountingPoint[], dayType: DayType): number[] {
  const sum = new Array<number>(24).fill(0);
  let any = false;
  for (const p of points) {
    const hourly = p[dayType];
    if (!hourly) continue;
    hourly.forEach((v, h) => (sum[h] = sum[h]! + v));
    any = true;
  }
  const total = sum.reduce((s, v) => s + v, 0);
  return any && total > 0 ? normalise(sum) : [...DEFAULT_PROFILES[dayType]];
}

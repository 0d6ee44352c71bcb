/** The bundled sample days of pedestrian counts (public/data/crowd/counting-sample-<day>.json). */
export const SAMPLE_DAYS = ['weekday', 'saturday', 'event'] as const;
export type SampleDay = (typeof SAMPLE_DAYS)[number];
/** `auto` picks the sample day that matches the app's weekday (Saturday and Sunday: Saturday). */
export const CROWD_DAYS = ['auto', ...SAMPLE_DAYS] as const;
export type CrowdDay = (typeof CROWD_DAYS)[number];

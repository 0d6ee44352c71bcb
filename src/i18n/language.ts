/** The languages the app speaks: Dutch first, English complete. */
export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

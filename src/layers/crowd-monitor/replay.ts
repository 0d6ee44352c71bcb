import type { CountingFeed } from '../../sources/crowd-counts/feed.ts';
import { seriesStartMs } from '../../sources/crowd-counts/feed.ts';
import { assessCrowd, type CrowdAssessment } from '../../monitor/monitor.ts';
import { defaultEventSettings, siteThresholds, type EventSettings } from '../../monitor/event-settings.ts';
import { amsterdamParts, localMinuteOfDay } from '../../time/amsterdam.ts';
import type { CrowdDay, SampleDay } from './days.ts';

export { CROWD_DAYS, SAMPLE_DAYS, type CrowdDay, type SampleDay } from './days.ts';

export function sampleDayFor(day: CrowdDay, appTime: number): SampleDay {
  if (day !== 'auto') return day;
  const { weekday } = amsterdamParts(appTime);
  return weekday === 6 || weekday === 0 ? 'saturday' : 'weekday';
}

/**
 * The instant on a recorded sample day with the same local clock time as `appTime`, so the sample
 * plays "as if live". A counting day starts at its first interval (05:00), so 02:00 maps to the
 * night after the sample day, not the night before it.
 */
export function replayInstant(feed: CountingFeed, appTime: number): number {
  const start = Math.min(...feed.series.map(seriesStartMs));
  if (!Number.isFinite(start)) return appTime;
  const offset = (((localMinuteOfDay(appTime) - localMinuteOfDay(start)) % 1440) + 1440) % 1440;
  return start + Math.floor(offset) * 60_000;
}

/** One assessment per feed, minute and settings: the map and the panels share it instead of each computing it. */
let cached: {
  feed: CountingFeed;
  minute: number;
  settings: EventSettings['sites'];
  assessment: CrowdAssessment;
} | null = null;
const DEFAULT_SETTINGS = defaultEventSettings();

export function assessAt(
  feed: CountingFeed,
  nowMs: number,
  settings: EventSettings = DEFAULT_SETTINGS,
): CrowdAssessment {
  const minute = Math.floor(nowMs / 60_000);
  if (cached?.feed === feed && cached.minute === minute && cached.settings === settings.sites)
    return cached.assessment;
  const assessment = assessCrowd(feed, minute * 60_000, {
    thresholdsFor: (site) => siteThresholds(settings, site),
  });
  cached = { feed, minute, settings: settings.sites, assessment };
  return assessment;
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCountingFeed, seriesStartMs } from '../../sources/crowd-counts/feed.ts';
import { assessAt, replayInstant, sampleDayFor } from './replay.ts';

const feed = parseCountingFeed(
  JSON.parse(
    readFileSync(new URL('../../../public/data/crowd/counting-sample-event.json', import.meta.url), 'utf8'),
  ),
);
const start = Math.min(...feed.series.map(seriesStartMs));
const at = (iso: string) => Date.parse(iso);

describe('replaying a sample day', () => {
  it('maps a clock time onto the sample day, the night after 05:00 onto its end', () => {
    expect(replayInstant(feed, at('2026-11-22T17:30:00+01:00')) - start).toBe((17.5 - 5) * 3_600_000);
    expect(replayInstant(feed, at('2026-11-23T02:15:00+01:00')) - start).toBe((26.25 - 5) * 3_600_000);
    expect(replayInstant(feed, at('2026-11-22T05:00:00+01:00'))).toBe(start);
  });

  it('picks the sample day by weekday unless one is chosen', () => {
    expect(sampleDayFor('auto', at('2026-11-21T12:00:00+01:00'))).toBe('saturday');
    expect(sampleDayFor('auto', at('2026-11-22T12:00:00+01:00'))).toBe('saturday');
    expect(sampleDayFor('auto', at('2026-11-23T12:00:00+01:00'))).toBe('weekday');
    expect(sampleDayFor('event', at('2026-11-23T12:00:00+01:00'))).toBe('event');
  });

  it('assesses once per minute and feed', () => {
    const now = replayInstant(feed, at('2026-11-22T18:00:20+01:00'));
    const a = assessAt(feed, now);
    expect(assessAt(feed, now + 20_000)).toBe(a);
    expect(assessAt(feed, now + 60_000)).not.toBe(a);
    expect(a.sites.length).toBe(feed.sites.length);
  });
});

/**
 * Observations of the two directions of a site → one regular series (the CountingFeed shape).
 * Counters report per interval; a late, missing or doubled report must not shift the timeline, so
 * every value is placed by its own interval start on a grid, and gaps stay null ("no data").
 */
import type { SiteSeries } from './feed.ts';
import type { Direction } from './convention.ts';

export interface IntervalCount {
  start: number;
  end: number;
  /** Persons counted, or null when the counter reported "no data". */
  value: number | null;
}

/** "start/end" → epoch ms; undefined for an instant, a duration form or anything unparsable. */
export function parseInterval(phenomenonTime: string): { start: number; end: number } | undefined {
  const parts = phenomenonTime.split('/');
  if (parts.length !== 2) return undefined;
  const start = Date.parse(parts[0]!);
  const end = Date.parse(parts[1]!);
  return Number.isFinite(start) && Number.isFinite(end) && end > start ? { start, end } : undefined;
}

export interface Aligned {
  series?: SiteSeries;
  /** Observations that could not be placed, in plain words. */
  problems: string[];
}

/** The most common interval length wins; observations of another length are left out and reported. */
export function alignSite(siteId: string, counts: Record<Direction, readonly IntervalCount[]>): Aligned {
  const problems: string[] = [];
  const all = [...counts.in, ...counts.out];
  if (all.length === 0) return { problems };
  const lengths = new Map<number, number>();
  for (const c of all) lengths.set(c.end - c.start, (lengths.get(c.end - c.start) ?? 0) + 1);
  const interval = [...lengths].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
  if (interval % 1000 !== 0)
    return { problems: [`${siteId}: intervals of ${interval} ms are not whole seconds.`] };
  const origin = Math.min(...all.filter((c) => c.end - c.start === interval).map((c) => c.start));
  const slots = { in: new Map<number, number | null>(), out: new Map<number, number | null>() };
  let last = -1;
  let offGrid = 0;
  for (const dir of ['in', 'out'] as const) {
    for (const c of counts[dir]) {
      const index = (c.start - origin) / interval;
      if (c.end - c.start !== interval || !Number.isInteger(index)) {
        offGrid++;
        continue;
      }
      // A repeated report for the same interval replaces the earlier one (a correction).
      slots[dir].set(index, c.value);
      last = Math.max(last, index);
    }
  }
  if (offGrid > 0)
    problems.push(
      `${siteId}: ${offGrid} observation(s) off the ${interval / 1000}-second grid were left out.`,
    );
  const length = last + 1;
  const column = (dir: Direction) => Array.from({ length }, (_, i) => slots[dir].get(i) ?? null);
  return {
    series: {
      siteId,
      start: new Date(origin).toISOString(),
      intervalSeconds: interval / 1000,
      in: column('in'),
      out: column('out'),
    },
    problems,
  };
}

import { z } from 'zod';

/**
 * A counting feed: the one shape that both the embedded sample days
 * (public/data/crowd/counting-sample-*.json) and the live SensorThings loader
 * (src/sources/crowd-counts) produce, and that the crowd monitor reads.
 *
 * Only aggregated counts travel in it: persons crossing a line (or a cordon around an area) per
 * interval and direction. Small counts are still raw here; the monitor suppresses them.
 */
export interface CountingSite {
  id: string;
  name: string;
  /** 'line': a counter across a street; 'area': entries and exits of a cordon around a square. */
  kind: 'line' | 'area';
  lon: number;
  lat: number;
  /** Line sites: effective walkable width at the line (m), after furniture, terraces and shy distance. */
  widthM?: number;
  /** Area sites: walkable area inside the cordon (m²). */
  areaM2?: number;
  /** The pedestrian-network link the site sits on (public/data/crowd/pedestrian-network.json). */
  linkId?: string;
  /** Moving or standing crowd: the same values as the crowd model's `CrowdKind`. */
  crowdKind: 'moving' | 'standing';
}

export interface SiteSeries {
  siteId: string;
  /** Start of the first interval, ISO 8601 with an offset ('Z' or '+02:00'). */
  start: string;
  intervalSeconds: number;
  /**
   * Persons crossing per interval in the site's "in" and "out" direction (null = no data). For area
   * sites: entries into and exits from the cordon. Both arrays have one entry per interval.
   */
  in: (number | null)[];
  out: (number | null)[];
}

export interface CountingFeedMeta {
  id: string;
  title: string;
  /** True for made-up example data: the UI must say so. */
  sample: boolean;
  /** Plain words about what the data is and is not. */
  note: string;
  licence: string;
  /** Where the counts come from (a file path or the service's base URL). */
  source: string;
  dayType?: 'weekday' | 'saturday' | 'event';
  /** What a loader had to leave out, in plain words (e.g. a Thing without a width). */
  issues?: string[];
}

export interface CountingFeed {
  meta: CountingFeedMeta;
  sites: CountingSite[];
  series: SiteSeries[];
}

const count = z.number().int('counts are whole persons').min(0, 'counts cannot be negative').nullable();

const siteSchema = z
  .object({
    id: z.string().min(1).max(120),
    name: z.string().min(1),
    kind: z.enum(['line', 'area']),
    lon: z.number().min(-180).max(180),
    lat: z.number().min(-90).max(90),
    widthM: z.number().positive('a walkable width must be more than 0 m').max(200).optional(),
    areaM2: z.number().positive('a walkable area must be more than 0 m²').optional(),
    linkId: z.string().min(1).optional(),
    crowdKind: z.enum(['moving', 'standing']),
  })
  .superRefine((site, ctx) => {
    // Without these the counts cannot become a density.
    if (site.kind === 'line' && site.widthM === undefined)
      ctx.addIssue({ code: 'custom', path: ['widthM'], message: 'a line site needs widthM' });
    if (site.kind === 'area' && site.areaM2 === undefined)
      ctx.addIssue({ code: 'custom', path: ['areaM2'], message: 'an area site needs areaM2' });
  });

const seriesSchema = z
  .object({
    siteId: z.string().min(1),
    start: z.iso.datetime({ offset: true }),
    intervalSeconds: z.number().int().min(1).max(86_400),
    in: z.array(count),
    out: z.array(count),
  })
  .refine((s) => s.in.length === s.out.length, {
    path: ['out'],
    message: '"in" and "out" need one entry per interval each',
  });

export const countingFeedSchema: z.ZodType<CountingFeed> = z
  .object({
    meta: z.object({
      id: z.string().min(1),
      title: z.string(),
      sample: z.boolean(),
      note: z.string(),
      licence: z.string(),
      source: z.string(),
      dayType: z.enum(['weekday', 'saturday', 'event']).optional(),
      issues: z.array(z.string()).optional(),
    }),
    sites: z.array(siteSchema),
    series: z.array(seriesSchema),
  })
  .superRefine((feed, ctx) => {
    const sites = new Set<string>();
    feed.sites.forEach((s, i) => {
      if (sites.has(s.id))
        ctx.addIssue({ code: 'custom', path: ['sites', i, 'id'], message: `duplicate site "${s.id}"` });
      sites.add(s.id);
    });
    const withSeries = new Set<string>();
    feed.series.forEach((s, i) => {
      if (!sites.has(s.siteId))
        ctx.addIssue({
          code: 'custom',
          path: ['series', i, 'siteId'],
          message: `unknown site "${s.siteId}"`,
        });
      // One timeline per site keeps the cordon accumulation unambiguous.
      if (withSeries.has(s.siteId))
        ctx.addIssue({
          code: 'custom',
          path: ['series', i, 'siteId'],
          message: `a second series for "${s.siteId}"`,
        });
      withSeries.add(s.siteId);
    });
  });

/** Validates a feed (e.g. a fetched sample file); throws with every problem and where it is. */
export function parseCountingFeed(input: unknown): CountingFeed {
  const r = countingFeedSchema.safeParse(input);
  if (!r.success) throw new Error(`not a valid counting feed:\n${z.prettifyError(r.error)}`);
  return r.data;
}

/** Epoch ms of a series' first interval start. */
export function seriesStartMs(series: SiteSeries): number {
  return Date.parse(series.start);
}

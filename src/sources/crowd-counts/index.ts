/**
 * Live pedestrian counts from a city's OGC SensorThings service, read by the convention in
 * convention.ts and returned as a CountingFeed (the shape the crowd monitor and the sample days
 * share), with provenance. Built on the generic SensorThings client: paging by `@iot.nextLink`,
 * retries, cache and SourceError all come from there.
 *
 * One silent counter must not hide the others: a failing observation request becomes an issue in
 * `meta.issues` (and the result's `warning`), while a failing Things request fails the whole feed.
 */
import { z } from 'zod';
import type { CountingFeed, CountingSite, SiteSeries } from './feed.ts';
import { translator } from '../../i18n/translate.ts';
import { getCatalogEntry } from '../catalog.ts';
import type { HttpClient } from '../http/client.ts';
import { SourceError, isSourceError } from '../http/errors.ts';
import type { SourceResult } from '../provenance.ts';
import { createSensorThingsClient, type SensorThingsClient } from '../sensorthings/client.ts';
import { iotId } from '../sensorthings/schema.ts';
import type { LoadOptions } from '../types.ts';
import { alignSite, parseInterval, type IntervalCount } from './align.ts';
import { readThing, type Direction, type SiteStreams } from './convention.ts';
import { mapLimited } from '../http/map-limited.ts';

export const SOURCE_ID = 'crowd-counts';

export { directionOf, readThing, type SiteStreams } from './convention.ts';

/** One interval count as a SensorThings Observation; `result` must be a count or null. */
export const countObservationSchema = z.looseObject({
  '@iot.id': iotId.optional(),
  phenomenonTime: z.string(),
  result: z.number().int('a count is a whole number').min(0, 'a count cannot be negative').nullable(),
});

export interface SitesOptions extends LoadOptions {
  /** Extra OData filter on Things, e.g. "properties/project eq 'binnenstad'". */
  filter?: string;
  maxSites?: number;
}

export interface CrowdSites {
  sites: SiteStreams[];
  /** Counting Things that could not be used, in plain words. */
  issues: string[];
}

export interface FeedOptions extends SitesOptions {
  /** Epoch ms: only intervals from here on (for area sites: a known empty moment, e.g. 05:00). */
  since: number;
  /** Epoch ms: only intervals before this. */
  until?: number;
  maxObservationsPerStream?: number;
  /** Parallel observation requests. */
  concurrency?: number;
}

export interface CrowdCountsOptions {
  /** The service root, e.g. https://sensors.example.nl/FROST-Server/v1.1 */
  baseUrl: string;
  http?: HttpClient;
  /** Title and licence of this service for the feed's meta (default: the catalog entry). */
  title?: string;
  licence?: string;
}

/** The oldest fetch decides the age; a stale part makes the whole stale. */
function mergeProvenance<T>(data: T, first: SourceResult<unknown>, rest: readonly SourceResult<unknown>[]) {
  const provenance = { ...first.provenance };
  let warning = first.warning;
  for (const r of rest) {
    if (Date.parse(r.provenance.fetchedAt) < Date.parse(provenance.fetchedAt))
      provenance.fetchedAt = r.provenance.fetchedAt;
    if (r.provenance.stale && !provenance.stale) provenance.stale = r.provenance.stale;
    warning ??= r.warning;
  }
  const out: SourceResult<T> = { data, provenance };
  if (warning) out.warning = warning;
  return out;
}

export function createCrowdCounts(options: CrowdCountsOptions) {
  const st: SensorThingsClient = createSensorThingsClient({
    sourceId: SOURCE_ID,
    baseUrl: options.baseUrl,
    ...(options.http ? { http: options.http } : {}),
    // A control room refreshes every minute or so: a five-minute cache would hide new counts.
    policy: { ttlMs: 30_000 },
  });
  const entry = getCatalogEntry(SOURCE_ID);

  /** The counting sites and their Datastreams (one request, paged). */
  async function sites(opts: SitesOptions = {}): Promise<SourceResult<CrowdSites>> {
    const r = await st.things(
      {
        expand: 'Locations,Datastreams($expand=ObservedProperty)',
        ...(opts.filter ? { filter: opts.filter } : {}),
      },
      { ...opts, maxItems: opts.maxSites ?? 1_000 },
    );
    const found: SiteStreams[] = [];
    const issues: string[] = [];
    const ids = new Set<string>();
    for (const thing of r.data) {
      const reading = readThing(thing);
      if ('ignore' in reading) continue;
      if ('skip' in reading) {
        issues.push(reading.skip);
        continue;
      }
      if (ids.has(reading.ok.site.id)) {
        issues.push(`Two Things use siteId "${reading.ok.site.id}"; the second was left out.`);
        continue;
      }
      ids.add(reading.ok.site.id);
      found.push(reading.ok);
    }
    return { ...r, data: { sites: found, issues } };
  }

  async function stream(
    id: string,
    opts: FeedOptions,
  ): Promise<SourceResult<z.infer<typeof countObservationSchema>[]>> {
    const time = [`phenomenonTime ge ${new Date(opts.since).toISOString()}`];
    if (opts.until !== undefined) time.push(`phenomenonTime lt ${new Date(opts.until).toISOString()}`);
    return st.list(
      `Datastreams(${id})/Observations`,
      countObservationSchema,
      { filter: time.join(' and '), orderby: 'phenomenonTime asc', top: 1_000 },
      { ...opts, maxItems: opts.maxObservationsPerStream ?? 3_000 },
    );
  }

  /** Sites plus their counts since `opts.since`, as one CountingFeed. */
  async function feed(opts: FeedOptions): Promise<SourceResult<CountingFeed>> {
    const listed = await sites(opts);
    if (listed.data.sites.length === 0) {
      throw new SourceError({
        kind: 'empty',
        sourceId: SOURCE_ID,
        url: listed.provenance.url,
        detail: `no usable counting sites${listed.data.issues.length ? `: ${listed.data.issues.join(' ')}` : ''}`,
      });
    }
    const jobs = listed.data.sites.flatMap((s) => (['in', 'out'] as const).map((dir) => ({ s, dir })));
    // Per job, so issues and warnings come out in site order whatever order the answers arrive in.
    const results: (SourceResult<unknown> | undefined)[] = jobs.map(() => undefined);
    const jobIssues: string[][] = jobs.map(() => []);
    const counts = new Map<string, Record<Direction, IntervalCount[]>>();
    for (const { s } of jobs) counts.set(s.site.id, { in: [], out: [] });
    await mapLimited(
      jobs.map((job, i) => ({ ...job, i })),
      opts.concurrency ?? 4,
      async ({ s, dir, i }) => {
        try {
          const r = await stream(s.streams[dir], opts);
          results[i] = r;
          let unreadable = 0;
          for (const o of r.data) {
            const interval = parseInterval(o.phenomenonTime);
            if (interval) counts.get(s.site.id)![dir].push({ ...interval, value: o.result });
            else unreadable++;
          }
          if (unreadable > 0)
            jobIssues[i]!.push(
              `${s.site.id} ${dir}: ${unreadable} observation(s) without a "start/end" phenomenonTime were left out.`,
            );
        } catch (e) {
          if (isSourceError(e) && e.kind === 'aborted') throw e;
          jobIssues[i]!.push(
            `${s.site.id} ${dir}: no counts (${e instanceof Error ? e.message : String(e)}).`,
          );
          if (isSourceError(e)) results[i] = { data: null, provenance: listed.provenance, warning: e };
        }
      },
    );
    const issues = [...listed.data.issues, ...jobIssues.flat()];
    const parts = results.filter((r): r is SourceResult<unknown> => r !== undefined);

    const series: SiteSeries[] = [];
    for (const { site } of listed.data.sites) {
      const aligned = alignSite(site.id, counts.get(site.id)!);
      issues.push(...aligned.problems);
      if (aligned.series) series.push(aligned.series);
    }
    const sitesOut: CountingSite[] = listed.data.sites.map((s) => s.site);
    const data: CountingFeed = {
      meta: {
        id: SOURCE_ID,
        title: options.title ?? (entry ? translator('en')(entry.titleKey) : 'Pedestrian counts'),
        sample: false,
        note:
          'Live pedestrian counts (persons per interval and direction) from a SensorThings service. Only ' +
          'aggregated counts; the monitor hides counts below its privacy threshold.',
        licence: options.licence ?? entry?.licence ?? 'unknown',
        source: options.baseUrl,
        ...(issues.length ? { issues } : {}),
      },
      sites: sitesOut,
      series,
    };
    return mergeProvenance(data, listed, parts);
  }

  return { sites, feed, client: st };
}

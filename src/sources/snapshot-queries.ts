/**
 * What each snapshot-backed source is asked for, and the schema of what it returns. Pure (no
 * deck.gl), so the live layers and the snapshot builder (`scripts/snapshots`) make exactly the same
 * calls through the same parsers. A source-backed layer names its source by id; this table gives
 * its query, and its types come from the source's own zod schema.
 */
import { z } from 'zod';
import type { HttpClient } from './http/client.ts';
import { buurtSchema, createCbsWijkenBuurten } from './ogc-features/cbs-wijkenbuurten.ts';
import { bgtTreeSchema, createPdokBgt } from './ogc-features/pdok-bgt.ts';
import type { SourceResult } from './provenance.ts';
import { airSensorSchema, createSamenMeten } from './samen-meten/index.ts';
import { createTelraam, telraamSegmentSchema } from './telraam/index.ts';
import type { BBox, LoadOptions } from './types.ts';

/** Central Utrecht (Jaarbeurs to Maliesingel), the area of the embedded sample, in WGS84. */
export const CENTRE_BBOX: BBox = [5.1, 52.083, 5.135, 52.098];

/** Calibrated PM2.5 first, the raw sensor value otherwise. */
export const PM25_PROPERTIES = ['pm25_kal', 'pm25'] as const;

interface SnapshotQuery<T> {
  /** Validates the snapshot file's data: it is our own file, but still read from the network. */
  schema: z.ZodType<T>;
  query: (opts: LoadOptions, http?: HttpClient) => Promise<SourceResult<T>>;
}

const withHttp = (http: HttpClient | undefined) => (http ? { http } : {});

/** Ties a query to its schema, so what it returns is what the snapshot must hold. */
function snapshotOf<T>(schema: z.ZodType<T>, query: SnapshotQuery<T>['query']): SnapshotQuery<T> {
  return { schema, query };
}

export const SNAPSHOT_QUERIES = {
  // One extra request per sensor for its latest value: capped so a busy city stays quick.
  'samen-meten': snapshotOf(z.array(airSensorSchema), (opts, http) =>
    createSamenMeten(withHttp(http)).sensors({ ...opts, latestOf: PM25_PROPERTIES, maxSensors: 300 }),
  ),
  'pdok-bgt': snapshotOf(z.array(bgtTreeSchema), (opts, http) =>
    createPdokBgt(withHttp(http)).trees(CENTRE_BBOX, { ...opts, maxFeatures: 5000 }),
  ),
  'cbs-wijkenbuurten': snapshotOf(z.array(buurtSchema), (opts, http) =>
    createCbsWijkenBuurten(withHttp(http)).buurten('GM0344', opts),
  ),
  telraam: snapshotOf(z.array(telraamSegmentSchema), (opts, http) =>
    createTelraam(withHttp(http)).segments(opts),
  ),
};

export type SnapshotSource = keyof typeof SNAPSHOT_QUERIES;
export const SNAPSHOT_SOURCES = Object.keys(SNAPSHOT_QUERIES) as [SnapshotSource, ...SnapshotSource[]];

/** The data each snapshot source gives, as its schema describes it. */
export type SourceData = {
  [S in SnapshotSource]: (typeof SNAPSHOT_QUERIES)[S] extends SnapshotQuery<infer T> ? T : never;
};

/** A source's query with its data type kept (TypeScript loses it when indexing the table). */
export function snapshotQuery<S extends SnapshotSource>(source: S): SnapshotQuery<SourceData[S]> {
  return SNAPSHOT_QUERIES[source] as unknown as SnapshotQuery<SourceData[S]>;
}

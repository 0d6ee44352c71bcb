/**
 * What each source-backed layer asks its source for. Pure (no deck.gl), so the live layers and the
 * snapshot builder (`scripts/snapshots`) make exactly the same calls through the same parsers.
 */
import type { HttpClient } from './http/client.ts';
import { createCbsWijkenBuurten, type Buurt } from './ogc-features/cbs-wijkenbuurten.ts';
import { createPdokBgt, type BgtTree } from './ogc-features/pdok-bgt.ts';
import type { SourceResult } from './provenance.ts';
import { createSamenMeten, type AirSensor } from './samen-meten/index.ts';
import { createTelraam, type TelraamSegment } from './telraam/index.ts';
import type { BBox, LoadOptions } from './types.ts';
import type { SnapshotSource } from './snapshot.ts';

/** Central Utrecht (Jaarbeurs to Maliesingel), the area of the embedded sample, in WGS84. */
export const CENTRE_BBOX: BBox = [5.1, 52.083, 5.135, 52.098];

/** Calibrated PM2.5 first, the raw sensor value otherwise. */
export const PM25_PROPERTIES = ['pm25_kal', 'pm25'] as const;

export interface SourceData {
  'samen-meten': AirSensor[];
  'pdok-bgt': BgtTree[];
  'cbs-wijkenbuurten': Buurt[];
  telraam: TelraamSegment[];
}

type Query<S extends SnapshotSource> = (
  opts: LoadOptions,
  http?: HttpClient,
) => Promise<SourceResult<SourceData[S]>>;

const withHttp = (http: HttpClient | undefined) => (http ? { http } : {});

export const SOURCE_QUERIES: { [S in SnapshotSource]: Query<S> } = {
  // One extra request per sensor for its latest value: capped so a busy city stays quick.
  'samen-meten': (opts, http) =>
    createSamenMeten(withHttp(http)).sensors({ ...opts, latestOf: PM25_PROPERTIES, maxSensors: 300 }),
  'pdok-bgt': (opts, http) =>
    createPdokBgt(withHttp(http)).trees(CENTRE_BBOX, { ...opts, maxFeatures: 5000 }),
  'cbs-wijkenbuurten': (opts, http) => createCbsWijkenBuurten(withHttp(http)).buurten('GM0344', opts),
  telraam: (opts, http) => createTelraam(withHttp(http)).segments(opts),
};

/**
 * RIVM Samen Meten (citizen air-quality sensors) on top of the generic SensorThings client:
 * Things in one municipality with their Locations and Datastreams expanded, normalised to one
 * record per sensor. `codegemeente` has no leading zero ('344' for Utrecht).
 */
import { endpoints } from '../../config/endpoints.ts';
import { isSourceError } from '../http/errors.ts';
import type { HttpClient } from '../http/client.ts';
import { createSensorThingsClient, locationLonLat, odataString } from '../sensorthings/client.ts';
import type { Datastream, Thing } from '../sensorthings/schema.ts';
import type { SourceResult } from '../provenance.ts';
import type { LoadOptions } from '../types.ts';
import { mapLimited } from '../http/map-limited.ts';
import { z } from 'zod';

export const SOURCE_ID = 'samen-meten';

const sensorDatastreamSchema = z.object({
  id: z.string(),
  /** e.g. pm25, pm25_kal (calibrated), pm10, pm10_kal, temp, rh, no2. */
  observedProperty: z.string(),
  unit: z.string().optional(),
});
export type SensorDatastream = z.infer<typeof sensorDatastreamSchema>;

/** What the loader returns per sensor; also validates the embedded snapshot (public/data/snapshots). */
export const airSensorSchema = z.object({
  sensorId: z.string(),
  name: z.string(),
  lon: z.number(),
  lat: z.number(),
  datastreams: z.array(sensorDatastreamSchema),
  latest: z.object({ time: z.string(), value: z.number(), observedProperty: z.string() }).optional(),
  /** Thing properties as sent (owner, project, knmicode, …). */
  properties: z.record(z.string(), z.unknown()),
});
export type AirSensor = z.infer<typeof airSensorSchema>;

export interface SensorsOptions extends LoadOptions {
  /** CBS code without leading zeros; Utrecht by default. */
  codegemeente?: string;
  maxSensors?: number;
  /**
   * Fetch the newest value of the first datastream matching one of these properties, in order of
   * preference (e.g. ['pm25_kal', 'pm25']). One extra request per sensor, so opt-in.
   */
  latestOf?: readonly string[];
  /** Parallel requests for `latestOf`. */
  concurrency?: number;
}

/** Samen Meten names datastreams "<device>-<n>-<quantity>"; the quantity is the last part (MED). */
export function observedPropertyOf(ds: Datastream): string {
  if (ds.ObservedProperty?.name) return ds.ObservedProperty.name;
  const parts = ds.name.split('-');
  return parts[parts.length - 1] ?? ds.name;
}

function normalise(thing: Thing): AirSensor | undefined {
  const point = (thing.Locations ?? []).map(locationLonLat).find((p) => p !== undefined);
  // A sensor we cannot place is of no use on the map.
  if (!point) return undefined;
  return {
    sensorId: String(thing['@iot.id']),
    name: thing.name,
    lon: point[0],
    lat: point[1],
    datastreams: (thing.Datastreams ?? []).map((ds) => {
      const out: SensorDatastream = { id: String(ds['@iot.id']), observedProperty: observedPropertyOf(ds) };
      const unit = ds.unitOfMeasurement?.symbol;
      if (unit) out.unit = unit;
      return out;
    }),
    properties: thing.properties ?? {},
  };
}

export function createSamenMeten(options: { baseUrl?: string; http?: HttpClient } = {}) {
  const st = createSensorThingsClient({
    sourceId: SOURCE_ID,
    baseUrl: options.baseUrl ?? endpoints.samenMeten,
    ...(options.http ? { http: options.http } : {}),
  });

  async function sensors(opts: SensorsOptions = {}): Promise<SourceResult<AirSensor[]>> {
    const r = await st.things(
      {
        filter: `properties/codegemeente eq ${odataString(opts.codegemeente ?? '344')}`,
        expand: 'Locations,Datastreams',
      },
      { ...opts, maxItems: opts.maxSensors ?? 2_000 },
    );
    // Always asked to expand; a server that does not (or pages the expansion) is followed, so
    // sensors are never silently lost.
    const things = await st.completeThings(r.data, opts);
    const list = things.map(normalise).filter((s): s is AirSensor => s !== undefined);
    const wanted = opts.latestOf;
    if (wanted?.length) {
      await mapLimited(list, opts.concurrency ?? 4, async (sensor) => {
        const ds = wanted
          .map((p) => sensor.datastreams.find((d) => d.observedProperty === p))
          .find((d) => d !== undefined);
        if (!ds) return;
        try {
          const latest = await st.latestObservation(ds.id, opts);
          const obs = latest.data;
          if (obs && typeof obs.result === 'number') {
            sensor.latest = {
              time: obs.phenomenonTime,
              value: obs.result,
              observedProperty: ds.observedProperty,
            };
          }
        } catch (e) {
          // One silent sensor must not hide all the others; only a user abort stops the lot.
          if (isSourceError(e) && e.kind === 'aborted') throw e;
        }
      });
    }
    return { ...r, data: list };
  }

  return { sensors, client: st };
}

export {
  createSensorThingsClient,
  entityKey,
  locationLonLat,
  odataString,
  type ListOptions,
  type ODataQuery,
  type SensorThingsClient,
} from './client.ts';
export {
  collectionSchema,
  datastreamSchema,
  locationSchema,
  observationSchema,
  thingSchema,
  type Datastream,
  type Observation,
  type SensorLocation,
  type Thing,
} from './schema.ts';

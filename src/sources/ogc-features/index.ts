export {
  createOgcFeaturesClient,
  mapGeometry,
  CRS84,
  RD_NEW_URI,
  type CrsName,
  type FeatureSet,
  type ItemsOptions,
  type OgcFeature,
  type OgcFeaturesClient,
} from './client.ts';
export {
  featureCollectionSchema,
  featureSchema,
  geometrySchema,
  anyProperties,
  type Geometry,
} from './schema.ts';
export {
  createPdokBag,
  splitGebruiksdoel,
  bagPandProperties,
  BAG_SOURCE_ID,
  type BagPandProperties,
} from './pdok-bag.ts';
export {
  createPdokBgt,
  BGT_SOURCE_ID,
  type BgtArea,
  type BgtAreaCollection,
  type BgtTree,
} from './pdok-bgt.ts';
export { createCbsWijkenBuurten, cbsNumber, CBS_SOURCE_ID, type Buurt } from './cbs-wijkenbuurten.ts';

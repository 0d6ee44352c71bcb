import { airQualityLayer } from './air-quality/definition.ts';
import { bgtTreesLayer } from './bgt-trees/definition.ts';
import { cbsBuurtenLayer } from './cbs-buurten/definition.ts';
import { crowdSampleLayer } from './crowd-sample/definition.ts';
import { telraamBikesLayer } from './telraam-bikes/definition.ts';
import { LAYER_IDS, type LayerId } from './layer-ids.ts';
import type { RegisteredLayer } from './layer-types.ts';

/** Every layer kind, by id. Adding a layer: its definition here and its id in layer-ids.ts. */
export const LAYER_REGISTRY: Record<LayerId, RegisteredLayer> = {
  'crowd-sample': crowdSampleLayer,
  'air-quality': airQualityLayer,
  'bgt-trees': bgtTreesLayer,
  'cbs-buurten': cbsBuurtenLayer,
  'telraam-bikes': telraamBikesLayer,
};

/** Definitions in panel order. */
export function registeredLayers(): RegisteredLayer[] {
  return LAYER_IDS.map((id) => LAYER_REGISTRY[id]);
}

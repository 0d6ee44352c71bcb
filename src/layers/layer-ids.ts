/**
 * The ids of every layer kind in the registry, in panel order. Kept apart from the definitions
 * (which pull in deck.gl) so the URL codec and stores can validate ids without loading layers.
 */
export const LAYER_IDS = [
  'crowd-sample',
  'air-quality',
  'bgt-trees',
  'cbs-buurten',
  'telraam-bikes',
] as const;
export type LayerId = (typeof LAYER_IDS)[number];

export function isLayerId(id: string): id is LayerId {
  return (LAYER_IDS as readonly string[]).includes(id);
}

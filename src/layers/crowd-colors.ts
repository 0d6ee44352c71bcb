import { FRUIN_WALKWAY_BOUNDS } from '../scenarios/crowd/fruin.ts';
import type { LegendSpec, Rgba } from './layer-types.ts';

/** Fruin walkway LoS A…F: blue (room to walk) through yellow to dark red (jammed). */
export const LOS_COLORS: readonly Rgba[] = [
  [49, 104, 172, 255],
  [116, 173, 209, 255],
  [254, 224, 144, 255],
  [253, 174, 97, 255],
  [230, 85, 50, 255],
  [150, 0, 40, 255],
];

export const LOS_LEGEND: LegendSpec = {
  quantityKey: 'scenario.crowd.legendLos',
  unitKey: 'scenario.crowd.unitDensity',
  sizeNoteKey: 'scenario.crowd.legendWidth',
  classes: LOS_COLORS.map((color, i) => ({
    from: i === 0 ? 0 : FRUIN_WALKWAY_BOUNDS[i - 1]!,
    to: FRUIN_WALKWAY_BOUNDS[i] ?? null,
    color,
  })),
};

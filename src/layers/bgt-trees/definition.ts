import { COORDINATE_SYSTEM } from '@deck.gl/core';
import { ScatterplotLayer } from '@deck.gl/layers';
import { toOverlayPosition } from '../../overlay/frame.ts';
import type { BgtTree } from '../../sources/ogc-features/pdok-bgt.ts';
import type { LegendSpec } from '../layer-types.ts';
import { defineSourceLayer } from '../source-layer/define.ts';

/** BGT tree points: the BGT records where a tree stands, not its species or size, so one colour. */
export const TREE_LEGEND: LegendSpec = {
  quantityKey: 'layer.bgt-trees.quantity',
  unitKey: 'layer.bgt-trees.unit',
  classes: [{ from: 0, to: null, color: [46, 125, 50, 255], labelKey: 'layer.bgt-trees.class' }],
};

interface TreeFeature {
  tree: BgtTree;
  position: [number, number, number];
}

export const bgtTreesLayer = defineSourceLayer({
  id: 'bgt-trees',
  sourceId: 'pdok-bgt',
  titleKey: 'layer.bgt-trees.title',
  descriptionKey: 'layer.bgt-trees.description',
  legend: TREE_LEGEND,
  source: {
    nameKey: 'layer.bgt-trees.source',
    sample: false,
    dataDate: '2026-08-20',
  },
  time: { aware: false },
  occlusion: 'ground',
  prepare: (trees): TreeFeature[] =>
    trees.map((tree) => ({ tree, position: toOverlayPosition(tree.lon, tree.lat, 0) })),

  render: (features, { opacity }) => ({
    ground: [
      new ScatterplotLayer<TreeFeature>({
        id: 'bgt-trees-points',
        data: features,
        coordinateSystem: COORDINATE_SYSTEM.CARTESIAN,
        getPosition: (f) => f.position,
        // A typical street-tree crown; a floor in pixels keeps far trees visible.
        getRadius: 3,
        radiusUnits: 'meters',
        radiusMinPixels: 2,
        getFillColor: TREE_LEGEND.classes[0]!.color,
        getLineColor: [255, 255, 255, 200],
        lineWidthMinPixels: 0.5,
        stroked: true,
        opacity,
        pickable: true,
      }),
    ],
  }),

  describe: (object, { t }) => {
    const tree = (object as Partial<TreeFeature> | null)?.tree;
    if (!tree) return null;
    return {
      title: t('layer.bgt-trees.class'),
      rows: [
        { label: t('layer.bgt-trees.id'), value: tree.id },
        { label: t('layer.bgt-trees.position'), value: `${tree.lat.toFixed(6)}, ${tree.lon.toFixed(6)}` },
      ],
    };
  },
});

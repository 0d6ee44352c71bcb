import { COORDINATE_SYSTEM } from '@deck.gl/core';
import { PolygonLayer } from '@deck.gl/layers';
import { toOverlayPosition } from '../../overlay/frame.ts';
import type { Buurt } from '../../sources/ogc-features/cbs-wijkenbuurten.ts';
import type { Geometry } from '../../sources/ogc-features/schema.ts';
import type { LegendSpec, Rgba } from '../layer-types.ts';
import { colorFor } from '../legend.ts';
import { defineSourceLayer } from '../source-layer/define.ts';

/** The CBS figure the buurten are shaded by: addresses per km² around them ("stedelijkheid"). */
export const DENSITY_FIELD = 'omgevingsadressendichtheid';

/** CBS's own urbanity classes (addresses/km²): 5 = not urban (< 500) … 1 = very strongly urban (≥ 2500). */
export const DENSITY_LEGEND: LegendSpec = {
  quantityKey: 'layer.cbs-buurten.quantity',
  unitKey: 'layer.cbs-buurten.unit',
  sizeNoteKey: 'layer.cbs-buurten.noValue',
  classes: [
    { from: 0, to: 500, color: [237, 248, 251, 255] },
    { from: 500, to: 1000, color: [179, 205, 227, 255] },
    { from: 1000, to: 1500, color: [140, 150, 198, 255] },
    { from: 1500, to: 2500, color: [136, 86, 167, 255] },
    { from: 2500, to: null, color: [129, 15, 124, 255] },
  ],
};

const NO_VALUE: Rgba = [200, 200, 200, 255];

interface BuurtPolygon {
  buurt: Buurt;
  /** Outer ring then holes, in the overlay frame. */
  rings: [number, number, number][][];
}

/** One entry per polygon (a MultiPolygon buurt gives several), rings converted once. */
export function buurtPolygons(buurten: readonly Buurt[]): BuurtPolygon[] {
  const toRing = (ring: number[][]) => ring.map((p) => toOverlayPosition(p[0] ?? NaN, p[1] ?? NaN, 0));
  const polygonsOf = (g: Geometry | null): number[][][][] =>
    g?.type === 'Polygon' ? [g.coordinates] : g?.type === 'MultiPolygon' ? g.coordinates : [];
  return buurten.flatMap((buurt) =>
    polygonsOf(buurt.geometry).map((polygon) => ({ buurt, rings: polygon.map(toRing) })),
  );
}

function densityOf(buurt: Buurt): number | null {
  return buurt.stats[DENSITY_FIELD] ?? null;
}

export const cbsBuurtenLayer = defineSourceLayer({
  id: 'cbs-buurten',
  sourceId: 'cbs-wijkenbuurten',
  titleKey: 'layer.cbs-buurten.title',
  descriptionKey: 'layer.cbs-buurten.description',
  legend: DENSITY_LEGEND,
  source: {
    nameKey: 'layer.cbs-buurten.source',
    sample: false,
    dataDate: '2026-08-20',
  },
  time: { aware: false },
  occlusion: 'ground',
  prepare: buurtPolygons,

  render: (polygons, { opacity }) => ({
    ground: [
      new PolygonLayer<BuurtPolygon>({
        id: 'cbs-buurten-areas',
        data: polygons,
        coordinateSystem: COORDINATE_SYSTEM.CARTESIAN,
        getPolygon: (p) => p.rings,
        // A light fill keeps the ground readable; the outline is what shows the boundary.
        getFillColor: (p) => {
          const density = densityOf(p.buurt);
          const [r, g, b] = density === null ? NO_VALUE : colorFor(DENSITY_LEGEND, density);
          return [r, g, b, 110];
        },
        getLineColor: [60, 40, 90, 255],
        getLineWidth: 3,
        lineWidthUnits: 'meters',
        lineWidthMinPixels: 1.5,
        stroked: true,
        filled: true,
        opacity,
        pickable: true,
      }),
    ],
  }),

  describe: (object, { t }) => {
    const buurt = (object as Partial<BuurtPolygon> | null)?.buurt;
    if (!buurt) return null;
    const number = (key: string) => {
      const v = buurt.stats[key];
      return v === null || v === undefined ? t('layer.cbs-buurten.secret') : t('layer.number', { value: v });
    };
    return {
      title: buurt.buurtnaam ?? buurt.buurtcode,
      rows: [
        { label: t('layer.cbs-buurten.code'), value: buurt.buurtcode },
        { label: t('layer.cbs-buurten.quantity'), value: number(DENSITY_FIELD) },
        { label: t('layer.cbs-buurten.inhabitants'), value: number('aantal_inwoners') },
      ],
    };
  },
});

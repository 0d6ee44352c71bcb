import { COORDINATE_SYSTEM } from '@deck.gl/core';
import { ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { MessageKey } from '../../i18n/nl.ts';
import { toOverlayPosition } from '../../overlay/frame.ts';
import { formatWallClock } from '../../time/time-model.ts';
import { colorFor } from '../legend.ts';
import { defineLayer, type LegendSpec } from '../layer-types.ts';
import { fetchJsonWithProgress } from '../load-json.ts';
import { countAt, parseCrowdFile, type CrowdFeature, type CrowdFile } from './crowd-model.ts';
import { LABEL_STYLE } from '../label-style.ts';

const DATA_URL = '/data/layers/crowd-sample.json';

export const CROWD_LEGEND: LegendSpec = {
  quantityKey: 'layer.crowd-sample.quantity',
  unitKey: 'layer.crowd-sample.unit',
  sizeNoteKey: 'layer.crowd-sample.sizeNote',
  // Sequential yellow→dark red: readable for the common colour-vision deficiencies.
  classes: [
    { from: 0, to: 250, color: [255, 237, 160, 255] },
    { from: 250, to: 750, color: [254, 178, 76, 255] },
    { from: 750, to: 1500, color: [253, 141, 60, 255] },
    { from: 1500, to: 3000, color: [227, 26, 28, 255] },
    { from: 3000, to: null, color: [128, 0, 38, 255] },
  ],
};

interface CrowdData {
  file: CrowdFile;
  /** Positions converted once (float64) when loaded, not per time step. */
  positions: Map<string, [number, number, number]>;
}

/** Circle radius (m): area grows with the count, with a floor so quiet points stay visible. */
export function crowdRadius(count: number): number {
  return 6 + 0.55 * Math.sqrt(count);
}

export const crowdSampleLayer = defineLayer<CrowdData>({
  id: 'crowd-sample',
  titleKey: 'layer.crowd-sample.title',
  descriptionKey: 'layer.crowd-sample.description',
  legend: CROWD_LEGEND,
  source: {
    nameKey: 'layer.crowd-sample.source',
    licence: 'CC0-1.0',
    licenceUrl: 'https://creativecommons.org/publicdomain/zero/1.0/',
    sample: true,
    dataDate: '2026-11-22',
  },
  time: {
    aware: true,
    steps: { history: { minutes: 60 }, forecast: { minutes: 60 }, planning: { years: 1 } },
  },
  occlusion: 'ground',

  load: async (signal, onProgress) => {
    const file = parseCrowdFile(await fetchJsonWithProgress(DATA_URL, signal, onProgress));
    const positions = new Map(file.points.map((p) => [p.id, toOverlayPosition(p.lon, p.lat, 0)]));
    return { file, positions };
  },

  render: ({ file, positions }, { time, opacity }) => {
    const features: CrowdFeature[] = file.points.map((point) => ({
      point,
      position: positions.get(point.id)!,
      count: countAt(file, point, time),
    }));
    // The hour is all that changes the counts: it keys attribute updates so scrubbing is cheap.
    const hourKey = formatWallClock(time).slice(0, 13);
    return {
      ground: [
        new ScatterplotLayer<CrowdFeature>({
          id: 'crowd-sample-circles',
          data: features,
          coordinateSystem: COORDINATE_SYSTEM.CARTESIAN,
          getPosition: (f) => f.position,
          getRadius: (f) => crowdRadius(f.count),
          getFillColor: (f) => colorFor(CROWD_LEGEND, f.count),
          getLineColor: [255, 255, 255, 255],
          lineWidthMinPixels: 1,
          stroked: true,
          radiusUnits: 'meters',
          opacity,
          pickable: true,
          updateTriggers: { getRadius: hourKey, getFillColor: hourKey },
        }),
      ],
      none: [
        // Names are labels: always readable, so they take the cheap path over the buildings.
        new TextLayer<CrowdFeature>({
          id: 'crowd-sample-labels',
          data: features,
          coordinateSystem: COORDINATE_SYSTEM.CARTESIAN,
          getPosition: (f) => f.position,
          getText: (f) => f.point.name,
          getSize: 13,
          ...LABEL_STYLE,
          getColor: [40, 40, 40, 255],
          getPixelOffset: [0, -14],
          opacity: Math.max(opacity, 0.6),
          pickable: false,
        }),
      ],
    };
  },

  describe: (object, { t, time }) => {
    const feature = object as Partial<CrowdFeature> | null;
    if (!feature?.point || typeof feature.count !== 'number') return null;
    return {
      title: feature.point.name,
      rows: [
        { label: t('layer.crowd-sample.count'), value: String(feature.count) },
        { label: t('layer.crowd-sample.at'), value: formatWallClock(time).replace('T', ' ') },
        {
          label: t('layer.crowd-sample.place'),
          value: t(`layer.crowd-sample.profile.${feature.point.profile}` as MessageKey),
        },
      ],
    };
  },
});

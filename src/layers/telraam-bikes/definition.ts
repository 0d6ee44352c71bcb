import { COORDINATE_SYSTEM } from '@deck.gl/core';
import { PathLayer } from '@deck.gl/layers';
import { toOverlayPosition } from '../../overlay/frame.ts';
import type { TelraamSegment } from '../../sources/telraam/index.ts';
import { MIN_RELIABLE_UPTIME } from '../../sources/telraam/index.ts';
import { formatWallClock } from '../../time/time-model.ts';
import type { LegendSpec, Rgba } from '../layer-types.ts';
import { colorFor } from '../legend.ts';
import { defineSourceLayer } from '../source-layer/define.ts';

/** Cyclists per hour on Telraam-counted road segments (the latest hour Telraam reports). */
export const BIKE_LEGEND: LegendSpec = {
  quantityKey: 'layer.telraam-bikes.quantity',
  unitKey: 'layer.telraam-bikes.unit',
  sizeNoteKey: 'layer.telraam-bikes.noValue',
  classes: [
    { from: 0, to: 25, color: [255, 255, 204, 255] },
    { from: 25, to: 50, color: [161, 218, 180, 255] },
    { from: 50, to: 100, color: [65, 182, 196, 255] },
    { from: 100, to: 200, color: [44, 127, 184, 255] },
    { from: 200, to: null, color: [37, 52, 148, 255] },
  ],
};

const NO_VALUE: Rgba = [150, 150, 150, 255];

interface SegmentPath {
  segment: TelraamSegment;
  path: [number, number, number][];
}

/** Cyclists per hour, or null when the segment has no recent hour it can vouch for. */
export function bikesPerHour(segment: TelraamSegment): number | null {
  const latest = segment.latest;
  if (!latest || latest.bike === undefined || latest.uptime < MIN_RELIABLE_UPTIME) return null;
  return latest.bike;
}

export const telraamBikesLayer = defineSourceLayer({
  id: 'telraam-bikes',
  sourceId: 'telraam',
  titleKey: 'layer.telraam-bikes.title',
  descriptionKey: 'layer.telraam-bikes.description',
  legend: BIKE_LEGEND,
  source: {
    nameKey: 'layer.telraam-bikes.source',
    sample: false,
    dataDate: '2026-08-20',
  },
  time: { aware: false },
  occlusion: 'ground',
  prepare: (segments): SegmentPath[] =>
    segments.flatMap((segment) =>
      segment.lines.map((line) => ({
        segment,
        path: line.map(([lon, lat]) => toOverlayPosition(lon, lat, 0)),
      })),
    ),

  render: (paths, { opacity }) => ({
    ground: [
      new PathLayer<SegmentPath>({
        id: 'telraam-bikes-segments',
        data: paths,
        coordinateSystem: COORDINATE_SYSTEM.CARTESIAN,
        getPath: (p) => p.path,
        getColor: (p) => {
          const bikes = bikesPerHour(p.segment);
          return bikes === null ? NO_VALUE : colorFor(BIKE_LEGEND, bikes);
        },
        getWidth: 8,
        widthUnits: 'meters',
        widthMinPixels: 4,
        capRounded: true,
        jointRounded: true,
        opacity,
        pickable: true,
      }),
    ],
  }),

  describe: (object, { t }) => {
    const segment = (object as Partial<SegmentPath> | null)?.segment;
    if (!segment) return null;
    const bikes = bikesPerHour(segment);
    const latest = segment.latest;
    const rows = [
      {
        label: t('layer.telraam-bikes.quantity'),
        value: bikes === null ? t('layer.telraam-bikes.none') : t('layer.number', { value: bikes }),
      },
    ];
    if (latest?.car !== undefined)
      rows.push({ label: t('layer.telraam-bikes.cars'), value: t('layer.number', { value: latest.car }) });
    if (latest) {
      rows.push({ label: t('layer.telraam-bikes.uptime'), value: `${Math.round(latest.uptime * 100)}%` });
      if (latest.date)
        rows.push({
          label: t('layer.telraam-bikes.hour'),
          value: formatWallClock(Date.parse(latest.date)).replace('T', ' '),
        });
    }
    return { title: t('layer.telraam-bikes.segment', { id: segment.segmentId }), rows };
  },
});

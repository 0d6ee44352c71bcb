import { COORDINATE_SYSTEM } from '@deck.gl/core';
import { ScatterplotLayer } from '@deck.gl/layers';
import { toOverlayPosition } from '../../overlay/frame.ts';
import type { AirSensor } from '../../sources/samen-meten/index.ts';
import { formatWallClock } from '../../time/time-model.ts';
import type { LegendSpec, Rgba } from '../layer-types.ts';
import { colorFor } from '../legend.ts';
import { defineSourceLayer } from '../source-layer/define.ts';

/**
 * Citizen air-quality sensors (RIVM Samen Meten), coloured by their latest PM2.5 reading. Class
 * bounds follow the WHO 2021 guidelines (5 µg/m³ yearly, 15 µg/m³ daily) and the EU limit (25).
 */
export const PM25_LEGEND: LegendSpec = {
  quantityKey: 'layer.air-quality.quantity',
  unitKey: 'layer.air-quality.unit',
  sizeNoteKey: 'layer.air-quality.noReading',
  classes: [
    { from: 0, to: 5, color: [69, 117, 180, 255] },
    { from: 5, to: 15, color: [145, 191, 219, 255] },
    { from: 15, to: 25, color: [254, 224, 144, 255] },
    { from: 25, to: 50, color: [252, 141, 89, 255] },
    { from: 50, to: null, color: [215, 48, 39, 255] },
  ],
};

const NO_READING: Rgba = [150, 150, 150, 255];

export interface SensorFeature {
  sensor: AirSensor;
  position: [number, number, number];
}

export function sensorColor(sensor: AirSensor): Rgba {
  return sensor.latest ? colorFor(PM25_LEGEND, sensor.latest.value) : NO_READING;
}

export const airQualityLayer = defineSourceLayer({
  id: 'air-quality',
  sourceId: 'samen-meten',
  titleKey: 'layer.air-quality.title',
  descriptionKey: 'layer.air-quality.description',
  legend: PM25_LEGEND,
  source: {
    nameKey: 'layer.air-quality.source',
    sample: false,
    dataDate: '2026-08-20',
  },
  time: { aware: false },
  // A handful of points that matter: always visible, also behind buildings.
  occlusion: 'none',
  prepare: (sensors): SensorFeature[] =>
    sensors.map((sensor) => ({ sensor, position: toOverlayPosition(sensor.lon, sensor.lat, 2) })),

  render: (features, { opacity }) => ({
    none: [
      new ScatterplotLayer<SensorFeature>({
        id: 'air-quality-sensors',
        data: features,
        coordinateSystem: COORDINATE_SYSTEM.CARTESIAN,
        getPosition: (f) => f.position,
        getRadius: 18,
        radiusUnits: 'meters',
        radiusMinPixels: 6,
        getFillColor: (f) => sensorColor(f.sensor),
        getLineColor: [30, 30, 30, 255],
        lineWidthMinPixels: 1.5,
        stroked: true,
        opacity,
        pickable: true,
      }),
    ],
  }),

  describe: (object, { t }) => {
    const sensor = (object as Partial<SensorFeature> | null)?.sensor;
    if (!sensor) return null;
    const rows = [
      {
        label: t('layer.air-quality.quantity'),
        value: sensor.latest
          ? t('layer.air-quality.value', { value: sensor.latest.value })
          : t('layer.air-quality.none'),
      },
    ];
    if (sensor.latest) {
      rows.push(
        {
          label: t('layer.air-quality.at'),
          value: formatWallClock(Date.parse(sensor.latest.time)).replace('T', ' '),
        },
        { label: t('layer.air-quality.stream'), value: sensor.latest.observedProperty },
      );
    }
    const project = sensor.properties['project'];
    if (typeof project === 'string') rows.push({ label: t('layer.air-quality.project'), value: project });
    return { title: sensor.name, rows };
  },
});

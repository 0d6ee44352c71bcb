import { COORDINATE_SYSTEM } from '@deck.gl/core';
import { ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { Translate } from '../../i18n/translate.ts';
import { toOverlayPosition } from '../../overlay/frame.ts';
import type { FeatureInfo, OverlayLayerGroup } from '../../overlay/overlay-types.ts';
import { fruinIndex } from '../../scenarios/crowd/fruin.ts';
import type { CrowdAssessment, SiteStatus } from '../../monitor/monitor.ts';
import { LOS_COLORS } from '../crowd-colors.ts';
import type { LegendSpec, Rgba } from '../layer-types.ts';
import { formatDensity, trendText } from './monitor-text.ts';
import { LABEL_STYLE } from '../label-style.ts';

/** No density to show: suppressed (too few people counted) or no data. */
const NO_VALUE: Rgba = [170, 170, 170, 255];

export const MONITOR_LEGEND: LegendSpec = {
  quantityKey: 'crowd.legend',
  unitKey: 'scenario.crowd.unitDensity',
  classes: [
    ...LOS_COLORS.map((color, i) => ({
      from: [0, 0.31, 0.43, 0.72, 1.08, 2.17][i]!,
      to: [0.31, 0.43, 0.72, 1.08, 2.17, null][i]!,
      color,
    })),
    { from: -1, to: -1, color: NO_VALUE, labelKey: 'crowd.legendNoValue' },
  ],
  sizeNoteKey: 'crowd.legendSize',
};

interface SiteMark {
  status: SiteStatus;
  position: [number, number, number];
  /** Metres: an area shows its size (a circle of the same area), a counting line a fixed dot. */
  radius: number;
}

const positions = new Map<string, [number, number, number]>();

function positionOf(status: SiteStatus): [number, number, number] {
  const key = `${status.site.lon},${status.site.lat}`;
  let p = positions.get(key);
  if (!p) positions.set(key, (p = toOverlayPosition(status.site.lon, status.site.lat, 0)));
  return p;
}

export function siteColor(status: SiteStatus): Rgba {
  return status.density === null ? NO_VALUE : LOS_COLORS[fruinIndex(status.density)]!;
}

/** Deck.gl layers for the monitor: sites coloured by density, with their number as a label. */
export function crowdMonitorGroups(assessment: CrowdAssessment, t: Translate): OverlayLayerGroup[] {
  const marks: SiteMark[] = assessment.sites.map((status) => ({
    status,
    position: positionOf(status),
    radius:
      status.site.kind === 'area' && status.site.areaM2
        ? Math.min(Math.sqrt(status.site.areaM2 / Math.PI), 60)
        : 12,
  }));
  const key = assessment.nowMs;
  const describe = (object: unknown): FeatureInfo | null => {
    const status = (object as Partial<SiteMark> | null)?.status;
    return status ? describeSite(status, t) : null;
  };
  return [
    {
      ownerId: 'crowd-monitor',
      occlusion: 'ground',
      describe,
      layers: [
        new ScatterplotLayer<SiteMark>({
          id: 'crowd-monitor-sites',
          data: marks,
          coordinateSystem: COORDINATE_SYSTEM.CARTESIAN,
          getPosition: (m) => m.position,
          getRadius: (m) => m.radius,
          radiusUnits: 'meters',
          radiusMinPixels: 6,
          getFillColor: (m) => {
            const [r, g, b] = siteColor(m.status);
            return m.status.site.kind === 'area' ? [r, g, b, 190] : [r, g, b, 255];
          },
          getLineColor: [30, 30, 30, 255],
          lineWidthMinPixels: 1.5,
          stroked: true,
          pickable: true,
          updateTriggers: { getFillColor: key },
        }),
      ],
    },
    {
      ownerId: 'crowd-monitor',
      occlusion: 'none',
      describe,
      layers: [
        // Labels are read from across a control room: always on top, large, with a halo.
        new TextLayer<SiteMark>({
          id: 'crowd-monitor-labels',
          data: marks,
          coordinateSystem: COORDINATE_SYSTEM.CARTESIAN,
          getPosition: (m) => m.position,
          getText: (m) =>
            `${m.status.site.name}\n${m.status.density === null ? '–' : formatDensity(m.status.density, t)}`,
          getSize: 14,
          ...LABEL_STYLE,
          fontWeight: 700,
          getColor: [20, 20, 20, 255],
          getPixelOffset: [0, -22],
          outlineWidth: 4,
          outlineColor: [255, 255, 255, 235],
          characterSet: 'auto',
          pickable: false,
          updateTriggers: { getText: key },
        }),
      ],
    },
  ];
}

function describeSite(status: SiteStatus, t: Translate): FeatureInfo {
  const rows = [
    {
      label: t('crowd.density'),
      value:
        status.density === null
          ? t(status.suppressed ? 'crowd.suppressed' : 'crowd.noData')
          : `${formatDensity(status.density, t)}${status.level ? ` · ${t('crowd.los', { level: status.level })}` : ''}`,
    },
    { label: t('crowd.trend'), value: trendText(status, t) },
    { label: t('crowd.certainty'), value: t(`crowd.certainty.${status.certainty}`) },
  ];
  if (status.count !== null)
    rows.splice(1, 0, {
      label: t(status.site.kind === 'area' ? 'crowd.inside' : 'crowd.perMinute'),
      value: String(Math.round(status.count)),
    });
  return { title: status.site.name, rows };
}

import { COORDINATE_SYSTEM, CompositeLayer, type UpdateParameters } from '@deck.gl/core';
import { ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import { countKey, type Translate } from '../../i18n/translate.ts';
import { LABEL_STYLE } from '../label-style.ts';
import { toOverlayPosition } from '../../overlay/frame.ts';
import type { FeatureInfo, OverlayLayerGroup } from '../../overlay/overlay-types.ts';
import type { PinPoint, PlanComment, Sentiment } from '../../sources/participation/schema.ts';
import { clusterOnScreen, type ScreenPoint } from './screen-clusters.ts';

type Rgba = [number, number, number, number];

/** Pin colours by sentiment; the list view says the same in words (colour is never the only cue). */
export const PIN_COLORS: Record<Sentiment, Rgba> = {
  for: [0, 122, 61, 255],
  against: [204, 0, 0, 255],
  neutral: [0, 84, 166, 255],
};
const DRAFT_COLOR: Rgba = [242, 183, 5, 255];

interface PinFeature {
  comment: PlanComment | null;
  position: [number, number, number];
  selected: boolean;
}

/**
 * Residents' pins over the map (always on top, like markers): one dot per comment with a place,
 * coloured by sentiment, the open one larger; the pin being placed in yellow. A click opens the
 * comment through `onOpen` (the UI's action); the popup shows its first words as text.
 */
export function participationPinGroups(
  comments: readonly PlanComment[],
  draftPoint: PinPoint | null,
  openId: number | null,
  t: Translate,
  onOpen: (id: number) => void,
): OverlayLayerGroup[] {
  const pins: PinFeature[] = comments
    .filter((c) => c.parentId === null && c.location !== null)
    .map((c) => ({
      comment: c,
      position: toOverlayPosition(c.location!.lon, c.location!.lat, c.location!.height),
      selected: c.id === openId,
    }));
  if (draftPoint)
    pins.push({
      comment: null,
      position: toOverlayPosition(draftPoint.lon, draftPoint.lat, draftPoint.height),
      selected: true,
    });
  if (pins.length === 0) return [];
  return [
    {
      ownerId: 'participation',
      occlusion: 'none',
      layers: [new ClusteredPinLayer({ id: 'participation-pins', pins })],
      describe: (object) => describePin(object, t, onOpen),
    },
  ];
}

/** Pins closer together on screen than this are one numbered circle (about a fingertip). */
const CLUSTER_CELL_PX = 36;
const CLUSTER_COLOR: Rgba = [36, 36, 36, 235];

interface PinCluster {
  members: PlanComment[];
  position: [number, number, number];
}

interface ClusteredPinProps {
  pins: PinFeature[];
}

/**
 * Residents' pins, clustered on screen so that hundreds stay readable: pins that fall within one
 * screen cell become a dark circle with their number; the open pin and the one being placed are
 * never hidden in a cluster. Re-clusters whenever the camera moves.
 */
class ClusteredPinLayer extends CompositeLayer<ClusteredPinProps> {
  static override layerName = 'ClusteredPinLayer';

  declare state: { singles: PinFeature[]; clusters: PinCluster[] };

  override shouldUpdateState({ changeFlags }: UpdateParameters<this>): boolean {
    return changeFlags.propsOrDataChanged || changeFlags.viewportChanged;
  }

  override updateState(): void {
    const viewport = this.context.viewport;
    const singles: PinFeature[] = [];
    const points: ScreenPoint<PinFeature>[] = [];
    for (const pin of this.props.pins) {
      if (pin.selected || pin.comment === null) {
        singles.push(pin);
        continue;
      }
      const [x, y] = viewport.project(pin.position);
      points.push({ item: pin, screen: Number.isFinite(x) && Number.isFinite(y) ? [x!, y!] : null });
    }
    const clusters: PinCluster[] = [];
    for (const cluster of clusterOnScreen(points, CLUSTER_CELL_PX)) {
      if (cluster.items.length === 1) singles.push(cluster.items[0]!);
      else clusters.push(clusterOf(cluster.items));
    }
    this.setState({ singles, clusters });
  }

  override renderLayers() {
    const { singles, clusters } = this.state;
    return [
      new ScatterplotLayer<PinFeature>(
        this.getSubLayerProps({
          id: 'singles',
          data: singles,
          coordinateSystem: COORDINATE_SYSTEM.CARTESIAN,
          getPosition: (p: PinFeature) => p.position,
          getRadius: (p: PinFeature) => (p.selected ? 11 : 8),
          radiusUnits: 'pixels',
          getFillColor: (p: PinFeature) => (p.comment ? PIN_COLORS[p.comment.sentiment] : DRAFT_COLOR),
          getLineColor: [255, 255, 255, 255],
          lineWidthUnits: 'pixels',
          getLineWidth: (p: PinFeature) => (p.selected ? 3 : 2),
          stroked: true,
          pickable: true,
        }),
      ),
      new ScatterplotLayer<PinCluster>(
        this.getSubLayerProps({
          id: 'clusters',
          data: clusters,
          coordinateSystem: COORDINATE_SYSTEM.CARTESIAN,
          getPosition: (c: PinCluster) => c.position,
          // Grows slowly with the count, and never past half a cell, so neighbouring clusters stay apart.
          getRadius: (c: PinCluster) =>
            Math.min(CLUSTER_CELL_PX / 2 - 1, 11 + 2 * Math.log2(c.members.length)),
          radiusUnits: 'pixels',
          getFillColor: CLUSTER_COLOR,
          getLineColor: [255, 255, 255, 255],
          lineWidthUnits: 'pixels',
          getLineWidth: 2,
          stroked: true,
          pickable: true,
        }),
      ),
      new TextLayer<PinCluster>(
        this.getSubLayerProps({
          id: 'cluster-counts',
          data: clusters,
          coordinateSystem: COORDINATE_SYSTEM.CARTESIAN,
          getPosition: (c: PinCluster) => c.position,
          getText: (c: PinCluster) => String(c.members.length),
          getColor: [255, 255, 255, 255],
          getSize: 13,
          fontWeight: 700,
          fontFamily: LABEL_STYLE.fontFamily,
          characterSet: '0123456789',
          // The circle under it answers clicks.
          pickable: false,
        }),
      ),
    ];
  }
}

function clusterOf(pins: PinFeature[]): PinCluster {
  const sum = [0, 0, 0];
  for (const pin of pins) for (let i = 0; i < 3; i++) sum[i]! += pin.position[i]!;
  return {
    members: pins.map((p) => p.comment!),
    position: [sum[0]! / pins.length, sum[1]! / pins.length, sum[2]! / pins.length],
  };
}

function describePin(object: unknown, t: Translate, onOpen: (id: number) => void): FeatureInfo | null {
  const cluster = object as Partial<PinCluster> | null;
  if (cluster?.members) {
    const count = (sentiment: Sentiment) => cluster.members!.filter((c) => c.sentiment === sentiment).length;
    return {
      title: t(countKey('participation.pin.cluster', cluster.members.length), {
        count: cluster.members.length,
      }),
      rows: (['for', 'against', 'neutral'] as const).map((sentiment) => ({
        label: t(`participation.sentiment.${sentiment}`),
        value: String(count(sentiment)),
      })),
    };
  }
  const pin = object as Partial<PinFeature> | null;
  if (!pin || pin.comment === undefined) return null;
  const comment = pin.comment;
  if (comment === null) return { title: t('participation.pin.draft'), rows: [] };
  const words = comment.text.length > 80 ? `${comment.text.slice(0, 80)}…` : comment.text;
  return {
    title: t('participation.pin.title'),
    rows: [
      { label: t('participation.sentiment.label'), value: t(`participation.sentiment.${comment.sentiment}`) },
      { label: t('participation.pin.text'), value: words },
    ],
    actions: [{ label: t('participation.pin.open'), run: () => onOpen(comment.id) }],
  };
}

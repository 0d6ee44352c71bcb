import { COORDINATE_SYSTEM } from '@deck.gl/core';
import { ScatterplotLayer } from '@deck.gl/layers';
import type { Translate } from '../../i18n/translate.ts';
import { toOverlayPosition } from '../../overlay/frame.ts';
import type { FeatureInfo, OverlayLayerGroup } from '../../overlay/overlay-types.ts';
import type { PinPoint, PlanComment, Sentiment } from '../../sources/participation/schema.ts';

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
      layers: [
        new ScatterplotLayer<PinFeature>({
          id: 'participation-pins',
          data: pins,
          coordinateSystem: COORDINATE_SYSTEM.CARTESIAN,
          getPosition: (p) => p.position,
          getRadius: (p) => (p.selected ? 11 : 8),
          radiusUnits: 'pixels',
          getFillColor: (p) => (p.comment ? PIN_COLORS[p.comment.sentiment] : DRAFT_COLOR),
          getLineColor: [255, 255, 255, 255],
          lineWidthUnits: 'pixels',
          getLineWidth: (p) => (p.selected ? 3 : 2),
          stroked: true,
          pickable: true,
          updateTriggers: { getRadius: openId, getLineWidth: openId },
        }),
      ],
      describe: (object) => describePin(object, t, onOpen),
    },
  ];
}

function describePin(object: unknown, t: Translate, onOpen: (id: number) => void): FeatureInfo | null {
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

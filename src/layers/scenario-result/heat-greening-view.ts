import { COORDINATE_SYSTEM } from '@deck.gl/core';
import { BitmapLayer, PathLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { MessageKey } from '../../i18n/nl.ts';
import { toOverlayPosition } from '../../overlay/frame.ts';
import type { RunOutcome } from '../../scenarios/engine/runner.ts';
import type { Field } from '../../scenarios/engine/types.ts';
import type { HeatChange } from '../../scenarios/heat/changes.ts';
import type { heatGreeningDefinition } from '../../scenarios/heat/definition.ts';
import { HEAT_CLASS_EDGES } from '../../scenarios/heat/pet.ts';
import type { LegendSpec, Rgba } from '../layer-types.ts';
import { gridImage, rampColor, type ColorStops, type GridImage } from '../legend.ts';
import type { ScenarioDisplay, ScenarioView, ScenarioViewContext } from './scenario-view.ts';

type Context = ScenarioViewContext<typeof heatGreeningDefinition>;

type Position = [number, number, number];

const rgba = (c: readonly number[]): Rgba => [c[0]!, c[1]!, c[2]!, 255];

/** Colours of heat classes 0…5 (cool blue, comfortable green, then yellow to dark red), a little see-through. */
const HEAT_CLASS_COLORS: readonly Rgba[] = [
  [69, 117, 180, 210],
  [145, 207, 96, 210],
  [255, 237, 160, 210],
  [253, 174, 97, 215],
  [215, 48, 39, 220],
  [128, 0, 38, 225],
];

/** PET (°C) by heat class, with the model's class edges (18 / 23 / 29 / 35 / 41 °C): map and legend. */
export const PET_LEGEND: LegendSpec = {
  quantityKey: 'scenario.heat.legendPet',
  unitKey: 'scenario.heat.unitC',
  classes: HEAT_CLASS_COLORS.map((color, i) => ({
    from: i === 0 ? 0 : HEAT_CLASS_EDGES[i - 1]!,
    to: HEAT_CLASS_EDGES[i] ?? null,
    color: [...color],
    labelKey: `scenario.heat.class.${i}` as MessageKey,
  })),
  sizeNoteKey: 'scenario.heat.legendNote',
};

/**
 * PET difference (scenario − baseline, °C): blue cooler, red warmer, see-through below ±0.1 °C so
 * only what changed shows; saturates at ±6 °C (about half the sun-to-shade step).
 */
const PET_CHANGE_STOPS: ColorStops = [
  [-6, [5, 48, 97, 230]],
  [-3, [33, 102, 172, 220]],
  [-1, [103, 169, 207, 200]],
  [-0.1, [209, 229, 240, 150]],
  [-0.099, [247, 247, 247, 0]],
  [0.099, [247, 247, 247, 0]],
  [0.1, [253, 219, 199, 150]],
  [1, [239, 138, 98, 200]],
  [3, [178, 24, 43, 220]],
  [6, [103, 0, 31, 230]],
];

const DIFFERENCE_BINS: [number, number | null, number][] = [
  [-6, -3, -4],
  [-3, -1, -2],
  [-1, -0.1, -0.5],
  [-0.1, 0.1, 0],
  [0.1, 1, 0.5],
  [1, 3, 2],
  [3, null, 4],
];

export const PET_CHANGE_LEGEND: LegendSpec = {
  quantityKey: 'scenario.heat.legendChange',
  unitKey: 'scenario.heat.unitC',
  classes: DIFFERENCE_BINS.map(([from, to, middle]) => ({
    from,
    to,
    color: middle === 0 ? [235, 235, 235, 255] : rgba(rampColor(PET_CHANGE_STOPS, middle)),
  })),
  sizeNoteKey: 'scenario.heat.legendChangeNote',
};

interface Drawn {
  trees: { position: Position; radius: number }[];
  outlines: { path: Position[]; type: HeatChange['type'] }[];
}

const images = new WeakMap<Field, Map<ScenarioDisplay, { image: ImageData; bounds: Position[] }>>();
const drawings = new WeakMap<RunOutcome, Drawn>();

function shownField(outcome: RunOutcome, display: ScenarioDisplay): Field | undefined {
  if (display === 'baseline') return outcome.baseline?.fields['pet'];
  if (display === 'difference') return outcome.difference?.fields['pet'];
  return outcome.output.fields['pet'];
}

/** The PET grid's pixels for a display: heat classes, or the change ramp for the difference. */
export function heatPicture(field: Field, display: ScenarioDisplay): GridImage {
  return gridImage(field, 0, display === 'difference' ? { stops: PET_CHANGE_STOPS } : { legend: PET_LEGEND });
}

/** The PET grid as a picture on the ground (made once per field and display). */
function imageOf(field: Field, display: ScenarioDisplay) {
  let perDisplay = images.get(field);
  if (!perDisplay) images.set(field, (perDisplay = new Map()));
  const cached = perDisplay.get(display);
  if (cached) return cached;
  const picture = heatPicture(field, display);
  const [west, south, east, north] = picture.bounds;
  const made = {
    image: new ImageData(new Uint8ClampedArray(picture.data), picture.width, picture.height),
    // Four corners, so the lon/lat-aligned grid sits exactly in the overlay's local frame.
    bounds: [
      toOverlayPosition(west, south, 0),
      toOverlayPosition(west, north, 0),
      toOverlayPosition(east, north, 0),
      toOverlayPosition(east, south, 0),
    ],
  };
  perDisplay.set(display, made);
  return made;
}

/** Trees as their crowns, the drawn areas as outlines: so a reader sees what was changed where. */
function drawnOf({ outcome, scenario }: Context): Drawn {
  const cached = drawings.get(outcome);
  if (cached) return cached;
  const drawn: Drawn = { trees: [], outlines: [] };
  for (const change of scenario.changes) {
    const at = ([lon, lat]: readonly [number, number]) => toOverlayPosition(lon, lat, 0);
    if (change.type === 'trees')
      for (const p of change.points)
        drawn.trees.push({ position: at(p), radius: (change.crownDiameter ?? 8) / 2 });
    else if (change.type === 'tree-row')
      drawn.outlines.push({ path: change.line.map(at), type: change.type });
    else if (change.polygon) {
      const ring = change.polygon.map(at);
      drawn.outlines.push({ path: [...ring, ring[0]!], type: change.type });
    }
  }
  drawings.set(outcome, drawn);
  return drawn;
}

function render(context: Context) {
  const { outcome, display } = context;
  const field = shownField(outcome, display);
  if (!field?.grid) return {};
  const { image, bounds } = imageOf(field, display);
  const drawn = display === 'baseline' ? { trees: [], outlines: [] } : drawnOf(context);
  return {
    ground: [
      new BitmapLayer({
        id: `scenario-heat-${display}`,
        coordinateSystem: COORDINATE_SYSTEM.CARTESIAN,
        image,
        bounds: bounds as unknown as [number, number, number, number],
        // Each cell keeps its own colour: the grid is the model's resolution, not a smooth surface.
        textureParameters: { minFilter: 'nearest', magFilter: 'nearest' },
        pickable: false,
      }),
    ],
    none: [
      new PathLayer<Drawn['outlines'][number]>({
        id: 'scenario-heat-outlines',
        data: drawn.outlines,
        coordinateSystem: COORDINATE_SYSTEM.CARTESIAN,
        getPath: (o) => o.path,
        getColor: (o) => (o.type === 'building' ? [60, 60, 60, 255] : [0, 104, 55, 255]),
        getWidth: 2,
        widthUnits: 'pixels',
      }),
      new ScatterplotLayer<Drawn['trees'][number]>({
        id: 'scenario-heat-trees',
        data: drawn.trees,
        coordinateSystem: COORDINATE_SYSTEM.CARTESIAN,
        getPosition: (tree) => tree.position,
        getRadius: (tree) => tree.radius,
        radiusUnits: 'meters',
        radiusMinPixels: 3,
        filled: false,
        stroked: true,
        getLineColor: [0, 104, 55, 255],
        lineWidthMinPixels: 2,
      }),
    ],
  };
}

export const heatGreeningView: ScenarioView<typeof heatGreeningDefinition> = {
  legend: (display) => (display === 'difference' ? PET_CHANGE_LEGEND : PET_LEGEND),
  render,
  describe: () => null,
};

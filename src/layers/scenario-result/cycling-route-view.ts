import { COORDINATE_SYSTEM } from '@deck.gl/core';
import { PathStyleExtension, type PathStyleExtensionProps } from '@deck.gl/extensions';
import { PathLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import { toOverlayPosition } from '../../overlay/frame.ts';
import { HOTSPOT_RATIO, LEVELS } from '../../scenarios/cycling/level-of-service.ts';
import type { CountingPoint } from '../../scenarios/cycling/network-file.ts';
import type { CyclingChange, cyclingRouteDefinition } from '../../scenarios/cycling/definition.ts';
import { fieldValue, indexById, stepClock } from '../../scenarios/engine/fields.ts';
import type { RunOutcome } from '../../scenarios/engine/runner.ts';
import type { Field } from '../../scenarios/engine/types.ts';
import { cyclingNetwork, type CyclingNetworkState, type LinkState } from './cycling/cycling-network.ts';
import { linkActionsFor } from './cycling/link-actions.ts';
import { layoutText } from './cycling/link-text.ts';
import type { LegendSpec, RenderedLayers, Rgba } from '../layer-types.ts';
import { colorFor } from '../legend.ts';
import type {
  ScenarioDisplay,
  ScenarioFeatureInfo,
  ScenarioView,
  ScenarioViewContext,
} from './scenario-view.ts';

type Context = ScenarioViewContext<typeof cyclingRouteDefinition>;
import { LABEL_STYLE } from '../label-style.ts';

/**
 * The `cycling-route` result on the map: a band along every street, as wide as the number of
 * cyclists at the playback hour and coloured by how close that is to where level of service F
 * begins (Botma 1995, see level-of-service.ts); or, for the difference, coloured and sized by the gain or loss. Closed streets are
 * grey dashes, new links white dashes down their middle, one-way links white arrowheads; every band
 * has a thin dark edge so even a pale one stands out from the map. Hotspots and counting points
 * are markers drawn over the buildings. Clicking a street offers edits (close, one-way, speed).
 */

type Vec3 = [number, number, number];

/**
 * Volume / the volume where level of service F begins; from 1 on a street is a hotspot. The lower
 * bounds sit near where LoS D (0.55) and E (0.8) begin in Botma's table (0.52–0.56 and 0.77–0.79).
 */
export const FLOW_LEGEND: LegendSpec = {
  quantityKey: 'scenario.cycling.legendVc',
  unitKey: 'scenario.cycling.unitVc',
  sizeNoteKey: 'scenario.cycling.legendFlowSize',
  classes: [
    { from: 0, to: 0.55, color: [44, 123, 182, 255] },
    { from: 0.55, to: 0.8, color: [116, 173, 209, 255] },
    { from: 0.8, to: HOTSPOT_RATIO, color: [254, 224, 144, 255] },
    { from: HOTSPOT_RATIO, to: 1.5, color: [244, 109, 67, 255] },
    { from: 1.5, to: null, color: [165, 0, 38, 255] },
  ],
};

/** Change in cyclists per hour against the day without the scenario: blue = fewer, red = more. */
export const CHANGE_LEGEND: LegendSpec = {
  quantityKey: 'scenario.cycling.legendChange',
  unitKey: 'scenario.cycling.unitPerHour',
  sizeNoteKey: 'scenario.cycling.legendChangeSize',
  classes: [
    // The open-ended classes are named: "−100,000 to −1,000" would read as a real bound.
    { from: -100_000, to: -1000, color: [33, 102, 172, 255], labelKey: 'scenario.cycling.legendMuchFewer' },
    { from: -1000, to: -250, color: [67, 147, 195, 255] },
    { from: -250, to: -50, color: [146, 197, 222, 255] },
    { from: -50, to: 50, color: [190, 190, 190, 255] },
    { from: 50, to: 250, color: [244, 165, 130, 255] },
    { from: 250, to: 1000, color: [214, 96, 77, 255] },
    { from: 1000, to: null, color: [178, 24, 43, 255], labelKey: 'scenario.cycling.legendMuchMore' },
  ],
};

/** Band width: 1,000 cyclists an hour draw 5 m wide; a change of 1,000 draws 10 m. */
export const FLOW_PER_METRE = 200;
export const CHANGE_PER_METRE = 100;
export const MAX_BAND_METRES = 30;

const CLOSED_COLOR: Rgba = [90, 90, 90, 255];
const BAND_EDGE: Rgba = [40, 40, 40, 200];
const WHITE: Rgba = [255, 255, 255, 255];
const HOTSPOT_FILL: Rgba = [165, 0, 38, 255];
const COUNT_EDGE: Rgba = [0, 45, 110, 255];
/** Dashes of a closed street (m): long enough to read as a line, with clear gaps. */
const DASH = 7;
const GAP = 6;
const CLOSED_WIDTH = 3;
const ADDED_MARK_WIDTH = 2;
/** Drawn by the GPU along the whole path (deck.gl's dash array counts in line widths). */
const DASHED = [new PathStyleExtension({ dash: true })];

export function bandWidth(display: ScenarioDisplay, value: number): number {
  const metres = display === 'difference' ? Math.abs(value) / CHANGE_PER_METRE : value / FLOW_PER_METRE;
  return Math.min(Math.max(metres, 0), MAX_BAND_METRES);
}

/** Colour by volume / capacity, or by the change in cyclists for the difference display. */
export function bandColor(display: ScenarioDisplay, value: number): Rgba {
  return colorFor(display === 'difference' ? CHANGE_LEGEND : FLOW_LEGEND, value);
}

/** Columns of the links at or over the hotspot ratio at a step, busiest first. */
export function hotspotsAt(vc: Field, step: number, ratio: number): number[] {
  const columns: number[] = [];
  for (let i = 0; i < vc.ids.length; i++) if (fieldValue(vc, step, i) >= ratio) columns.push(i);
  return columns.sort((a, b) => fieldValue(vc, step, b) - fieldValue(vc, step, a));
}

/** A point a fraction of the way along a path, and the path's direction there (unit, x–y). */
export function pointAlong(
  path: readonly Vec3[],
  fraction: number,
): { at: Vec3; direction: [number, number] } {
  const lengths = path.slice(1).map((p, i) => Math.hypot(p[0] - path[i]![0], p[1] - path[i]![1]));
  let left = lengths.reduce((a, b) => a + b, 0) * fraction;
  for (let i = 0; i < lengths.length; i++) {
    const a = path[i]!;
    const b = path[i + 1]!;
    const length = lengths[i]!;
    if (left <= length || i === lengths.length - 1) {
      const f = length > 0 ? Math.min(left / length, 1) : 0;
      const direction: [number, number] =
        length > 0 ? [(b[0] - a[0]) / length, (b[1] - a[1]) / length] : [1, 0];
      return {
        at: [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f],
        direction,
      };
    }
    left -= length;
  }
  return { at: path[0]!, direction: [1, 0] };
}

/** An arrow head (two short strokes) pointing along `direction` at `at`, `size` metres long. */
function arrowHead(at: Vec3, [dx, dy]: [number, number], size: number): Vec3[] {
  const back = (angle: number): Vec3 => {
    const c = Math.cos(angle);
    const s = Math.sin(angle);
    return [at[0] - size * (dx * c - dy * s), at[1] - size * (dx * s + dy * c), at[2]];
  };
  return [back(0.6), at, back(-0.6)];
}

/** Everything drawn for one link: its path, where its values are in the shown fields, its middle. */
interface DrawnLink {
  kind: 'link';
  link: LinkState;
  path: Vec3[];
  /** Column in the drawn run's fields (−1 if the run has no such link). */
  column: number;
  middle: Vec3;
}

interface DrawnPart {
  kind: 'link';
  link: LinkState;
  path: Vec3[];
}

interface CountMarker {
  kind: 'count';
  point: CountingPoint;
  position: Vec3;
}

interface DrawnNetwork {
  network: CyclingNetworkState;
  open: DrawnLink[];
  closed: DrawnPart[];
  /** Added links: a white dashed line down their middle. */
  added: DrawnPart[];
  /** Arrowheads on one-way links. */
  marks: DrawnPart[];
}

interface Prepared {
  scenario: DrawnNetwork;
  baseline: DrawnNetwork | null;
  counts: CountMarker[];
}

const NO_CHANGES: readonly CyclingChange[] = [];
const prepared = new WeakMap<RunOutcome, Prepared | null>();

function drawNetwork(network: CyclingNetworkState, flow: Field | undefined): DrawnNetwork {
  const columns = flow ? indexById(flow) : new Map<string, number>();
  const open: DrawnLink[] = [];
  const closed: DrawnPart[] = [];
  const added: DrawnPart[] = [];
  const marks: DrawnPart[] = [];
  for (const link of network.links) {
    const path = link.geometry.map(([lon, lat]) => toOverlayPosition(lon, lat, 0));
    if (link.closed) {
      closed.push({ kind: 'link', link, path });
      continue;
    }
    if (link.added) added.push({ kind: 'link', link, path });
    open.push({
      kind: 'link',
      link,
      path,
      column: columns.get(link.id) ?? -1,
      middle: pointAlong(path, 0.5).at,
    });
    if (link.direction === 'both') continue;
    for (const fraction of [0.25, 0.75]) {
      const { at, direction } = pointAlong(path, fraction);
      const sign = link.direction === 'forward' ? 1 : -1;
      marks.push({ kind: 'link', link, path: arrowHead(at, [sign * direction[0], sign * direction[1]], 7) });
    }
  }
  return { network, open, closed, added, marks };
}

/** The drawn networks of a result, built once per outcome (not on every render). */
function prepare({ outcome, scenario, baselineData }: Context): Prepared | null {
  if (prepared.has(outcome)) return prepared.get(outcome)!;
  const network = cyclingNetwork(baselineData, scenario.changes);
  const baseNetwork = cyclingNetwork(baselineData, NO_CHANGES);
  const result =
    network && baseNetwork
      ? {
          scenario: drawNetwork(network, outcome.output.fields['flow']),
          baseline: outcome.baseline ? drawNetwork(baseNetwork, outcome.baseline.fields['flow']) : null,
          counts: network.countingPoints.map((point): CountMarker => ({
            kind: 'count',
            point,
            position: toOverlayPosition(point.lon, point.lat, 0),
          })),
        }
      : null;
  prepared.set(outcome, result);
  return result;
}

/** The fields a display draws: flow and v/c of the scenario or the normal day, and the change. */
function shownFields(outcome: RunOutcome, display: ScenarioDisplay) {
  const run = display === 'baseline' ? outcome.baseline : outcome.output;
  return {
    flow: run?.fields['flow'],
    vc: run?.fields['vc'],
    change: display === 'difference' ? outcome.difference?.fields['flow'] : undefined,
  };
}

function render(context: Context): RenderedLayers {
  const { outcome, step, display } = context;
  const p = prepare(context);
  const drawn = display === 'baseline' ? p?.baseline : p?.scenario;
  const { flow, vc, change } = shownFields(outcome, display);
  if (!p || !drawn || !flow || !vc || (display === 'difference' && !change)) return {};
  const value = (l: DrawnLink) =>
    l.column < 0 ? 0 : fieldValue(display === 'difference' ? change! : flow, step, l.column);
  const ratio = (l: DrawnLink) => (l.column < 0 ? 0 : fieldValue(vc, step, l.column));
  const colour = (l: DrawnLink) => bandColor(display, display === 'difference' ? value(l) : ratio(l));
  const byColumn = new Map(drawn.open.map((l) => [l.column, l]));
  const hotspots = hotspotsAt(vc, step, HOTSPOT_RATIO).flatMap((column) => byColumn.get(column) ?? []);
  const key = `${display}:${step}`;

  return {
    ground: [
      new PathLayer<DrawnLink>({
        id: 'scenario-cycling-edge',
        data: drawn.open,
        coordinateSystem: COORDINATE_SYSTEM.CARTESIAN,
        getPath: (l) => l.path,
        getColor: BAND_EDGE,
        getWidth: (l) => bandWidth(display, value(l)) + 2,
        widthUnits: 'meters',
        widthMinPixels: 4,
        capRounded: true,
        jointRounded: true,
        pickable: false,
        updateTriggers: { getWidth: key },
      }),
      new PathLayer<DrawnLink>({
        id: 'scenario-cycling-flow',
        data: drawn.open,
        coordinateSystem: COORDINATE_SYSTEM.CARTESIAN,
        getPath: (l) => l.path,
        getColor: colour,
        getWidth: (l) => bandWidth(display, value(l)),
        widthUnits: 'meters',
        widthMinPixels: 2,
        capRounded: true,
        jointRounded: true,
        pickable: true,
        updateTriggers: { getColor: key, getWidth: key },
      }),
      new PathLayer<DrawnPart, PathStyleExtensionProps<DrawnPart>>({
        id: 'scenario-cycling-closed',
        data: drawn.closed,
        coordinateSystem: COORDINATE_SYSTEM.CARTESIAN,
        getPath: (d) => d.path,
        getColor: CLOSED_COLOR,
        getWidth: CLOSED_WIDTH,
        widthUnits: 'meters',
        widthMinPixels: 3,
        getDashArray: [DASH / CLOSED_WIDTH, GAP / CLOSED_WIDTH],
        dashJustified: true,
        extensions: DASHED,
        pickable: true,
      }),
      new PathLayer<DrawnPart, PathStyleExtensionProps<DrawnPart>>({
        id: 'scenario-cycling-added',
        data: drawn.added,
        coordinateSystem: COORDINATE_SYSTEM.CARTESIAN,
        getPath: (d) => d.path,
        getColor: WHITE,
        getWidth: ADDED_MARK_WIDTH,
        widthUnits: 'meters',
        widthMinPixels: 2,
        getDashArray: [DASH / ADDED_MARK_WIDTH, GAP / ADDED_MARK_WIDTH],
        dashJustified: true,
        extensions: DASHED,
        pickable: false,
      }),
      new PathLayer<DrawnPart>({
        id: 'scenario-cycling-marks',
        data: drawn.marks,
        coordinateSystem: COORDINATE_SYSTEM.CARTESIAN,
        getPath: (d) => d.path,
        getColor: WHITE,
        getWidth: 2,
        widthUnits: 'meters',
        widthMinPixels: 2,
        capRounded: true,
        pickable: false,
      }),
    ],
    // Markers are what a planner looks for first: always visible, drawn over the buildings.
    none: [
      new ScatterplotLayer<CountMarker>({
        id: 'scenario-cycling-counts',
        data: p.counts,
        coordinateSystem: COORDINATE_SYSTEM.CARTESIAN,
        getPosition: (c) => c.position,
        getRadius: 5,
        radiusUnits: 'pixels',
        getFillColor: WHITE,
        getLineColor: COUNT_EDGE,
        lineWidthMinPixels: 2,
        stroked: true,
        pickable: true,
      }),
      new ScatterplotLayer<DrawnLink>({
        id: 'scenario-cycling-hotspots',
        data: hotspots,
        coordinateSystem: COORDINATE_SYSTEM.CARTESIAN,
        getPosition: (l) => l.middle,
        getRadius: 7,
        radiusUnits: 'pixels',
        getFillColor: HOTSPOT_FILL,
        getLineColor: WHITE,
        lineWidthMinPixels: 2,
        stroked: true,
        pickable: true,
      }),
      new TextLayer<DrawnLink>({
        id: 'scenario-cycling-hotspot-labels',
        data: hotspots.slice(0, 3),
        coordinateSystem: COORDINATE_SYSTEM.CARTESIAN,
        getPosition: (l) => l.middle,
        getText: (l) => l.link.name,
        getSize: 13,
        characterSet: 'auto',
        ...LABEL_STYLE,
        getColor: [60, 0, 10, 255],
        getPixelOffset: [0, -16],
        pickable: false,
      }),
    ],
  };
}

/** Value of a link in a run's field at a step, or null when that run has no such link. */
function valueOf(field: Field | undefined, linkId: string, step: number): number | null {
  if (!field) return null;
  const column = field.ids.indexOf(linkId);
  return column < 0 ? null : fieldValue(field, step, column);
}

function describeLink(link: LinkState, context: Context, network: CyclingNetworkState): ScenarioFeatureInfo {
  const { outcome, step, display, t } = context;
  const shown = display === 'baseline' ? outcome.baseline : outcome.output;
  // Edits always apply to the scenario, whichever display the link was clicked in.
  const current = network.linkById.get(link.id) ?? link;
  const closedNow = current.closed && display !== 'baseline';
  const flow = valueOf(shown?.fields['flow'], link.id, step);
  const daily = valueOf(shown?.fields['daily'], link.id, 0);
  const vc = valueOf(shown?.fields['vc'], link.id, step);
  const los = valueOf(shown?.fields['los'], link.id, step);
  // The first row is what the hover tooltip shows: the flow, or that the street is closed.
  const rows: ScenarioFeatureInfo['rows'] = closedNow
    ? [{ label: t('scenario.cycling.info.state'), value: layoutText(current, t) }]
    : [];
  if (flow !== null && !closedNow)
    rows.push({
      label: t('scenario.cycling.info.flow', { when: whenText(context) }),
      value: t('scenario.cycling.info.perHour', { value: Math.round(flow) }),
    });
  if (daily !== null && !closedNow)
    rows.push({
      label: t('scenario.cycling.info.daily'),
      value: t('scenario.cycling.info.perDay', { value: Math.round(daily) }),
    });
  if (vc !== null && !closedNow)
    rows.push({
      label: t('scenario.cycling.info.vc'),
      value: t(vc >= HOTSPOT_RATIO ? 'scenario.cycling.info.vcHotspot' : 'scenario.cycling.info.vcValue', {
        value: Math.round(vc * 100) / 100,
      }),
    });
  if (los !== null && !closedNow)
    rows.push({
      label: t('scenario.cycling.info.los'),
      value: t('scenario.cycling.info.losValue', { level: LEVELS[los] ?? '?' }),
    });
  const normal = valueOf(outcome.baseline?.fields['flow'], link.id, step) ?? 0;
  if (display !== 'baseline' && outcome.baseline) {
    const change = Math.round((flow ?? 0) - normal);
    rows.push({
      label: t('scenario.cycling.info.change'),
      value: t('scenario.cycling.info.changeValue', {
        sign: change > 0 ? '+' : '',
        change,
        normal: Math.round(normal),
      }),
    });
  }
  if (!closedNow) rows.push({ label: t('scenario.cycling.info.state'), value: layoutText(current, t) });
  return { title: current.name, rows, actions: linkActionsFor(current) };
}

/** "werkdag 08:00–09:00": the day type and the playback hour the values are for. */
function whenText({ outcome, scenario, step, t }: Context): string {
  const run = scenario.run;
  const day = t(`scenario.cycling.day.${run.dayType ?? 'weekday'}`);
  return `${day} ${stepClock(outcome.output, step)}–${stepClock(outcome.output, step + 1)}`;
}

function describeCount(
  marker: CountMarker,
  context: Context,
  network: CyclingNetworkState,
): ScenarioFeatureInfo {
  const { outcome, step, t } = context;
  const dayType = context.scenario.run.dayType ?? 'weekday';
  const counted = marker.point[dayType]?.[step];
  const modelled = valueOf(outcome.baseline?.fields['flow'], marker.point.link, step);
  const rows: ScenarioFeatureInfo['rows'] = [
    {
      label: t('scenario.cycling.info.counted', { when: whenText(context) }),
      value:
        counted === undefined
          ? t('scenario.cycling.info.notCounted')
          : t('scenario.cycling.info.perHour', { value: Math.round(counted) }),
    },
    {
      label: t('scenario.cycling.info.street'),
      value: network.linkById.get(marker.point.link)?.name ?? marker.point.link,
    },
  ];
  if (modelled !== null)
    rows.push({
      label: t('scenario.cycling.info.modelNormal'),
      value: t('scenario.cycling.info.perHour', { value: Math.round(modelled) }),
    });
  if (network.file.counts?.sample)
    rows.push({ label: t('scenario.cycling.info.source'), value: t('scenario.cycling.info.sampleCounts') });
  return { title: t('scenario.cycling.countingPoint', { name: marker.point.name }), rows };
}

function describe(object: unknown, context: Context): ScenarioFeatureInfo | null {
  const p = prepare(context);
  if (!p || typeof object !== 'object' || object === null || !('kind' in object)) return null;
  if (object.kind === 'count') return describeCount(object as CountMarker, context, p.scenario.network);
  if (object.kind === 'link') return describeLink((object as DrawnPart).link, context, p.scenario.network);
  return null;
}

export const cyclingRouteView: ScenarioView<typeof cyclingRouteDefinition> = {
  legend: (display) => (display === 'difference' ? CHANGE_LEGEND : FLOW_LEGEND),
  render,
  describe,
};

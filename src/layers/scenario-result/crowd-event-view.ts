import { COORDINATE_SYSTEM } from '@deck.gl/core';
import { PathLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import { toOverlayPosition } from '../../overlay/frame.ts';
import { findBottlenecks, type Bottleneck } from '../../scenarios/crowd/bottlenecks.ts';
import { FRUIN_LEVELS, fruinIndex } from '../../scenarios/crowd/fruin.ts';
import { LOS_COLORS, LOS_LEGEND } from '../crowd-colors.ts';
import { networkFileSchema, type NetworkFile } from '../../scenarios/crowd/network-file.ts';
import type { crowdEventDefinition } from '../../scenarios/crowd/definition.ts';
import { fieldValue, indexById, stepClock } from '../../scenarios/engine/fields.ts';
import type { RunOutcome } from '../../scenarios/engine/runner.ts';
import type { Field } from '../../scenarios/engine/types.ts';
import type { LegendSpec, Rgba } from '../layer-types.ts';
import { colorFor } from '../legend.ts';
import type { ScenarioDisplay, ScenarioView, ScenarioViewContext } from './scenario-view.ts';

type Context = ScenarioViewContext<typeof crowdEventDefinition>;
import { LABEL_STYLE } from '../label-style.ts';

/** Change in density against the normal day: blue = quieter, red = busier (p/m²). */
export const DENSITY_CHANGE_LEGEND: LegendSpec = {
  quantityKey: 'scenario.crowd.legendChange',
  unitKey: 'scenario.crowd.unitDensity',
  classes: [
    { from: -100, to: -0.5, color: [33, 102, 172, 255] },
    { from: -0.5, to: -0.1, color: [146, 197, 222, 255] },
    { from: -0.1, to: 0.1, color: [200, 200, 200, 255] },
    { from: 0.1, to: 0.5, color: [244, 165, 130, 255] },
    { from: 0.5, to: 1.5, color: [214, 96, 77, 255] },
    { from: 1.5, to: null, color: [150, 0, 40, 255] },
  ],
};

const CLOSED: Rgba = [90, 90, 90, 255];

interface Segment {
  linkId: string;
  name: string;
  index: number;
  path: [number, number, number][];
  closed: boolean;
}

interface Prepared {
  segments: Segment[];
  bottlenecks: Bottleneck[];
  /** Midpoints of bottleneck segments, for markers. */
  markers: { bottleneck: Bottleneck; segment: Segment; position: [number, number, number] }[];
}

/** Parsed once per run: geometry, which links the scenario closes, bottlenecks. */
const prepared = new WeakMap<RunOutcome, Prepared>();

function prepare(
  outcome: RunOutcome,
  changes: Context['scenario']['changes'],
  baselineData: unknown,
): Prepared | null {
  const cached = prepared.get(outcome);
  if (cached) return cached;
  const parsed = networkFileSchema.safeParse(baselineData);
  const density = outcome.output.fields['density'];
  if (!parsed.success || !density) return null;
  const file: NetworkFile = parsed.data;
  const nodes = new Map(file.nodes.map((n) => [n.id, n]));
  const columns = indexById(density);
  const closed = new Set(changes.flatMap((c) => (c.type === 'close-link' ? [c.link] : [])));
  const segments: Segment[] = file.links.flatMap((link) => {
    const index = columns.get(link.id);
    const from = nodes.get(link.from);
    const to = nodes.get(link.to);
    if (index === undefined || !from || !to) return [];
    return [
      {
        linkId: link.id,
        name: link.name ?? link.id,
        index,
        path: [toOverlayPosition(from.lon, from.lat, 0), toOverlayPosition(to.lon, to.lat, 0)],
        closed: closed.has(link.id),
      },
    ];
  });
  const kindOf = new Map(file.links.map((l) => [l.id, l.kind ?? 'moving'] as const));
  const bottlenecks = findBottlenecks(outcome.output, (id) => kindOf.get(id) ?? 'moving');
  const byId = new Map(segments.map((s) => [s.linkId, s]));
  const markers = bottlenecks.flatMap((bottleneck) => {
    const segment = byId.get(bottleneck.linkId);
    if (!segment) return [];
    const [a, b] = segment.path as [[number, number, number], [number, number, number]];
    const position: [number, number, number] = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, 0];
    return [{ bottleneck, segment, position }];
  });
  const result = { segments, bottlenecks, markers };
  prepared.set(outcome, result);
  return result;
}

/** The field the display shows: scenario or normal-day density, or their difference. */
function shownField(outcome: RunOutcome, display: ScenarioDisplay): Field | undefined {
  if (display === 'baseline') return outcome.baseline?.fields['density'];
  if (display === 'difference') return outcome.difference?.fields['density'];
  return outcome.output.fields['density'];
}

export function segmentColor(display: ScenarioDisplay, value: number): Rgba {
  if (display === 'difference') return colorFor(DENSITY_CHANGE_LEGEND, value);
  return LOS_COLORS[fruinIndex(value)]!;
}

/** Wider = worse: 4 m at LoS A to 14 m at F, so the worst streets stand out without colour too. */
export function segmentWidth(display: ScenarioDisplay, value: number): number {
  if (display === 'difference') return 4 + Math.min(Math.abs(value), 2) * 5;
  return 4 + 2 * fruinIndex(value);
}

function render({ outcome, scenario, baselineData, step, display }: Context) {
  const p = prepare(outcome, scenario.changes, baselineData);
  const field = shownField(outcome, display);
  if (!p || !field) return {};
  const value = (s: Segment) => fieldValue(field, step, s.index);
  const isClosed = (s: Segment) => s.closed && display !== 'baseline';
  const key = `${display}:${step}`;
  const showMarkers = display !== 'baseline';
  // Queues where they stand: from the end they reach, back along the street by their length.
  const fields = display === 'baseline' ? outcome.baseline?.fields : outcome.output.fields;
  const forward = display === 'difference' ? undefined : fields?.['queueForward'];
  const backward = display === 'difference' ? undefined : fields?.['queueBackward'];
  const queueDensity = fields?.['queueDensity'];
  type Queue = { path: [number, number, number][]; density: number };
  const queues: Queue[] = [];
  if (forward && backward)
    for (const s of p.segments) {
      const [a, b] = s.path as [[number, number, number], [number, number, number]];
      const metres = Math.hypot(b[0] - a[0], b[1] - a[1]);
      const density = queueDensity ? fieldValue(queueDensity, step, s.index) : 0;
      for (const [length, end, start] of [
        [fieldValue(forward, step, s.index), b, a],
        [fieldValue(backward, step, s.index), a, b],
      ] as const) {
        if (!(length > 0) || !(metres > 0)) continue;
        const f = Math.min(1, length / metres);
        const tail: [number, number, number] = [
          end[0] + (start[0] - end[0]) * f,
          end[1] + (start[1] - end[1]) * f,
          0,
        ];
        queues.push({ path: [tail, end], density });
      }
    }
  return {
    ground: [
      new PathLayer<Segment>({
        id: 'scenario-crowd-segments',
        data: p.segments,
        coordinateSystem: COORDINATE_SYSTEM.CARTESIAN,
        getPath: (s) => s.path,
        getColor: (s) => (isClosed(s) ? CLOSED : segmentColor(display, value(s))),
        getWidth: (s) => (isClosed(s) ? 3 : segmentWidth(display, value(s))),
        widthUnits: 'meters',
        widthMinPixels: 3,
        capRounded: true,
        pickable: true,
        updateTriggers: { getColor: key, getWidth: key },
      }),
      new PathLayer<Queue>({
        id: 'scenario-crowd-queues',
        data: queues,
        coordinateSystem: COORDINATE_SYSTEM.CARTESIAN,
        getPath: (q) => q.path,
        getColor: (q) => LOS_COLORS[fruinIndex(q.density)]!,
        getWidth: (q) => 2 + segmentWidth('scenario', q.density),
        widthUnits: 'meters',
        widthMinPixels: 5,
        capRounded: true,
        pickable: false,
      }),
    ],
    none: showMarkers
      ? [
          // Bottlenecks are warnings: always visible, drawn over the buildings.
          new ScatterplotLayer<Prepared['markers'][number]>({
            id: 'scenario-crowd-bottlenecks',
            data: p.markers,
            coordinateSystem: COORDINATE_SYSTEM.CARTESIAN,
            getPosition: (m) => m.position,
            getRadius: 7,
            radiusUnits: 'pixels',
            getFillColor: (m) =>
              step >= m.bottleneck.firstStep && step <= m.bottleneck.lastStep
                ? [200, 0, 30, 255]
                : [255, 255, 255, 255],
            getLineColor: [150, 0, 40, 255],
            lineWidthMinPixels: 2,
            stroked: true,
            pickable: true,
            updateTriggers: { getFillColor: step },
          }),
          new TextLayer<Prepared['markers'][number]>({
            id: 'scenario-crowd-bottleneck-labels',
            data: p.markers.slice(0, 3),
            coordinateSystem: COORDINATE_SYSTEM.CARTESIAN,
            getPosition: (m) => m.position,
            getText: (m) => m.segment.name,
            getSize: 13,
            ...LABEL_STYLE,
            getColor: [60, 0, 10, 255],
            getPixelOffset: [0, -16],
            pickable: false,
          }),
        ]
      : [],
  };
}

function describe(object: unknown, context: Context) {
  const { outcome, baselineData, step, t } = context;
  const p = prepare(outcome, context.scenario.changes, baselineData);
  if (!p || typeof object !== 'object' || object === null) return null;
  const segment = 'linkId' in object ? (object as Segment) : (object as { segment?: Segment }).segment;
  if (!segment) return null;
  const scenario = outcome.output.fields['density'];
  const normal = outcome.baseline?.fields['density'];
  if (!scenario) return null;
  const rho = fieldValue(scenario, step, segment.index);
  const rows = [
    { label: t('scenario.crowd.at'), value: stepClock(outcome.output, step) },
    segment.closed
      ? { label: t('scenario.crowd.state'), value: t('scenario.crowd.closed') }
      : {
          label: t('scenario.crowd.density'),
          value: `${rho.toFixed(2)} p/m² (${t('scenario.crowd.los')} ${FRUIN_LEVELS[fruinIndex(rho)]})`,
        },
  ];
  if (normal) {
    const base = fieldValue(normal, step, segment.index);
    rows.push({ label: t('scenario.crowd.normalDay'), value: `${base.toFixed(2)} p/m²` });
  }
  const bottleneck = p.bottlenecks.find((b) => b.linkId === segment.linkId);
  if (bottleneck)
    rows.push({
      label: t('scenario.crowd.bottleneck'),
      value: t('scenario.crowd.bottleneckSpan', {
        from: stepClock(outcome.output, bottleneck.firstStep),
        until: stepClock(outcome.output, bottleneck.lastStep + 1),
      }),
    });
  return { title: segment.name, rows };
}

export const crowdEventView: ScenarioView<typeof crowdEventDefinition> = {
  legend: (display) => (display === 'difference' ? DENSITY_CHANGE_LEGEND : LOS_LEGEND),
  render,
  describe,
};

/** Bottlenecks of the run (shared with the panel, computed once per run). */
export function crowdBottlenecks(
  outcome: RunOutcome,
  scenario: Context['scenario'],
  baselineData: unknown,
): Bottleneck[] {
  return prepare(outcome, scenario.changes, baselineData)?.bottlenecks ?? [];
}

import { z } from 'zod';
import { cooperative } from '../engine/cooperative.ts';
import type {
  Field,
  Indicator,
  RunOptions,
  Scenario,
  ScenarioIssue,
  ScenarioKind,
  ScenarioOutput,
} from '../engine/types.ts';
import { FRUIN_LEVELS } from './fruin.ts';
import { networkFileSchema, toModelLinks, type NetworkFile } from './network-file.ts';
import {
  NetworkLoading,
  type Demand,
  type LoadingInput,
  type PedLink,
  type Zone,
} from './network-loading.ts';
import { WARNING_LEVELS, warningLevel } from './thresholds.ts';

/**
 * The `crowd-event` scenario kind: an event (visitors arriving at and leaving a venue over the
 * day) and street measures (closures, narrowings, one-way) as a diff over the pedestrian network
 * and its usual background flows. Times are wall-clock HH:MM of the modelled day.
 */
const time = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a time HH:MM between 00:00 and 24:00');

export function minutesOfDay(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

const window = z
  .object({ from: time, peak: time, until: time })
  .strict()
  .refine(
    (w) => minutesOfDay(w.from) <= minutesOfDay(w.peak) && minutesOfDay(w.peak) <= minutesOfDay(w.until),
    {
      message: 'needs from ≤ peak ≤ until',
    },
  )
  .refine((w) => minutesOfDay(w.until) > minutesOfDay(w.from), { message: 'until must be later than from' });

const share = z
  .object({ node: z.string().min(1), share: z.number().positive('a share must be more than 0') })
  .strict();

const eventChange = z
  .object({
    type: z.literal('event'),
    name: z.string().max(120).optional(),
    venue: z
      .object({
        /** Usable standing area of the event terrain (m²). */
        area: z.number().positive('the venue area must be more than 0 m²').max(1_000_000),
        /** Where visitors enter and leave the terrain, with the share using each. */
        entrances: z.array(share).min(1, 'needs at least one entrance'),
      })
      .strict(),
    /** Visitors over the whole event (each arrives once and leaves once). */
    visitors: z.number().int('must be a whole number').min(0, 'must be 0 or more').max(2_000_000),
    /** Where visitors come from and go back to (station, car parks, city), with shares. */
    origins: z.array(share).min(1, 'needs at least one origin'),
    /** Triangular arrival and departure profiles (an assumption; calibrate with ticket scans or counts). */
    arrival: window,
    departure: window,
  })
  .strict();

const linkId = z.string().min(1);
const closeLink = z.object({ type: z.literal('close-link'), link: linkId }).strict();
const setWidth = z
  .object({
    type: z.literal('set-width'),
    link: linkId,
    width: z.number().positive('a walkable width must be more than 0 m').max(200),
  })
  .strict();
const oneWay = z
  .object({ type: z.literal('one-way'), link: linkId, direction: z.enum(['forward', 'backward']) })
  .strict();
const scaleBackground = z
  .object({ type: z.literal('scale-background'), factor: z.number().min(0, 'must be 0 or more').max(20) })
  .strict();

export const crowdChangeSchema = z.discriminatedUnion('type', [
  eventChange,
  closeLink,
  setWidth,
  oneWay,
  scaleBackground,
]);
export type CrowdChange = z.infer<typeof crowdChangeSchema>;

export const crowdRunSchema = z
  .object({
    /** The modelled day (for labels; the background profile is the file's). */
    date: z.iso.date().optional(),
    from: time.optional(),
    until: time.optional(),
    /** Output step: 5 s … 15 min; the model sub-steps internally when links are short. */
    stepSeconds: z
      .number()
      .int('must be whole seconds')
      .min(5, 'must be at least 5 s')
      .max(900, 'must be at most 900 s')
      .optional(),
  })
  .strict()
  .refine((r) => minutesOfDay(r.until ?? '24:00') > minutesOfDay(r.from ?? '12:00'), {
    message: 'until must be later than from',
    path: ['until'],
  });
export type CrowdRun = z.infer<typeof crowdRunSchema>;

export const RUN_DEFAULTS = { from: '12:00', until: '24:00', stepSeconds: 60 } as const;

export type CrowdScenario = Scenario<CrowdChange, CrowdRun>;

/** Unknown ids and impossible combinations, with the path of the change. */
export function checkCrowdScenario(scenario: CrowdScenario, file: NetworkFile): ScenarioIssue[] {
  const nodes = new Set(file.nodes.map((n) => n.id));
  const links = new Set(file.links.map((l) => l.id));
  const issues: ScenarioIssue[] = [];
  scenario.changes.forEach((change, i) => {
    const at = `changes[${i}]`;
    if (change.type === 'event') {
      const entrances = new Set(change.venue.entrances.map((e) => e.node));
      change.venue.entrances.forEach((e, j) => {
        if (!nodes.has(e.node))
          issues.push({ path: `${at}.venue.entrances[${j}].node`, message: `unknown node "${e.node}"` });
      });
      change.origins.forEach((o, j) => {
        if (!nodes.has(o.node))
          issues.push({ path: `${at}.origins[${j}].node`, message: `unknown node "${o.node}"` });
        else if (entrances.has(o.node))
          issues.push({ path: `${at}.origins[${j}].node`, message: 'an origin cannot also be an entrance' });
      });
    } else if (change.type !== 'scale-background' && !links.has(change.link)) {
      issues.push({ path: `${at}.link`, message: `unknown link "${change.link}"` });
    }
  });
  return issues;
}

/** Share of a triangular distribution on [a, c] with mode b that falls before x (its CDF). */
export function triangularCdf(x: number, a: number, b: number, c: number): number {
  if (x <= a) return 0;
  if (x >= c) return 1;
  if (x <= b) return b === a ? 0 : (x - a) ** 2 / ((c - a) * (b - a));
  return c === b ? 1 : 1 - (c - x) ** 2 / ((c - a) * (c - b));
}

const SLOT = 60; // demand resolution (s)

/** Persons per second in one-minute slots from `from`, for a triangular window. */
function triangularRates(total: number, w: { from: string; peak: string; until: string }): number[] {
  const a = minutesOfDay(w.from) * 60;
  const b = minutesOfDay(w.peak) * 60;
  const c = minutesOfDay(w.until) * 60;
  const rates: number[] = [];
  for (let t = a; t < c; t += SLOT)
    rates.push((total * (triangularCdf(t + SLOT, a, b, c) - triangularCdf(t, a, b, c))) / SLOT);
  return rates;
}

function normalise<T extends { share: number }>(items: readonly T[]): (T & { fraction: number })[] {
  const sum = items.reduce((s, i) => s + i.share, 0);
  return items.map((i) => ({ ...i, fraction: i.share / sum }));
}

/** Builds the model input: the network with the changes applied, background and event demand. */
export function buildLoadingInput(
  scenario: CrowdScenario,
  file: NetworkFile,
): { input: LoadingInput; notes: string[]; startsAt: string } {
  const run = { ...RUN_DEFAULTS, ...scenario.run };
  const runStart = minutesOfDay(run.from) * 60;
  const duration = minutesOfDay(run.until) * 60 - runStart;
  const steps = Math.max(1, Math.ceil(duration / run.stepSeconds));
  const notes: string[] = [];
  if (file.meta.sample) notes.push(`The network is an approximate sample: ${file.meta.note}`);

  const links = new Map<string, PedLink>(toModelLinks(file).map((l) => [l.id, l]));
  let backgroundFactor = 1;
  const zones: Zone[] = [];
  const demands: Demand[] = [];
  scenario.changes.forEach((change, i) => {
    switch (change.type) {
      case 'close-link':
        links.get(change.link)!.closed = true;
        break;
      case 'set-width':
        links.get(change.link)!.width = change.width;
        break;
      case 'one-way': {
        const l = links.get(change.link)!;
        l.oneWay = true;
        if (change.direction === 'backward') [l.from, l.to] = [l.to, l.from];
        break;
      }
      case 'scale-background':
        backgroundFactor *= change.factor;
        break;
      case 'event': {
        const zone = `event-${i}`;
        zones.push({ id: zone, area: change.venue.area });
        const arrive = triangularRates(change.visitors, change.arrival);
        const leave = triangularRates(change.visitors, change.departure);
        for (const o of normalise(change.origins))
          for (const e of normalise(change.venue.entrances)) {
            const f = o.fraction * e.fraction;
            const timing = (w: { from: string }) => ({
              start: minutesOfDay(w.from) * 60 - runStart,
              step: SLOT,
            });
            demands.push({
              origin: o.node,
              destination: e.node,
              toZone: zone,
              ...timing(change.arrival),
              rates: arrive.map((r) => r * f),
            });
            demands.push({
              origin: e.node,
              destination: o.node,
              fromZone: zone,
              ...timing(change.departure),
              rates: leave.map((r) => r * f),
            });
          }
        if (minutesOfDay(change.arrival.from) * 60 < runStart)
          notes.push(
            `Arrivals at "${change.name ?? zone}" before ${run.from} are outside the run and not modelled.`,
          );
        break;
      }
    }
  });
  if (file.background && backgroundFactor > 0) {
    for (const f of file.background.flows) {
      if (f.from === f.to || f.peakPerHour === 0) continue;
      const rates = file.background.profile.map((share) => (f.peakPerHour * share * backgroundFactor) / 3600);
      demands.push({ origin: f.from, destination: f.to, start: -runStart, step: 3600, rates });
    }
  }
  return {
    input: {
      network: { nodes: file.nodes.map((n) => n.id), links: [...links.values()] },
      demands,
      zones,
      stepSeconds: run.stepSeconds,
      steps,
    },
    notes,
    startsAt: run.from,
  };
}

export async function runCrowdScenario(
  scenario: CrowdScenario,
  file: NetworkFile,
  options: RunOptions = {},
): Promise<ScenarioOutput> {
  const { input, notes, startsAt } = buildLoadingInput(scenario, file);
  const model = new NetworkLoading(input);
  const checkpoint = cooperative(options);
  while (!model.done) {
    model.step();
    await checkpoint(model.progress);
  }
  const r = model.result();
  const ids = r.links.linkIds;
  const ind = r.indicators;
  const indicators: Record<string, Indicator> = {};
  indicators['peakDensity'] = {
    value: ind.peakDensity?.density ?? 0,
    unit: 'p/m²',
    label: ind.peakDensity?.linkId ?? '',
  };
  indicators['peakLevel'] = {
    value: r.links.los.reduce((m, v) => Math.max(m, v), 0),
    unit: 'Fruin LoS index (0 = A … 5 = F)',
    label: FRUIN_LEVELS[r.links.los.reduce((m, v) => Math.max(m, v), 0)]!,
  };
  for (const [level, s] of Object.entries(ind.minutesAboveSummary)) {
    indicators[`linkMinutesAbove.${level}`] = { value: s.linkMinutes, unit: 'link-min' };
    indicators[`maxMinutesAbove.${level}`] = { value: s.maxMinutes, unit: 'min' };
  }
  // Delay where the queue stands: time on the link beyond free flow, from its cumulative curves.
  indicators['worstBottleneckDelay'] = {
    value: ind.worstBottleneck?.delayPersonMinutes ?? 0,
    unit: 'person-min',
    label: ind.worstBottleneck?.linkId ?? '',
  };
  indicators['totalDelay'] = { value: ind.totalDelayPersonMinutes, unit: 'person-min' };
  indicators['longestQueue'] = {
    value: ind.longestQueue?.length ?? 0,
    unit: 'm',
    label: ind.longestQueue ? `${ind.longestQueue.linkId} (${ind.longestQueue.end})` : '',
  };
  indicators['longestQueueDensity'] = {
    value: ind.longestQueue?.density ?? 0,
    unit: 'p/m²',
    label: ind.longestQueue?.linkId ?? '',
  };
  ind.zones.forEach((z) => {
    indicators[`venue.${z.id}.peak`] = { value: z.peak, unit: 'persons' };
    indicators[`venue.${z.id}.peakDensity`] = {
      value: z.peakDensity,
      unit: 'p/m²',
      label: warningLevel(z.peakDensity, 'standing'),
    };
  });
  indicators['arrived'] = { value: r.totals.exited.reduce((s, v) => s + v, 0), unit: 'persons' };
  indicators['waitingAtEnd'] = { value: ind.waitingAtEnd, unit: 'persons' };
  indicators['onStreetsAtEnd'] = { value: r.totals.stock.at(-1) ?? 0, unit: 'persons' };
  indicators['unroutable'] = { value: ind.unroutable, unit: 'persons' };
  if (ind.unroutable > 0.5)
    notes.push(`${Math.round(ind.unroutable)} people had no open route and were left out.`);

  const perLink = (values: Float32Array): Field => ({ ids, steps: 1, values });
  const peak = new Float32Array(ids.length);
  for (let s = 0; s < r.links.steps; s++)
    for (let l = 0; l < ids.length; l++) peak[l] = Math.max(peak[l]!, r.links.density[s * ids.length + l]!);
  const fields: Record<string, Field> = {
    // The densest cell of each link, so a queue at one end is not averaged over the link.
    density: { ids, steps: r.links.steps, values: r.links.density },
    meanDensity: { ids, steps: r.links.steps, values: r.links.meanDensity },
    queueForward: { ids, steps: r.links.steps, values: r.links.queueForward },
    queueBackward: { ids, steps: r.links.steps, values: r.links.queueBackward },
    queueDensity: { ids, steps: r.links.steps, values: r.links.queueDensity },
    cellDensity: { ids: r.links.cells.ids, steps: r.links.steps, values: r.links.cellDensity },
    flow: { ids, steps: r.links.steps, values: r.links.flow },
    los: { ids, steps: r.links.steps, values: r.links.los },
    peakDensity: perLink(peak),
    delayMinutes: perLink(ind.delayMinutes),
  };
  for (const level of WARNING_LEVELS) {
    const m = ind.minutesAbove[level];
    if (m) fields[`minutesAbove.${level}`] = perLink(m);
  }
  return { kind: 'crowd-event', indicators, fields, stepSeconds: r.links.stepSeconds, startsAt, notes };
}

export const crowdEventKind: ScenarioKind<CrowdChange, CrowdRun, NetworkFile> = {
  kind: 'crowd-event',
  changeSchema: crowdChangeSchema,
  runSchema: crowdRunSchema,
  baselineSchema: networkFileSchema,
  baselineId: (file) => file.meta.id,
  check: checkCrowdScenario,
  run: runCrowdScenario,
};

import { cooperative } from '../engine/cooperative.ts';
import type {
  Field,
  Indicator,
  RunOptions,
  KindRunner,
  ModelNote,
  ScenarioIssue,
  ScenarioOutput,
} from '../engine/types.ts';
import { FRUIN_LEVELS } from './fruin.ts';
import {
  minutesOfDay,
  RUN_DEFAULTS,
  type CrowdChange,
  type CrowdRun,
  type CrowdScenario,
} from './definition.ts';
import { toModelLinks, type NetworkFile } from './network-file.ts';
import {
  NetworkLoading,
  type Demand,
  type LoadingInput,
  type PedLink,
  type Zone,
} from './network-loading.ts';
import { WARNING_LEVELS, warningLevel } from './thresholds.ts';

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
): { input: LoadingInput; notes: ModelNote[]; startsAt: string } {
  const run = { ...RUN_DEFAULTS, ...scenario.run };
  const runStart = minutesOfDay(run.from) * 60;
  const duration = minutesOfDay(run.until) * 60 - runStart;
  const steps = Math.max(1, Math.ceil(duration / run.stepSeconds));
  const notes: ModelNote[] = [];
  if (file.meta.sample)
    notes.push({ key: 'scenario.note.sampleNetwork', params: { detail: file.meta.note } });

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
          notes.push({
            key: 'scenario.note.crowd.arrivalsBeforeStart',
            params: { event: change.name ?? zone, time: run.from },
          });
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
    notes.push({ key: 'scenario.note.crowd.unroutable', params: { count: Math.round(ind.unroutable) } });

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

/** The worker side of `crowd-event`: checks against the network and the pedestrian model. */
export const crowdEventRunner: KindRunner<CrowdChange, CrowdRun, NetworkFile> = {
  check: checkCrowdScenario,
  run: runCrowdScenario,
};

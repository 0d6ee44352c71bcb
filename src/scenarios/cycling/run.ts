import { cooperative } from '../engine/cooperative.ts';
import type {
  Field,
  Indicator,
  RunOptions,
  KindRunner,
  ModelNote,
  ScenarioIssue,
  ScenarioOutput,
  Table,
} from '../engine/types.ts';
import { assignAsync, pairCosts, type AssignmentResult, type AssignOptions } from './assignment.ts';
import { applyChanges, type CyclingChange } from './changes.ts';
import type { CyclingRun, CyclingScenario } from './definition.ts';
import { baselineDemand, observedLinks, type BaselineDemand } from './demand.ts';
import { geodeticToEcef } from '../../geo/enu.ts';
import { parametersOf, type BikeNetworkFile, type DayType, type ModelParameters } from './network-file.ts';
import { compileGraph, networkFromFile, type BikeNetwork, type NetLink } from './network.ts';
import { ESTIMATION_DEFAULTS, type StopReason } from './od-estimation.ts';
import { HOTSPOT_RATIO, hotspotVolume, levelOfService } from './level-of-service.ts';
import { HOURS, pivotFlows } from './pivot.ts';
import { networkProfile } from './profiles.ts';

/** OD pairs always in the travel-time table (the busiest), and how many changed pairs are added. */
export const MAIN_OD_PAIRS = 15;
export const CHANGED_OD_PAIRS = 10;

export const OD_TABLE_COLUMNS = [
  'origin',
  'destination',
  'trips',
  'baselineMinutes',
  'scenarioMinutes',
  'changeMinutes',
  'detourFactor',
  'overDetourLimit',
] as const;

export function checkCyclingScenario(scenario: CyclingScenario, file: BikeNetworkFile): ScenarioIssue[] {
  return applyChanges(networkFromFile(file), scenario.changes, parametersOf(file)).issues;
}

/** The scenario's links for drawing: the file's, edited, plus added ones (geometry, name, state). */
export function scenarioLinks(
  file: BikeNetworkFile,
  changes: readonly CyclingChange[],
): Pick<NetLink, 'id' | 'name' | 'geometry' | 'closed' | 'added' | 'forward' | 'backward' | 'width'>[] {
  const { network } = applyChanges(networkFromFile(file), changes, parametersOf(file));
  return network.links.map(({ id, name, geometry, closed, added, forward, backward, width }) => ({
    id,
    name,
    geometry,
    closed,
    added,
    forward,
    backward,
    width,
  }));
}

interface BaseRun {
  net: BikeNetwork;
  demand: BaselineDemand;
  options: AssignOptions;
  assignment: AssignmentResult;
  observed: Map<number, Float64Array>;
  profile: number[];
}

/**
 * The baseline assignment per parsed file and day type. The engine runs the baseline and the
 * scenario with the same parsed file object, so a compare run assigns the baseline only once.
 */
const baseRuns = new WeakMap<BikeNetworkFile, Map<DayType, Promise<BaseRun>>>();

function baseRun(
  file: BikeNetworkFile,
  dayType: DayType,
  params: ModelParameters,
  checkpoint: (fraction: number) => Promise<void>,
): Promise<BaseRun> {
  const perFile = baseRuns.get(file) ?? new Map<DayType, Promise<BaseRun>>();
  baseRuns.set(file, perFile);
  const cached = perFile.get(dayType);
  if (cached) return cached;
  const run = (async (): Promise<BaseRun> => {
    const net = networkFromFile(file);
    const graph = compileGraph(net);
    const demand = baselineDemand(file, net, graph, dayType, params);
    const options: AssignOptions = {
      routeChoice: 'logit',
      theta: params.theta,
      pairCost: pairCosts(graph, demand.zoneNodes),
    };
    const assignment = await assignAsync(graph, demand, options, (f) => checkpoint(0.5 * f));
    const observed = new Map(observedLinks(file, net, dayType).map((o) => [o.link, o.hourly]));
    const profile = networkProfile(file.counts?.points ?? [], dayType);
    return { net, demand, options, assignment, observed, profile };
  })();
  perFile.set(dayType, run);
  // A cancelled or failed run must not stay cached.
  run.catch(() => perFile.delete(dayType));
  return run;
}

export async function runCyclingScenario(
  scenario: CyclingScenario,
  file: BikeNetworkFile,
  options: RunOptions = {},
): Promise<ScenarioOutput> {
  const params = parametersOf(file);
  const dayType = scenario.run.dayType ?? 'weekday';
  const hour = scenario.run.hour;
  const checkpoint = cooperative(options);
  const base = await baseRun(file, dayType, params, checkpoint);
  const { network, issues } = applyChanges(base.net, scenario.changes, params);
  if (issues.length > 0) throw new Error(issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  const scn =
    scenario.changes.length === 0
      ? base.assignment
      : await assignAsync(compileGraph(network), base.demand, base.options, (f) => checkpoint(0.5 + 0.5 * f));

  const links = network.links;
  const ids = links.map((l) => l.id);
  const pivot = pivotFlows({
    profile: base.profile,
    observed: base.observed,
    base: base.assignment.linkFlow,
    scenario: scn.linkFlow,
    closed: links.map((l) => l.closed),
    rule: params.pivotRule,
  });

  // Hotspots: volume against where LoS F begins (Botma 1995), at the chosen hour or the busiest.
  const n = links.length;
  const vc = new Float32Array(HOURS * n);
  const los = new Uint8Array(HOURS * n);
  const hotspotVc = new Float32Array(n);
  links.forEach((l, i) => {
    const threshold = hotspotVolume(l.width);
    let worst = 0;
    for (let h = 0; h < HOURS; h++) {
      const volume = pivot.hourly[h * n + i]!;
      const r = volume / threshold;
      vc[h * n + i] = r;
      los[h * n + i] = levelOfService(volume, l.width);
      if (hour === undefined ? r > worst : h === hour) worst = r;
    }
    hotspotVc[i] = worst;
  });
  let hotspots = 0;
  let worst = -1;
  hotspotVc.forEach((r, i) => {
    if (r >= HOTSPOT_RATIO) hotspots++;
    if (worst < 0 || r > hotspotVc[worst]!) worst = i;
  });

  const period = hour === undefined ? 1 : base.profile[hour]!;
  const tripUnit = hour === undefined ? 'trips/day' : 'trips/h';
  const od = odSummary(file, base, scn, params, period);

  let cycledKm = 0;
  links.forEach((l, i) => {
    const flow = hour === undefined ? pivot.daily[i]! : pivot.hourly[hour * n + i]!;
    cycledKm += (flow * l.length) / 1000;
  });

  const indicators: Record<string, Indicator> = {
    totalTrips: { value: od.totalTrips, unit: tripUnit },
    unservableTrips: { value: od.unservableTrips, unit: tripUnit },
    hotspots: { value: hotspots, unit: 'links' },
    worstHotspot: {
      value: worst >= 0 ? hotspotVc[worst]! : null,
      unit: 'volume / volume where level of service F begins (Botma 1995)',
      label: worst >= 0 ? links[worst]!.name : '',
    },
    odPairsOverDetour: { value: od.pairsOverDetour, unit: 'OD pairs' },
    tripsOverDetour: { value: od.tripsOverDetour, unit: tripUnit },
    meanTripMinutes: { value: od.meanMinutes, unit: 'min' },
    cycledKm: { value: cycledKm, unit: hour === undefined ? 'km/day' : 'km/h' },
  };
  const fields: Record<string, Field> = {
    flow: { ids, steps: HOURS, values: pivot.hourly },
    daily: { ids, steps: 1, values: pivot.daily },
    vc: { ids, steps: HOURS, values: vc },
    los: { ids, steps: HOURS, values: los },
    hotspotVc: { ids, steps: 1, values: hotspotVc },
  };
  const tables: Record<string, Table> = { odTravelTimes: od.table };
  const notes = runNotes(file, base, network, pivot.clampedLinks, od, dayType, hour);
  return { kind: 'cycling-route', indicators, fields, tables, stepSeconds: 3600, startsAt: '00:00', notes };
}

interface OdSummary {
  totalTrips: number;
  unservableTrips: number;
  pairsOverDetour: number;
  tripsOverDetour: number;
  meanMinutes: number | null;
  unservablePairs: { origin: string; destination: string; trips: number }[];
  table: Table;
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/** The k best of `count` items by `better` (a strict order), best first; O(count · k), no full sort. */
export function topK(count: number, k: number, better: (a: number, b: number) => boolean): number[] {
  const best: number[] = [];
  for (let i = 0; i < count; i++) {
    if (best.length === k && !better(i, best[k - 1]!)) continue;
    let at = best.length;
    while (at > 0 && better(i, best[at - 1]!)) at--;
    best.splice(at, 0, i);
    if (best.length > k) best.pop();
  }
  return best;
}

/** Trips, detours and the travel-time table, from the baseline and scenario least-cost routes. */
function odSummary(
  file: BikeNetworkFile,
  base: BaseRun,
  scn: AssignmentResult,
  params: ModelParameters,
  period: number,
): OdSummary {
  const zones = file.zones;
  const n = zones.length;
  const trips = base.demand.trips;
  const before = base.assignment.skim.minutes;
  const after = scn.skim.minutes;
  const ecef = base.demand.zoneNodes.map((node) => geodeticToEcef(...base.net.lonLat[node]!));
  const detour = new Float64Array(n * n).fill(NaN);
  let totalTrips = 0;
  let unservableTrips = 0;
  let pairsOverDetour = 0;
  let tripsOverDetour = 0;
  let minuteTrips = 0;
  let servedTrips = 0;
  const unservablePairs: OdSummary['unservablePairs'] = [];
  for (let o = 0; o < n; o++)
    for (let d = 0; d < n; d++) {
      const k = o * n + d;
      const t = trips[k]! * period;
      if (o === d || !(t > 0)) continue;
      totalTrips += t;
      const lost = scn.unservable[k]! * period;
      if (lost > 0) {
        unservableTrips += lost;
        unservablePairs.push({ origin: zones[o]!.name, destination: zones[d]!.name, trips: lost });
      }
      const [x1, y1, z1] = ecef[o]!;
      const [x2, y2, z2] = ecef[d]!;
      const straight = Math.hypot(x2 - x1, y2 - y1, z2 - z1);
      // Shortest cyclable distance / crow-fly distance (CROW), not the fastest route's length.
      if (straight > 0) detour[k] = scn.skim.shortestMetres[k]! / straight;
      if (detour[k]! > params.detourLimit) {
        pairsOverDetour++;
        tripsOverDetour += t;
      }
      if (Number.isFinite(after[k]!)) {
        minuteTrips += t * after[k]!;
        servedTrips += t;
      }
    }

  // The busiest pairs always; then the pairs the scenario changes most (not in the baseline's table).
  const hasTrips = (k: number) => k % (n + 1) !== 0 && trips[k]! > 0;
  const main = topK(
    n * n,
    MAIN_OD_PAIRS,
    (a, b) => hasTrips(a) && (!hasTrips(b) || trips[a]! > trips[b]! || (trips[a] === trips[b] && a < b)),
  );
  const inMain = new Set(main.filter(hasTrips));
  const change = (k: number) =>
    Number.isFinite(after[k]!)
      ? Math.abs(after[k]! - before[k]!)
      : Number.isFinite(before[k]!)
        ? Infinity
        : 0;
  const candidate = (k: number) => hasTrips(k) && !inMain.has(k) && change(k) >= 0.05;
  const extra = topK(
    n * n,
    CHANGED_OD_PAIRS,
    (a, b) =>
      candidate(a) &&
      (!candidate(b) || change(a) > change(b) || (change(a) === change(b) && trips[a]! > trips[b]!)),
  ).filter(candidate);
  const num = (v: number, digits: number) => (Number.isFinite(v) ? round(v, digits) : null);
  const table: Table = {
    columns: [...OD_TABLE_COLUMNS],
    rows: [...inMain, ...extra].map((k) => [
      zones[Math.floor(k / n)]!.name,
      zones[k % n]!.name,
      round(trips[k]! * period, 1),
      num(before[k]!, 2),
      num(after[k]!, 2),
      num(after[k]! - before[k]!, 2),
      num(detour[k]!, 2),
      detour[k]! > params.detourLimit ? 1 : 0,
    ]),
  };
  return {
    totalTrips,
    unservableTrips,
    pairsOverDetour,
    tripsOverDetour,
    meanMinutes: servedTrips > 0 ? minuteTrips / servedTrips : null,
    unservablePairs: unservablePairs.sort((a, b) => b.trips - a.trips),
    table,
  };
}

/** Why the count matching stopped, in words (the tolerance is the estimation's own). */
const STOP_NOTES: Record<StopReason, ModelNote> = {
  matched: {
    key: 'scenario.note.cycling.stop.matched',
    params: { tolerance: ESTIMATION_DEFAULTS.tolerance * 100 },
  },
  stalled: { key: 'scenario.note.cycling.stop.stalled' },
  limit: { key: 'scenario.note.cycling.stop.limit' },
};

function runNotes(
  file: BikeNetworkFile,
  base: BaseRun,
  network: BikeNetwork,
  clampedLinks: number[],
  od: OdSummary,
  dayType: DayType,
  hour: number | undefined,
): ModelNote[] {
  const notes: ModelNote[] = [];
  if (file.meta.sample)
    notes.push({ key: 'scenario.note.sampleNetwork', params: { detail: file.meta.note } });
  if (file.counts?.sample)
    notes.push({ key: 'scenario.note.sampleCounts', params: { detail: file.counts.note } });
  const fit = base.demand.fit;
  const day: ModelNote = { key: `scenario.cycling.day.${dayType}` };
  if (fit)
    notes.push({
      key:
        base.demand.source === 'file'
          ? 'scenario.note.cycling.demandStored'
          : 'scenario.note.cycling.demandEstimated',
      params: {
        day,
        links: fit.links,
        rmse: Math.round(fit.rmse),
        relativeRmse: Math.round(fit.relativeRmse * 1000) / 10,
        maxGeh: Math.round(fit.maxGeh * 10) / 10,
      },
    });
  if (fit?.rounds !== undefined)
    notes.push({
      key: 'scenario.note.cycling.matchRounds',
      params: { rounds: fit.rounds, stop: STOP_NOTES[fit.stop ?? 'limit'] },
    });
  if (!fit) notes.push({ key: 'scenario.note.cycling.noCounts', params: { day } });
  if (od.unservableTrips > 0) {
    const pairs: ModelNote[] = od.unservablePairs.slice(0, 5).map((p) => ({
      key: 'scenario.note.cycling.pair',
      params: { origin: p.origin, destination: p.destination, trips: Math.round(p.trips) },
    }));
    const more = od.unservablePairs.length - pairs.length;
    notes.push({
      key: more > 0 ? 'scenario.note.cycling.unservableMore' : 'scenario.note.cycling.unservable',
      params: { trips: Math.round(od.unservableTrips), pairs, ...(more > 0 ? { more } : {}) },
    });
  }
  if (clampedLinks.length > 0) {
    const names = [...new Set(clampedLinks.map((l) => network.links[l]!.name))].slice(0, 5).join(', ');
    notes.push({ key: 'scenario.note.cycling.clamped', params: { count: clampedLinks.length, names } });
  }
  const clock = (h: number) => `${String(h).padStart(2, '0')}:00`;
  notes.push({ key: 'scenario.note.cycling.hotspotsBotma' });
  notes.push(
    hour === undefined
      ? { key: 'scenario.note.cycling.hotspotsBusiestHour' }
      : { key: 'scenario.note.cycling.forHour', params: { from: clock(hour), until: clock(hour + 1) } },
  );
  notes.push({ key: 'scenario.note.cycling.fixedDemand' });
  return notes;
}

/** The worker side of `cycling-route`: checks the edits and runs the assignment and pivot. */
export const cyclingRouteRunner: KindRunner<CyclingChange, CyclingRun, BikeNetworkFile> = {
  check: checkCyclingScenario,
  run: runCyclingScenario,
};

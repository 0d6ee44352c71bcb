import { cooperative } from '../engine/cooperative.ts';
import {
  CancelledError,
  type Field,
  type FieldGrid,
  type Indicator,
  type ModelNote,
  type RunOptions,
  type Scenario,
  type ScenarioIssue,
  type ScenarioOutput,
} from '../engine/types.ts';
import type { HeatBaseline } from './baseline-file.ts';
import type { HeatChange, HeatRun } from './changes.ts';
import { GROUND, roads, walkable } from './city.ts';
import {
  COOL_PLACE,
  coolPlaces,
  updateDistances,
  walkingDistances,
  type DistanceField,
} from './cool-distance.ts';
import { metresToLonLat, type CellWindow, type Grid } from './grid.ts';
import {
  computeHeat,
  computeHeatChange,
  deriveCity,
  prepareCity,
  sectorLayers,
  sectorsOf,
  type Checkpoint,
  type BaseHeatResult,
  type HeatResult,
  type PreparedCity,
  type Reach,
  type SectorLayers,
} from './heat-model.ts';
import {
  drawnMeans,
  homesNear,
  summariseDistances,
  summariseStreets,
  type DistanceSummary,
} from './indicators.ts';
import { applyChanges } from './interventions.ts';
import { HEAT_CLASSES, heatClass } from './pet.ts';
import {
  AFTERNOON_HOURS,
  dayWeather,
  modelHour,
  REFERENCE_DATE,
  type DayWeather,
  type ModelHour,
} from './weather.ts';
import type { WindSector } from './wind.ts';

export type HeatScenario = Scenario<HeatChange, HeatRun>;

/** Distance around the drawn changes whose homes and heat classes the `nearby.*` indicators count (m). */
export const NEARBY_METRES = COOL_PLACE.guidelineDistance;

export interface HeatConditions {
  date: string;
  hour: number | 'afternoon';
  /** The daytime hours modelled (night hours of an afternoon in winter are left out). */
  hours: ModelHour[];
  day: DayWeather;
  /** Identifies the weather and time of a run (cache key). */
  key: string;
}

/** The point the sun is computed for: the grid's centre. */
function gridCentre(grid: Grid): [number, number] {
  return metresToLonLat(grid, (grid.columns * grid.cellSize) / 2, (grid.rows * grid.cellSize) / 2);
}

/** The hours and weather of a run, or an issue (a night hour) with the path `run.hour`. */
export function conditionsFor(run: HeatRun, grid: Grid): HeatConditions | ScenarioIssue {
  const date = run.date ?? REFERENCE_DATE;
  const hour = run.hour ?? 'afternoon';
  const [lon, lat] = gridCentre(grid);
  const wanted = hour === 'afternoon' ? [...AFTERNOON_HOURS] : [hour];
  const all = wanted.map((h) => modelHour(date, h, lat, lon, run.weather));
  const hours = all.filter((h) => h.sun.elevation > 0);
  if (hours.length === 0) {
    const daylight = Array.from({ length: 24 }, (_, h) => h).filter(
      (h) => modelHour(date, h, lat, lon).sun.elevation > 0,
    );
    const range =
      daylight.length > 0 ? `; pick an hour from ${pad(daylight[0]!)} to ${pad(daylight.at(-1)!)}` : '';
    const first = all[0]!;
    return {
      path: 'run.hour',
      message:
        hour === 'afternoon'
          ? `the sun is below the horizon all afternoon on ${date}${range}`
          : `the sun is below the horizon in the hour ${pad(hour)}–${pad(hour + 1)} on ${date} (elevation ${first.sun.elevation.toFixed(1)}° at its middle)${range}`,
    };
  }
  return {
    date,
    hour,
    hours,
    day: dayWeather(run.weather),
    key: JSON.stringify([date, hour, run.weather ?? null]),
  };
}

function pad(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

/** The maps of one run, kept for the baseline so a scenario run can compare with it and start from it. */
export interface HeatMaps {
  prepared: PreparedCity;
  layers: Map<WindSector, SectorLayers>;
  result: HeatResult;
  heatClass: Uint8Array;
  cool: Uint8Array;
  walkable: Uint8Array;
  /** Walking distance to the nearest cool place, per cell. */
  distance: DistanceField;
}

export interface BaselineMaps extends HeatMaps {
  result: BaseHeatResult;
}

function classify(pet: Float32Array): Uint8Array {
  const classes = new Uint8Array(pet.length);
  for (let i = 0; i < pet.length; i++) classes[i] = heatClass(pet[i]!);
  return classes;
}

async function baselineMaps(
  prepared: PreparedCity,
  conditions: HeatConditions,
  checkpoint: Checkpoint,
): Promise<BaselineMaps> {
  const layers = new Map<WindSector, SectorLayers>();
  for (const sector of sectorsOf(conditions.hours))
    layers.set(sector, sectorLayers(prepared, sector, conditions.day));
  const result = await computeHeat(prepared, conditions.hours, layers, checkpoint);
  const grid = prepared.city.grid;
  const walk = walkable(prepared.city);
  const cool = coolPlaces(grid, result.pet, walk, roads(prepared.city));
  const distance = walkingDistances(grid, cool, walk);
  return { prepared, layers, result, heatClass: classify(result.pet), cool, walkable: walk, distance };
}

/** The scenario's maps, starting from the baseline's wherever the changes cannot reach. */
async function scenarioMaps(
  base: BaselineMaps,
  derived: { prepared: PreparedCity; reach: Reach },
  conditions: HeatConditions,
  checkpoint: Checkpoint,
): Promise<HeatMaps> {
  const { prepared } = derived;
  const layers = new Map<WindSector, SectorLayers>();
  for (const sector of base.layers.keys()) layers.set(sector, sectorLayers(prepared, sector, conditions.day));
  const result = await computeHeatChange(
    base,
    { prepared, layers, reach: derived.reach },
    conditions.hours,
    checkpoint,
  );
  const grid = prepared.city.grid;
  const walk = base.walkable.slice();
  const w = derived.reach.any;
  for (let row = w.row0; row <= w.row1; row++)
    for (let col = w.col0; col <= w.col1; col++) {
      const i = row * grid.columns + col;
      const g = prepared.city.ground[i];
      walk[i] = g === GROUND.paved || g === GROUND.green ? 1 : 0;
    }
  const cool = coolPlaces(grid, result.pet, walk, roads(prepared.city));
  let sameStreets = true;
  for (let i = 0; i < grid.cells; i++)
    if (walk[i] !== base.walkable[i]) {
      sameStreets = false;
      break;
    }
  const distance = sameStreets
    ? updateDistances(grid, base.distance, base.cool, cool, walk)
    : walkingDistances(grid, cool, walk);
  return {
    prepared,
    layers,
    result,
    heatClass: reclassify(base, result.pet),
    cool,
    walkable: walk,
    distance,
  };
}

/** Heat classes of a scenario: the baseline's, redone where PET moved. */
function reclassify(base: HeatMaps, pet: Float32Array): Uint8Array {
  const classes = base.heatClass.slice();
  const before = base.result.pet;
  for (let i = 0; i < pet.length; i++) if (pet[i] !== before[i]) classes[i] = heatClass(pet[i]!);
  return classes;
}

/**
 * Keeps the prepared baseline city and baseline runs inside the worker, so a scenario run after a
 * small edit (a tree dragged) recomputes only what that edit can reach. Keyed by baseline id and a
 * fingerprint of the file's numbers, never by object identity (every run gets a fresh copy).
 */
export class HeatCache {
  private city: { key: string; prepared: Promise<PreparedCity> } | null = null;
  private readonly runs = new Map<string, Promise<BaselineMaps>>();

  /** Baseline runs kept (one per date, hour and weather): about 30 MB each for the sample's afternoon. */
  constructor(private readonly keep = 2) {}

  prepared(file: HeatBaseline, checkpoint: Checkpoint): Promise<PreparedCity> {
    const key = `${file.meta.id}:${fingerprint(file)}`;
    if (this.city?.key !== key) {
      this.runs.clear();
      const prepared = prepareCity(file, {}, checkpoint);
      this.city = { key, prepared };
      // A cancelled or failed preparation must not stay cached.
      prepared.catch(() => {
        if (this.city?.prepared === prepared) this.city = null;
      });
    }
    return this.city.prepared;
  }

  baseline(
    prepared: PreparedCity,
    conditions: HeatConditions,
    checkpoint: Checkpoint,
  ): Promise<BaselineMaps> {
    const cached = this.runs.get(conditions.key);
    if (cached) {
      this.runs.delete(conditions.key);
      this.runs.set(conditions.key, cached); // most recently used last
      return cached;
    }
    const maps = baselineMaps(prepared, conditions, checkpoint);
    this.runs.set(conditions.key, maps);
    maps.catch(() => {
      if (this.runs.get(conditions.key) === maps) this.runs.delete(conditions.key);
    });
    while (this.runs.size > this.keep) this.runs.delete(this.runs.keys().next().value!);
    return maps;
  }

  clear(): void {
    this.city = null;
    this.runs.clear();
  }
}

/** FNV-1a over the file's numbers and ids: cheap (≈ 1 ms for the sample) and enough to tell files apart. */
export function fingerprint(file: HeatBaseline): string {
  let h = 0x811c9dc5;
  const mix = (v: number) => {
    h = Math.imul(h ^ (v | 0), 0x01000193);
    h = Math.imul(h ^ ((v / 4294967296) | 0), 0x01000193);
  };
  const g = file.grid;
  [g.west * 1e7, g.south * 1e7, g.cellSize * 100, g.columns, g.rows].forEach(mix);
  file.buildings.heights.forEach(mix);
  file.buildings.homes.forEach(mix);
  for (const ring of file.buildings.rings) ring.forEach(mix);
  for (const id of file.buildings.ids) for (let k = 0; k < id.length; k++) mix(id.charCodeAt(k));
  for (const shape of file.ground) {
    mix(shape.cover.length);
    if ('rings' in shape) for (const ring of shape.rings) ring.forEach(mix);
    else {
      shape.line.forEach(mix);
      mix(shape.width);
    }
  }
  file.trees.forEach(mix);
  return (h >>> 0).toString(16);
}

/** The worker's one cache (module state lives as long as the worker). */
export const heatCache = new HeatCache();

export async function runHeatScenario(
  scenario: HeatScenario,
  file: HeatBaseline,
  options: RunOptions = {},
  cache: HeatCache = heatCache,
): Promise<ScenarioOutput> {
  const checkpoint = cooperative(options);
  const stage =
    (from: number, to: number): Checkpoint =>
    (f) =>
      checkpoint(from + (to - from) * f);
  const prepared = await shared(() => cache.prepared(file, stage(0, 0.5)), options.signal);
  const conditions = conditionsFor(scenario.run, prepared.city.grid);
  if ('path' in conditions) throw new Error(`${conditions.path}: ${conditions.message}`);
  const base = await shared(() => cache.baseline(prepared, conditions, stage(0.5, 0.75)), options.signal);
  const notes = baseNotes(file, conditions);
  if (scenario.changes.length === 0) return output(base, conditions, notes, null);

  const applied = applyChanges(prepared.city, scenario.changes, prepared.buildings);
  notes.push(...applied.notes);
  const derived = deriveCity(prepared, applied.city, applied.changed);
  await checkpoint(0.8);
  const maps = await scenarioMaps(base, derived, conditions, stage(0.8, 1));
  return output(maps, conditions, notes, { base, drawn: applied.drawn, drawnWindow: applied.drawnWindow });
}

/**
 * Awaits work that another run may have started and then cancelled: that cancellation is not ours,
 * so start the work again (the cache has already forgotten the cancelled attempt).
 */
async function shared<T>(get: () => Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  for (;;) {
    try {
      return await get();
    } catch (error) {
      if (!(error instanceof CancelledError) || signal?.aborted) throw error;
    }
  }
}

interface Comparison {
  base: BaselineMaps;
  drawn: Uint8Array;
  drawnWindow: CellWindow;
}

function output(
  maps: HeatMaps,
  conditions: HeatConditions,
  notes: ModelNote[],
  comparison: Comparison | null,
): ScenarioOutput {
  const { grid } = maps.prepared.city;
  const fieldGrid: FieldGrid = {
    columns: grid.columns,
    rows: grid.rows,
    cellSize: grid.cellSize,
    bounds: [...grid.bounds],
  };
  // Copies: the engine moves field buffers to the main thread, and these arrays stay cached here.
  const field = (values: Float32Array | Uint8Array): Field => ({
    ids: [],
    steps: 1,
    values: values.slice(),
    grid: fieldGrid,
  });
  const indicators: Record<string, Indicator> = {};
  const streets = { ...maps.result, heatClass: maps.heatClass, walkable: maps.walkable };
  const all = summariseStreets(grid, streets);
  HEAT_CLASSES.forEach(
    (c, k) => (indicators[`area.class${k}`] = { value: all.areas[k]!, unit: 'm²', label: c.stress }),
  );
  indicators['pet.mean'] = { value: all.meanPet, unit: '°C' };
  indicators['pet.max'] = { value: all.maxPet, unit: '°C' };
  indicators['shade.share'] = { value: percent(all.meanShade), unit: '%' };
  indicators['coolPlace.area'] = { value: count(maps.cool) * grid.cellSize ** 2, unit: 'm²' };
  addHomes(indicators, 'homes', summariseDistances(grid, maps.prepared.homes, maps.distance));

  if (comparison) {
    const { base, drawn, drawnWindow } = comparison;
    const means = drawnMeans(grid, maps.result.pet, base.result.pet, drawn, drawnWindow);
    indicators['drawn.area'] = { value: means.cells * grid.cellSize ** 2, unit: 'm²' };
    indicators['drawn.meanPet'] = { value: means.scenario, unit: '°C' };
    indicators['drawn.meanPetBaseline'] = { value: means.baseline, unit: '°C' };
    indicators['drawn.meanPetChange'] = { value: means.change, unit: '°C' };
    const near = { window: drawnWindow, metres: NEARBY_METRES };
    const after = summariseStreets(grid, streets, near);
    const before = summariseStreets(
      grid,
      { ...base.result, heatClass: base.heatClass, walkable: base.walkable },
      near,
    );
    HEAT_CLASSES.forEach((c, k) => {
      indicators[`nearby.area.class${k}`] = { value: after.areas[k]!, unit: 'm²', label: c.stress };
      indicators[`nearby.areaBaseline.class${k}`] = { value: before.areas[k]!, unit: 'm²', label: c.stress };
    });
    const homes = homesNear(grid, maps.prepared.homes, drawnWindow, NEARBY_METRES);
    const baseHomes = homesNear(grid, base.prepared.homes, drawnWindow, NEARBY_METRES);
    addHomes(indicators, 'nearby.homes', summariseDistances(grid, homes, maps.distance));
    addHomes(indicators, 'nearby.homesBaseline', summariseDistances(grid, baseHomes, base.distance));
  }
  const first = conditions.hours[0]!;
  return {
    kind: 'heat-greening',
    indicators,
    fields: {
      pet: field(maps.result.pet),
      heatClass: field(maps.heatClass),
      shade: field(maps.result.shade),
      coolPlace: field(maps.cool),
    },
    stepSeconds: 3600 * conditions.hours.length,
    startsAt: pad(first.localHour),
    notes,
  };
}

function addHomes(indicators: Record<string, Indicator>, prefix: string, s: DistanceSummary): void {
  indicators[`${prefix}.count`] = { value: s.homes, unit: 'homes' };
  indicators[`${prefix}.meanDistance`] = { value: s.mean, unit: 'm' };
  indicators[`${prefix}.maxDistance`] = { value: s.max, unit: 'm' };
  indicators[`${prefix}.shareBeyond${COOL_PLACE.guidelineDistance}m`] = {
    value: percent(s.shareBeyond),
    unit: '%',
  };
}

function percent(share: number | null): number | null {
  return share === null ? null : share * 100;
}

function count(mask: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < mask.length; i++) n += mask[i]!;
  return n;
}

function baseNotes(file: HeatBaseline, conditions: HeatConditions): ModelNote[] {
  const notes: ModelNote[] = [];
  if (file.meta.sample) notes.push({ key: 'scenario.note.sampleCity', params: { detail: file.meta.note } });
  const first = conditions.hours[0]!;
  const date = { date: conditions.date };
  const span = (h: number) => `${pad(h)}–${pad(h + 1)}`;
  const when: ModelNote =
    conditions.hour === 'afternoon'
      ? {
          key: 'scenario.note.heat.meanOfHours',
          params: { hours: conditions.hours.map((h) => span(h.localHour)).join(', ') },
        }
      : { key: 'scenario.note.heat.hour', params: { span: span(conditions.hour) } };
  const weather: ModelNote =
    first.source === 'override'
      ? { key: 'scenario.note.heat.weatherGiven' }
      : first.source === 'reference'
        ? { key: 'scenario.note.heat.weatherReference' }
        : { key: 'scenario.note.heat.weatherMoved', params: { date } };
  notes.push({ key: 'scenario.note.heat.when', params: { date, when, weather } });
  if (first.source !== 'override') notes.push({ key: 'scenario.note.heat.referenceSource' });
  notes.push({ key: 'scenario.note.heat.accuracy' });
  notes.push({ key: 'scenario.note.heat.limits' });
  notes.push({
    key: 'scenario.note.heat.coolPlace',
    params: {
      area: COOL_PLACE.minArea,
      pet: COOL_PLACE.maxPet,
      roadDistance: COOL_PLACE.roadDistance,
      minWidth: COOL_PLACE.minWidth,
    },
  });
  const skipped = (conditions.hour === 'afternoon' ? AFTERNOON_HOURS.length : 1) - conditions.hours.length;
  if (skipped > 0) notes.push({ key: 'scenario.note.heat.hoursLeftOut', params: { count: skipped } });
  return notes;
}

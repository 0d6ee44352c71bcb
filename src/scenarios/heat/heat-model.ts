import { type HeatBaseline } from './baseline-file.ts';
import { blockStats, updateBlockStats, type BlockStats } from './block-stats.ts';
import { blocksOf, type Blocks } from './blocks.ts';
import {
  GROUND,
  rasterizeBaseline,
  SHADING_CROWN_HEIGHT,
  streetLevel,
  surfaceHeights,
  vegetated,
  type CityRasters,
} from './city.ts';
import { EMPTY_WINDOW, growWindow, isEmptyWindow, unionWindow, type CellWindow } from './grid.ts';
import { findEntrances, type Home } from './homes.ts';
import type { BuildingLookup } from './interventions.ts';
import { BOWEN_PAVED, BOWEN_VEGETATED, MIN_WIND, STEFAN_BOLTZMANN, wetBulbStull } from './pet.ts';
import { shadowMask, shadowReachCells } from './shadow.ts';
import { SKY_VIEW_DEFAULTS, skyViewFactor, type SkyViewOptions } from './sky-view.ts';
import { heatIslandMax } from './urban-heat.ts';
import type { DayWeather, ModelHour } from './weather.ts';
import { windReduction, windSector, type WindSector } from './wind.ts';

/**
 * The heat model end to end on one city. Static layers (surface heights, sky view factor, block
 * sums, homes) are made once per city; per wind sector the wind and heat-island terms on 10 m
 * blocks; per hour the shadow mask and PET.
 *
 * A scenario's city is derived from the baseline's: sky view, block sums, shadows and PET are
 * recomputed only where a change can reach, and everything else is taken from the baseline.
 */
export interface PreparedCity {
  city: CityRasters;
  buildings: BuildingLookup;
  surface: Float32Array;
  /** The tallest surface (m), which bounds how far any shadow reaches. */
  tallest: number;
  /** 1 for cells with a street-level PET (not a roof). */
  street: Uint8Array;
  vegetated: Uint8Array;
  /** NaN on roofs. */
  skyView: Float32Array;
  skyViewOptions: Required<SkyViewOptions>;
  blocks: Blocks;
  stats: BlockStats;
  homes: Home[];
}

/** Lets long loops yield (and be cancelled) between slices; `fraction` is this stage's progress. */
export type Checkpoint = (fraction: number) => Promise<void>;

const noCheckpoint: Checkpoint = () => Promise.resolve();

function tallestOf(surface: Float32Array): number {
  let max = 0;
  for (let i = 0; i < surface.length; i++) if (surface[i]! > max) max = surface[i]!;
  return max;
}

/** Rasterises a baseline file and makes its static layers; sky view goes in bands between checkpoints. */
export async function prepareCity(
  file: HeatBaseline,
  skyView: SkyViewOptions = {},
  checkpoint: Checkpoint = noCheckpoint,
): Promise<PreparedCity> {
  const city = rasterizeBaseline(file);
  const buildings: BuildingLookup = {
    ids: file.buildings.ids,
    indexOf: new Map(file.buildings.ids.map((id, i) => [id, i])),
  };
  const options = { ...SKY_VIEW_DEFAULTS, ...skyView };
  const { grid } = city;
  const surface = surfaceHeights(city);
  const street = streetLevel(city);
  const sky = new Float32Array(grid.cells);
  const band = 32;
  for (let row0 = 0; row0 < grid.rows; row0 += band) {
    const window = { col0: 0, col1: grid.columns - 1, row0, row1: Math.min(grid.rows - 1, row0 + band - 1) };
    skyViewFactor(grid, surface, street, window, sky, options);
    await checkpoint((row0 + band) / grid.rows);
  }
  const green = vegetated(city);
  const blocks = blocksOf(grid);
  const homeBuildings = file.buildings.homes.flatMap((h, i) => (h === 1 ? [i] : []));
  return {
    city,
    buildings,
    surface,
    tallest: tallestOf(surface),
    street,
    vegetated: green,
    skyView: sky,
    skyViewOptions: options,
    blocks,
    stats: blockStats(blocks, { city, vegetated: green, skyView: sky }),
    homes: findEntrances(city, homeBuildings),
  };
}

/** What changed between a baseline and a scenario city, as windows of cells. */
export interface Reach {
  /** Any layer changed here. */
  any: CellWindow;
  /** Heights changed here (shade, sky view and wind). */
  surface: CellWindow;
  /** The tallest surface inside `surface`, before or after (m). */
  surfaceHeight: number;
  /** Sky view factor recomputed here. */
  skyView: CellWindow;
}

/**
 * The scenario's city prepared from the baseline's, recomputing only near the changes. `changed`
 * holds windows that contain every changed cell (they may hold more).
 */
export function deriveCity(
  base: PreparedCity,
  city: CityRasters,
  changed: { any: CellWindow; surface: CellWindow },
): { prepared: PreparedCity; reach: Reach } {
  const { grid } = city;
  const { columns } = grid;
  const surface = base.surface.slice();
  const street = base.street.slice();
  const green = base.vegetated.slice();
  let tallest = base.tallest;
  let surfaceHeight = 0;
  const w = changed.any;
  for (let row = w.row0; row <= w.row1; row++)
    for (let col = w.col0; col <= w.col1; col++) {
      const i = row * columns + col;
      const b = city.buildingHeight[i]!;
      const c = city.canopyHeight[i]!;
      const h = b > c ? b : c;
      if (h !== surface[i]) surfaceHeight = Math.max(surfaceHeight, h, surface[i]!);
      surface[i] = h;
      tallest = Math.max(tallest, h);
      const g = city.ground[i];
      street[i] = g === GROUND.building ? 0 : 1;
      green[i] = g === GROUND.green || c > 0 || city.greenRoof[i] === 1 ? 1 : 0;
    }
  const skyView = base.skyView.slice();
  const radiusCells = Math.ceil(base.skyViewOptions.radius / grid.cellSize) + 1;
  const skyWindow = growWindow(grid, changed.surface, radiusCells);
  if (!isEmptyWindow(skyWindow))
    skyViewFactor(grid, surface, street, skyWindow, skyView, base.skyViewOptions);
  const statsWindow = unionWindow(changed.any, skyWindow);
  const stats = isEmptyWindow(statsWindow)
    ? base.stats
    : updateBlockStats(base.blocks, base.stats, { city, vegetated: green, skyView }, statsWindow);
  const lost = base.homes.some(
    (h) => city.ground[h.entrance] !== GROUND.paved && city.ground[h.entrance] !== GROUND.green,
  );
  const prepared: PreparedCity = {
    ...base,
    city,
    surface,
    tallest,
    street,
    vegetated: green,
    skyView,
    stats,
    homes: lost
      ? findEntrances(
          city,
          base.homes.map((h) => h.building),
        )
      : base.homes,
  };
  return {
    prepared,
    reach: { any: changed.any, surface: changed.surface, surfaceHeight, skyView: skyWindow },
  };
}

/** Wind and heat-island terms for one wind sector, per 10 m block. */
export interface SectorLayers {
  sector: WindSector;
  /** Wind at 1.2 m relative to open grass. */
  windFactor: Float32Array;
  /** ln of the 1.2 m wind per m/s of station wind, ln((w − 0.125) · 0.5829 + 0.125). */
  logWindPerStation: Float32Array;
  /** UHI_max (K). */
  heatIsland: Float32Array;
}

export function sectorLayers(prepared: PreparedCity, sector: WindSector, day: DayWeather): SectorLayers {
  const { blocks, stats } = prepared;
  const windFactor = windReduction(blocks, stats, prepared.city.grid.cellSize, sector);
  return {
    sector,
    windFactor,
    logWindPerStation: windFactor.map((w) => Math.log((w - 0.125) * 0.5829 + 0.125)),
    heatIsland: heatIslandMax(blocks, stats, sector, day),
  };
}

/** Sectors the hours need, so the caller can make (or reuse) their layers first. */
export function sectorsOf(hours: readonly ModelHour[]): WindSector[] {
  return [...new Set(hours.map((h) => windSector(h.station.windDirection, h.station.windSpeed)))];
}

/**
 * The two PET regressions of pet.ts with everything that is the same for all cells of an hour
 * worked out once (checked against pet.ts in tests).
 */
class HourTerms {
  readonly airTemperature: number;
  readonly islandShare: number;
  readonly logStation: number;
  readonly sunConstant: number;
  readonly sunWind: number;
  readonly shadeConstant: number;
  readonly diffuse: number;
  readonly layer: SectorLayers;

  constructor(hour: ModelHour, layers: ReadonlyMap<WindSector, SectorLayers>) {
    const s = hour.station;
    this.layer = layers.get(windSector(s.windDirection, s.windSpeed))!;
    const tw = wetBulbStull(s.airTemperature, s.relativeHumidity);
    const sinEl = Math.sin((hour.sun.elevation * Math.PI) / 180);
    const q = s.global;
    this.airTemperature = s.airTemperature;
    this.islandShare = s.heatIslandShare;
    this.logStation = Math.log(Math.max(1e-6, s.windSpeed));
    this.sunConstant = -13.26 + 0.011 * q + 0.078 * tw + 5.56 * sinEl;
    this.sunWind = -3.37 + 0.0055 * q - 0.0103 * q * sinEl;
    this.shadeConstant = -12.14 + 0.06 * tw;
    this.diffuse = 0.015 * s.diffuse;
  }
}

const MIN_LOG_WIND = Math.log(MIN_WIND);
/**
 * PET changes (°C) a scenario run does not carry to cells outside the changed area: far below the
 * 0.1 °C a map or table shows, and what keeps a dragged tree interactive.
 */
export const IGNORED_CHANGE = 0.0005;
const LONGWAVE = 0.006 * STEFAN_BOLTZMANN;
const BOWEN_TERM_VEGETATED = 0.546 * BOWEN_VEGETATED;
const BOWEN_TERM_PAVED = 0.546 * BOWEN_PAVED;

/** PET (°C) of one street-level cell in one hour. */
function cellPet(t: HourTerms, block: number, skyView: number, shaded: boolean, ground: number): number {
  const ta = t.airTemperature + t.layer.heatIsland[block]! * t.islandShare;
  const lw = t.layer.logWindPerStation[block]! + t.logStation;
  const lnU = lw > MIN_LOG_WIND ? lw : MIN_LOG_WIND;
  if (shaded) {
    const k = ta + 273.15;
    const k2 = k * k;
    return (
      t.shadeConstant + 1.25 * ta - 1.47 * lnU + t.diffuse * skyView + LONGWAVE * (1 - skyView) * k2 * k2
    );
  }
  const bowen = ground === GROUND.green || ground === GROUND.water ? BOWEN_TERM_VEGETATED : BOWEN_TERM_PAVED;
  return t.sunConstant + 1.25 * ta + t.sunWind * lnU + bowen + 1.94 * skyView;
}

export interface HeatResult {
  /** PET (°C), mean over the modelled hours; NaN on roofs. */
  pet: Float32Array;
  /** Share of the modelled hours each cell is in shade (0…1); NaN on roofs. */
  shade: Float32Array;
}

/** A full run keeps what a scenario run starts from: hourly sums and shade per hour. */
export interface BaseHeatResult extends HeatResult {
  /** Sum of the hourly PETs and count of shaded hours per cell. */
  petSum: Float64Array;
  shadeCount: Uint8Array;
  /** Building and crown shade per hour (1 = shaded). */
  shadows: Uint8Array[];
}

/** PET for each hour over the whole grid, averaged. */
export async function computeHeat(
  prepared: PreparedCity,
  hours: readonly ModelHour[],
  layers: ReadonlyMap<WindSector, SectorLayers>,
  checkpoint: Checkpoint = noCheckpoint,
): Promise<BaseHeatResult> {
  const { city, street, skyView, surface, blocks } = prepared;
  const { grid, ground, canopyHeight } = city;
  const { blockOf } = blocks;
  const cells = grid.cells;
  const petSum = new Float64Array(cells);
  const shadeCount = new Uint8Array(cells);
  const scratch = new Float32Array(cells);
  const shadows: Uint8Array[] = [];
  for (const [h, hour] of hours.entries()) {
    if (h > 0) await checkpoint(h / hours.length);
    const shadow = shadowMask(grid, surface, hour.sun, new Uint8Array(cells), scratch);
    for (let i = 0; i < cells; i++) if (canopyHeight[i]! > SHADING_CROWN_HEIGHT) shadow[i] = 1;
    shadows.push(shadow);
    const terms = new HourTerms(hour, layers);
    for (let i = 0; i < cells; i++) {
      if (street[i] === 0) continue;
      const shaded = shadow[i] === 1;
      petSum[i]! += cellPet(terms, blockOf[i]!, skyView[i]!, shaded, ground[i]!);
      if (shaded) shadeCount[i]!++;
    }
  }
  return { ...averages(prepared, hours.length, petSum, shadeCount), petSum, shadeCount, shadows };
}

function averages(
  prepared: PreparedCity,
  hours: number,
  petSum: Float64Array,
  shadeCount: Uint8Array,
): { pet: Float32Array; shade: Float32Array } {
  const { street } = prepared;
  const pet = new Float32Array(petSum.length);
  const shade = new Float32Array(petSum.length);
  for (let i = 0; i < petSum.length; i++) {
    if (!street[i]) {
      pet[i] = NaN;
      shade[i] = NaN;
    } else {
      pet[i] = petSum[i]! / hours;
      shade[i] = shadeCount[i]! / hours;
    }
  }
  return { pet, shade };
}

/**
 * The scenario's PET from the baseline's: per hour, only cells whose shade, sky view, ground or
 * block terms changed are evaluated, before and after, and the difference is added to the
 * baseline's hourly sum. Cells never touched keep the baseline's values exactly; touched ones agree
 * with a full run up to float rounding, and far cells within IGNORED_CHANGE.
 */
export async function computeHeatChange(
  base: { prepared: PreparedCity; layers: ReadonlyMap<WindSector, SectorLayers>; result: BaseHeatResult },
  scenario: { prepared: PreparedCity; layers: ReadonlyMap<WindSector, SectorLayers>; reach: Reach },
  hours: readonly ModelHour[],
  checkpoint: Checkpoint = noCheckpoint,
): Promise<HeatResult> {
  const { grid } = scenario.prepared.city;
  const { columns, cells } = grid;
  const { reach } = scenario;
  const blocks = scenario.prepared.blocks;
  const before = base.prepared;
  const after = scenario.prepared;
  const delta = new Float64Array(cells);
  const shadeDelta = new Int8Array(cells);
  const touched = new Uint8Array(cells);
  let scratch: Float32Array | null = null;
  let local: Uint8Array | null = null;
  const fixed = unionWindow(reach.any, reach.skyView);
  for (const [h, hour] of hours.entries()) {
    if (h > 0) await checkpoint(h / hours.length);
    const baseShadow = base.result.shadows[h]!;
    let shadeWindow = EMPTY_WINDOW;
    if (!isEmptyWindow(reach.surface)) {
      // Cells the changed heights can shade, swept from far enough upstream to see every shadow.
      shadeWindow = growWindow(
        grid,
        reach.surface,
        shadowReachCells(grid, reach.surfaceHeight, hour.sun.elevation),
      );
      const sweep = growWindow(grid, shadeWindow, shadowReachCells(grid, after.tallest, hour.sun.elevation));
      scratch ??= new Float32Array(cells);
      local ??= new Uint8Array(cells);
      shadowMask(grid, after.surface, hour.sun, local, scratch, sweep);
    }
    const shadedAfter = (i: number, row: number, col: number) =>
      row >= shadeWindow.row0 && row <= shadeWindow.row1 && col >= shadeWindow.col0 && col <= shadeWindow.col1
        ? local![i] === 1 || after.city.canopyHeight[i]! > SHADING_CROWN_HEIGHT
        : baseShadow[i] === 1;
    const termsBefore = new HourTerms(hour, base.layers);
    const termsAfter = new HourTerms(hour, scenario.layers);
    const update = (i: number, row: number, col: number) => {
      const b = blocks.blockOf[i]!;
      touched[i] = 1;
      if (before.street[i]) {
        const shaded = baseShadow[i] === 1;
        delta[i]! -= cellPet(termsBefore, b, before.skyView[i]!, shaded, before.city.ground[i]!);
        if (shaded) shadeDelta[i]!--;
      }
      if (after.street[i]) {
        const shaded = shadedAfter(i, row, col);
        delta[i]! += cellPet(termsAfter, b, after.skyView[i]!, shaded, after.city.ground[i]!);
        if (shaded) shadeDelta[i]!++;
      }
    };
    const dirty = unionWindow(fixed, shadeWindow);
    for (let row = dirty.row0; row <= dirty.row1; row++)
      for (let col = dirty.col0; col <= dirty.col1; col++) update(row * columns + col, row, col);
    // Blocks whose wind or heat island moved: their other cells too, unless the move cannot shift
    // PET by IGNORED_CHANGE (one tree moves the heat island by ~0.0001 K over hundreds of metres).
    const layerBefore = termsBefore.layer;
    const layerAfter = termsAfter.layer;
    const perKelvin = 1.25 + 4 * LONGWAVE * (termsAfter.airTemperature + 273.15 + 15) ** 3;
    const perLogWind = Math.max(Math.abs(termsAfter.sunWind), 1.47);
    for (let b = 0; b < blocks.count; b++) {
      const island =
        Math.abs(layerAfter.heatIsland[b]! - layerBefore.heatIsland[b]!) * termsAfter.islandShare;
      const wind = Math.abs(layerAfter.logWindPerStation[b]! - layerBefore.logWindPerStation[b]!);
      if (island * perKelvin + wind * perLogWind < IGNORED_CHANGE) continue;
      const bRow = Math.floor(b / blocks.columns);
      const bCol = b - bRow * blocks.columns;
      for (let row = bRow * blocks.size; row < Math.min(grid.rows, (bRow + 1) * blocks.size); row++)
        for (let col = bCol * blocks.size; col < Math.min(columns, (bCol + 1) * blocks.size); col++) {
          if (row >= dirty.row0 && row <= dirty.row1 && col >= dirty.col0 && col <= dirty.col1) continue;
          update(row * columns + col, row, col);
        }
    }
  }
  const pet = base.result.pet.slice();
  const shade = base.result.shade.slice();
  const n = hours.length;
  for (let i = 0; i < cells; i++) {
    if (!touched[i]) continue;
    if (!after.street[i]) {
      pet[i] = NaN;
      shade[i] = NaN;
    } else {
      pet[i] = (base.result.petSum[i]! + delta[i]!) / n;
      shade[i] = (base.result.shadeCount[i]! + shadeDelta[i]!) / n;
    }
  }
  return { pet, shade };
}

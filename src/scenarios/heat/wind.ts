import type { BlockStats } from './block-stats.ts';
import type { Blocks } from './blocks.ts';
import { IntegralImage, type Footprint } from './window-sum.ts';

/**
 * Wind at 1.2 m by the wind-reduction model of the Wageningen method (notes §2.3; the method's
 * plugin `fraction_area_buildings_treeregr`): the frontal area of buildings and trees in a window
 * upwind of each cell gives a frontal-area density λ; λ picks roughness length, displacement and
 * roughness-layer parameters; a log-and-exponential profile then gives the wind at 1.2 m relative
 * to open grass (factor 1). Wind is the weakest part of the method ("the most challenging feature
 * to map", Koopmans et al. 2020).
 */
export type WindSector = 'N' | 'E' | 'S' | 'W' | 'calm';

/** Sector of a wind direction (degrees the wind comes from); below 1.5 m/s counts as calm. */
export function windSector(direction: number, speed: number): WindSector {
  if (speed < 1.5) return 'calm';
  const d = ((direction % 360) + 360) % 360;
  if (d < 45 || d > 315) return 'N';
  if (d < 135) return 'E';
  if (d < 225) return 'S';
  return 'W';
}

/**
 * A window reaching `upwind` metres towards where the wind comes from, `downwind` the other way and
 * `side` across; `calm` all round.
 */
export function sectorFootprint(
  sector: WindSector,
  cellSize: number,
  reach: { upwind: number; side: number; downwind: number; calm: number },
): Footprint {
  const up = Math.floor(reach.upwind / cellSize);
  const side = Math.floor(reach.side / cellSize);
  const down = Math.floor(reach.downwind / cellSize);
  const calm = Math.floor(reach.calm / cellSize);
  switch (sector) {
    case 'N':
      return { west: side, east: side, north: up, south: down };
    case 'S':
      return { west: side, east: side, north: down, south: up };
    case 'E':
      return { west: down, east: up, north: side, south: side };
    case 'W':
      return { west: up, east: down, north: side, south: side };
    case 'calm':
      return { west: calm, east: calm, north: calm, south: calm };
  }
}

/** The method's window for wind: 200 m upwind, 75 m across and downwind, 175 m all round when calm. */
export const WIND_REACH = { upwind: 200, side: 75, downwind: 75, calm: 175 } as const;

const KARMAN = 0.4;
const Z0_GRASS = 0.03;
/** Normalises the profile so that open grass at 1.2 m gives exactly 1 (the 10 m → 1.2 m ratio is 0.635). */
const REFERENCE_WIND = 1 / 0.63501;
const GRASS = Math.round(((REFERENCE_WIND * Math.log(1.2 / Z0_GRASS)) / Math.log(10 / Z0_GRASS)) * 100) / 100;
const RATIO_60_10 = Math.log(10 / Z0_GRASS) / Math.log(60 / Z0_GRASS);
const BUILDING_WEIGHT = 0.16;
const TREE_WEIGHT = 0.27;
const MIN_HEIGHT = 4;

/**
 * Roughness parameters in bins of λ, as multiples of the mean obstacle height: roughness length z0,
 * displacement d, top of the roughness layer zw, and the profile's A (× h) and B.
 */
const BINS: readonly { below: number; z0: number; d: number; zw: number; a: number; b: number }[] = [
  { below: 0.08, z0: 0.048, d: 0.066, zw: 2, a: -0.35, b: 0.56 },
  { below: 0.135, z0: 0.071, d: 0.26, zw: 2.5, a: -0.35, b: 0.5 },
  { below: 0.18, z0: 0.084, d: 0.32, zw: 2.7, a: -0.34, b: 0.48 },
  { below: 0.265, z0: 0.08, d: 0.42, zw: 1.5, a: -0.56, b: 0.66 },
  { below: Infinity, z0: 0.077, d: 0.57, zw: 1.2, a: -0.85, b: 0.92 },
];

/** Wind at 1.2 m relative to open grass, from frontal-area density λ and mean obstacle height h (m). */
export function reductionFactor(lambda: number, height: number): number {
  const bin = BINS.find((b) => lambda < b.below)!;
  const z0 = bin.z0 * height;
  const d = bin.d * height;
  const zw = bin.zw * height;
  const a = bin.a * height;
  const uStar = ((REFERENCE_WIND / RATIO_60_10) * KARMAN) / Math.log((60 - d) / z0);
  const atTop = (uStar / KARMAN) * Math.log((zw - d) / z0);
  const atHeight = atTop - (uStar / bin.b) * Math.log((a + bin.b * zw) / (a + bin.b * height));
  return Math.min(atHeight * Math.exp(9.6 * lambda * (1.2 / height - 1)), GRASS);
}

/** 1.2 m wind (m/s) from the 10 m station wind and the reduction factor, floored at 0.5 m/s by the PET step. */
export function windAtPedestrianHeight(factor: number, stationWind: number): number {
  return ((factor - 0.125) * 0.5829 + 0.125) * stationWind;
}

/** The reduction factor per block (see blocks.ts and block-stats.ts) for one wind sector. */
export function windReduction(
  blocks: Blocks,
  stats: BlockStats,
  cellSize: number,
  sector: WindSector,
): Float32Array {
  // Frontal area: height steps across the wind, east–west steps for an east or west wind.
  const alongColumns = sector !== 'N' && sector !== 'S';
  const alongRows = sector === 'N' || sector === 'S' || sector === 'calm';
  const fronts = (east: Int32Array, south: Int32Array) =>
    east.map((v, b) => (alongColumns ? v : 0) + (alongRows ? south[b]! : 0));
  const [bc, br] = [blocks.columns, blocks.rows];
  const buildingCells = new IntegralImage(bc, br, stats.buildingCells);
  const treeCells = new IntegralImage(bc, br, stats.treeCells);
  const allCells = new IntegralImage(bc, br, blocks.cells);
  const buildingHeights = new IntegralImage(bc, br, stats.buildingHeights);
  const treeHeights = new IntegralImage(bc, br, stats.treeHeights);
  const buildingFronts = new IntegralImage(bc, br, fronts(stats.buildingStepsEast, stats.buildingStepsSouth));
  const treeFronts = new IntegralImage(bc, br, fronts(stats.treeStepsEast, stats.treeStepsSouth));
  const f = sectorFootprint(sector, blocks.blockSize, WIND_REACH);
  const faceArea = (cellSize * 0.5) / 10; // decimetre steps × cell edge × ½ (both faces were counted) → m²
  const treeShare = TREE_WEIGHT / BUILDING_WEIGHT;
  const out = new Float32Array(blocks.count);
  for (let row = 0; row < br; row++)
    for (let col = 0; col < bc; col++) {
      const c0 = col - f.west;
      const c1 = col + f.east;
      const r0 = row - f.north;
      const r1 = row + f.south;
      const n = allCells.sum(c0, r0, c1, r1);
      const buildings = buildingCells.sum(c0, r0, c1, r1);
      const trees = treeCells.sum(c0, r0, c1, r1);
      const index = row * bc + col;
      if (buildings === 0 && trees === 0) {
        out[index] = GRASS;
        continue;
      }
      const buildingShare = buildings / n;
      const treeAreaShare = trees / n;
      const meanBuilding = buildings > 0 ? buildingHeights.sum(c0, r0, c1, r1) / 10 / buildings : 0;
      // Tree heights enter through a regression fitted to the national tree register (the method's 7.721·√h).
      const treeEquivalent = trees > 0 ? 7.721 * Math.sqrt(treeHeights.sum(c0, r0, c1, r1) / 10 / trees) : 0;
      const height = Math.max(
        (meanBuilding * buildingShare + treeEquivalent * treeAreaShare * treeShare) /
          (buildingShare + treeAreaShare * treeShare),
        MIN_HEIGHT,
      );
      const front =
        buildingFronts.sum(c0, r0, c1, r1) * faceArea * BUILDING_WEIGHT +
        45.45 * Math.sqrt(treeFronts.sum(c0, r0, c1, r1) * faceArea * TREE_WEIGHT);
      if (front <= 25) {
        out[index] = GRASS;
        continue;
      }
      const lambda = Math.min(front / (n * cellSize * cellSize) + 0.015, 0.33);
      out[index] = reductionFactor(lambda, height);
    }
  return out;
}

export const GRASS_FACTOR = GRASS;

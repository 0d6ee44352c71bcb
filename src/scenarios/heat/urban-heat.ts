import type { BlockStats } from './block-stats.ts';
import type { Blocks } from './blocks.ts';
import type { DayWeather } from './weather.ts';
import { sectorFootprint, type WindSector } from './wind.ts';
import { IntegralImage } from './window-sum.ts';

/**
 * The urban heat island term of the air temperature (Theeuwes et al. 2017, as in the models notes
 * §2.3): UHI_max = (2 − SVF̄ − F̄veg) · (S · DTR³ / U)^¼, with SVF̄ and F̄veg averaged over an
 * upwind footprint. The local air temperature is the station's plus UHI_max times the hour's share
 * (small in the early afternoon: 0.03 at noon, 0.31 at 18:00 on the reference day).
 */

/** The method's vegetation footprint: 1,000 m upwind, 250 m across, 100 m downwind, 350 m when calm. */
export const HEAT_ISLAND_REACH = { upwind: 1000, side: 250, downwind: 100, calm: 350 } as const;

const SPECIFIC_HEAT = 1007; // J kg⁻¹ K⁻¹ (as Tygron uses)
const GAS_CONSTANT_DRY_AIR = 287.058;
const SEA_LEVEL_PRESSURE = 101_325;

/** (S · DTR³ / U)^¼ in kelvin for a day's weather. */
export function heatIslandScale(day: DayWeather): number {
  const meanTemperature = (day.minTemperature + day.maxTemperature) / 2;
  const density = SEA_LEVEL_PRESSURE / (GAS_CONSTANT_DRY_AIR * (meanTemperature + 273.15));
  const s = day.meanGlobal / (SPECIFIC_HEAT * density);
  const range = Math.max(0, day.maxTemperature - day.minTemperature);
  return ((s * range ** 3) / Math.max(0.5, day.meanWind)) ** 0.25;
}

/** UHI_max (K) per block (see blocks.ts and block-stats.ts) for one wind sector. */
export function heatIslandMax(
  blocks: Blocks,
  stats: BlockStats,
  sector: WindSector,
  day: DayWeather,
): Float32Array {
  const scale = heatIslandScale(day);
  const [bc, br] = [blocks.columns, blocks.rows];
  const all = new IntegralImage(bc, br, blocks.cells);
  const green = new IntegralImage(bc, br, stats.vegetated);
  // Roofs are left out of the mean sky view factor: it describes the street canyons.
  const open = new IntegralImage(bc, br, stats.open);
  const sky = new IntegralImage(bc, br, stats.skyThousandths);
  const f = sectorFootprint(sector, blocks.blockSize, HEAT_ISLAND_REACH);
  const out = new Float32Array(blocks.count);
  for (let row = 0; row < br; row++)
    for (let col = 0; col < bc; col++) {
      const c0 = col - f.west;
      const c1 = col + f.east;
      const r0 = row - f.north;
      const r1 = row + f.south;
      const vegetation = green.sum(c0, r0, c1, r1) / all.sum(c0, r0, c1, r1);
      const streets = open.sum(c0, r0, c1, r1);
      const meanSky = streets > 0 ? sky.sum(c0, r0, c1, r1) / 1000 / streets : 1;
      out[row * bc + col] = (2 - meanSky - vegetation) * scale;
    }
  return out;
}

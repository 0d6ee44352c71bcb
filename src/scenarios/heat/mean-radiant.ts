/**
 * Mean radiant temperature (°C) of a standing person at 1.2 m, in the simple two-hemisphere form of
 * VDI 3787 part 2: half the body sees the upper hemisphere (sky through the sky view factor, walls
 * for the rest), half the ground; the sun adds its direct beam on the body's projected area. Used
 * only to feed the MEMI reference (pet-memi.ts) when checking the PET regression, so the check's
 * spread includes this simplification. Assumptions, named where used: walls at air temperature,
 * sunlit ground 10 K and shaded ground 2 K above air temperature, ground albedo 0.15.
 */
const SIGMA = 5.67e-8;
/** Short-wave absorptivity and long-wave emissivity of a person (VDI 3787 part 2). */
const ABSORPTIVITY = 0.7;
const EMISSIVITY = 0.97;
const GROUND_ALBEDO = 0.15;

export interface RadiantInput {
  airTemperature: number;
  /** Water vapour pressure (hPa), for the clear-sky emissivity. */
  vapourPressure: number;
  /** Global and diffuse radiation on a horizontal surface (W/m²). */
  global: number;
  diffuse: number;
  /** Solar elevation (degrees). */
  elevation: number;
  skyView: number;
  /** Whether the person stands in the sun. */
  sunlit: boolean;
}

/** Projected-area factor of a standing person for the direct beam (Jendritzky, in VDI 3787-2). */
export function projectedAreaFactor(elevation: number): number {
  return 0.308 * Math.cos((elevation * (1 - (elevation * elevation) / 48402) * Math.PI) / 180);
}

export function meanRadiantTemperature(p: RadiantInput): number {
  const k = (t: number) => (t + 273.15) ** 4;
  const air = p.airTemperature + 273.15;
  // Brutsaert (1975) clear-sky emissivity.
  const skyEmissivity = 1.24 * (p.vapourPressure / air) ** (1 / 7);
  const down = p.skyView * skyEmissivity * SIGMA * air ** 4 + (1 - p.skyView) * SIGMA * air ** 4;
  const ground = SIGMA * 0.95 * k(p.airTemperature + (p.sunlit ? 10 : 2));
  const sinEl = Math.sin((p.elevation * Math.PI) / 180);
  const beam = p.sunlit && sinEl > 0 ? (p.global - p.diffuse) / sinEl : 0;
  const reflected = GROUND_ALBEDO * (p.sunlit ? p.global : p.skyView * p.diffuse);
  const shortWave =
    ABSORPTIVITY * (0.5 * p.skyView * p.diffuse + 0.5 * reflected + projectedAreaFactor(p.elevation) * beam);
  const longWave = EMISSIVITY * (0.5 * down + 0.5 * ground);
  return ((shortWave + longWave) / (EMISSIVITY * SIGMA)) ** 0.25 - 273.15;
}

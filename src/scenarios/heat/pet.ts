/**
 * Physiological Equivalent Temperature (PET) by the regression of the Wageningen method behind the
 * national "gevoelstemperatuur" heat map (Koopmans, Heusinkveld & Steeneveld 2020), as written in
 * the models notes §2.3: one formula for sunlit cells, one for shade (and night). The regression
 * emulates the RayMan radiation model. Its deviation from a physical PET (pet-memi.ts, fed by the
 * simple mean radiant temperature of mean-radiant.ts) over the reference afternoon (six hourly
 * means 12–18 h, sun at each hour's middle, sky view 0.3–1, wind 0.5–3 m/s), measured by
 * scripts/heat/pet-regression-check.ts: −1.4 to +1.7 °C in the shade (rms 0.7), −1.0 to +8.2 °C
 * in the sun (mean +2.8, rms 3.5). Humidity enters only through the wet-bulb term: RH 30 → 70 %
 * adds about 0.5 °C, against about 4.5 °C in MEMI.
 */
const DEG = Math.PI / 180;
/** Stefan–Boltzmann constant (W m⁻² K⁻⁴). */
export const STEFAN_BOLTZMANN = 5.67e-8;

/** Bowen ratio of vegetated and of paved ground (constants `Bveg`, `Bnoveg` of the method). */
export const BOWEN_VEGETATED = 0.4;
export const BOWEN_PAVED = 3;

/** Lowest wind at 1.2 m the method allows (m/s): below it the regression leaves its range. */
export const MIN_WIND = 0.5;

/** Wet-bulb temperature (°C) from air temperature (°C) and relative humidity (%), Stull (2011). */
export function wetBulbStull(t: number, rh: number): number {
  return (
    t * Math.atan(0.151977 * Math.sqrt(rh + 8.313659)) +
    Math.atan(t + rh) -
    Math.atan(rh - 1.676331) +
    0.00391838 * rh ** 1.5 * Math.atan(0.023101 * rh) -
    4.686035
  );
}

export interface PetInput {
  /** Local air temperature (°C), station temperature plus the urban heat island term. */
  airTemperature: number;
  /** Wet-bulb temperature (°C). */
  wetBulb: number;
  /** Wind speed at 1.2 m (m/s); raised to 0.5 m/s when lower. */
  wind: number;
  /** Sky view factor 0…1. */
  skyView: number;
}

export interface SunInput extends PetInput {
  /** Global radiation (W/m²). */
  global: number;
  /** Solar elevation (degrees). */
  elevation: number;
  /** Bowen ratio of the ground: BOWEN_VEGETATED or BOWEN_PAVED. */
  bowen: number;
}

export interface ShadeInput extends PetInput {
  /** Diffuse radiation (W/m²). */
  diffuse: number;
}

/** PET (°C) of a sunlit cell in daytime. */
export function petSun(p: SunInput): number {
  const lnU = Math.log(Math.max(MIN_WIND, p.wind));
  const sinEl = Math.sin(p.elevation * DEG);
  return (
    -13.26 +
    1.25 * p.airTemperature +
    0.011 * p.global -
    3.37 * lnU +
    0.078 * p.wetBulb +
    0.0055 * p.global * lnU +
    5.56 * sinEl -
    0.0103 * p.global * lnU * sinEl +
    0.546 * p.bowen +
    1.94 * p.skyView
  );
}

/** PET (°C) of a shaded cell, or of any cell at night. */
export function petShade(p: ShadeInput): number {
  const lnU = Math.log(Math.max(MIN_WIND, p.wind));
  const kelvin = p.airTemperature + 273.15;
  return (
    -12.14 +
    1.25 * p.airTemperature -
    1.47 * lnU +
    0.06 * p.wetBulb +
    0.015 * p.skyView * p.diffuse +
    0.006 * (1 - p.skyView) * STEFAN_BOLTZMANN * kelvin ** 4
  );
}

/**
 * Heat-stress class edges (°C) for Western/Central Europe (Matzarakis & Mayer 1996): below 18 no
 * heat stress (comfortable or cooler), then slight, moderate, strong and extreme heat stress.
 */
export const HEAT_CLASS_EDGES = [18, 23, 29, 35, 41] as const;

/** Class 0…5 of a PET value; a value on an edge belongs to the warmer class. 255 for NaN. */
export function heatClass(pet: number): number {
  if (Number.isNaN(pet)) return NO_CLASS;
  let k = 0;
  while (k < HEAT_CLASS_EDGES.length && pet >= HEAT_CLASS_EDGES[k]!) k++;
  return k;
}

/** The class value of cells without a street-level PET (roofs). */
export const NO_CLASS = 255;

export interface HeatClassInfo {
  index: number;
  /** Lower and upper PET bound (°C); null when open-ended. */
  min: number | null;
  max: number | null;
  perception: string;
  stress: string;
}

/** The six classes of the PET scale above 13 °C, as the legend names them. */
export const HEAT_CLASSES: readonly HeatClassInfo[] = [
  { index: 0, min: null, max: 18, perception: 'slightly cool or cooler', stress: 'no heat stress' },
  { index: 1, min: 18, max: 23, perception: 'comfortable', stress: 'no thermal stress' },
  { index: 2, min: 23, max: 29, perception: 'slightly warm', stress: 'slight heat stress' },
  { index: 3, min: 29, max: 35, perception: 'warm', stress: 'moderate heat stress' },
  { index: 4, min: 35, max: 41, perception: 'hot', stress: 'strong heat stress' },
  { index: 5, min: 41, max: null, perception: 'very hot', stress: 'extreme heat stress' },
];

import { amsterdamToUtc } from '../../time/amsterdam.ts';
import { sunPosition, type SunPosition } from './solar-position.ts';

/**
 * Weather for the heat model. The default is the reference hot day of the national PET map:
 * 1 July 2015, the 1-in-1000 hot day of 2004–2018 (models notes §2.2), averaged over 12:00–18:00
 * local time. A planning estimate, not a forecast or a measurement in Utrecht.
 *
 * Where each number comes from (none is an observation at De Bilt: no De Bilt hourly record of a
 * hot day was available to this project, so the day of the national map is kept):
 * - The afternoon's hourly values are those the Wageningen-method QGIS plugin (pet_plugin,
 *   `knmi.py`) tabulates for 1 July 2015: KNMI hourly data, station not named in the table (the
 *   plugin's KNMI reader documents Herwijnen, 356). KNMI hour HH is the hour ending at HH:00 UT;
 *   row HH = 11 is therefore 10:00–11:00 UT = 12:00–13:00 CEST. Radiation is that hour's mean;
 *   temperature, humidity and wind are the values observed at its end.
 * - The daily values of the heat-island term are NOT observations of that station: Tmin 24 °C,
 *   Tmax 34 °C and a mean wind of 6 m/s are placeholders (the plugin's defaults), and the daily
 *   mean radiation (338 W/m² = 2,922 J/cm²) is the sum of KNMI Rotterdam's (344) hourly radiation
 *   that day, as shipped in the same plugin (`knmi_results.csv`). See REFERENCE_DAY.
 *
 * A model hour h is the hourly mean from h:00 to h+1:00 local time, so the sun is taken at h:30,
 * the middle of the hour whose radiation was measured, not at its end.
 */
export const REFERENCE_DATE = '2015-07-01';

/** The afternoon the national map averages over: six hourly means, 12:00–13:00 … 17:00–18:00 local. */
export const AFTERNOON_HOURS = [12, 13, 14, 15, 16, 17] as const;

/** Minutes after the hour at which an hourly mean's sun is taken: its middle. */
export const SUN_MINUTES = 30;

export interface StationHour {
  /** Air temperature at 1.5 m (°C). */
  airTemperature: number;
  /** Relative humidity (%). */
  relativeHumidity: number;
  /** Wind speed at 10 m (m/s). */
  windSpeed: number;
  /** Where the wind comes from (degrees, 90 = east). */
  windDirection: number;
  /** Global and diffuse radiation (W/m²). */
  global: number;
  diffuse: number;
  /** Share of the day's maximum urban heat island present at this hour (the method's diurnal factor). */
  heatIslandShare: number;
}

/**
 * 1 July 2015, hourly means 12:00–18:00 CEST (KNMI hours HH 11–16 UT) as tabulated in the plugin:
 * temperature, humidity, wind at 10 m, its direction, global radiation, and the method's diurnal
 * share of the heat island. Diffuse light is derived at run time for the sun of the hour's middle.
 */
type TableHour = Omit<StationHour, 'diffuse'>;

const REFERENCE_HOURS: Readonly<Record<number, TableHour>> = {
  12: hour(29.8, 44, 6, 100, 855.556, 0.05),
  13: hour(31.2, 35, 6, 130, 868.056, 0.07),
  14: hour(32.1, 37, 5, 130, 825.0, 0.11),
  15: hour(32.8, 35, 4, 140, 743.056, 0.16),
  16: hour(32.9, 37, 5, 120, 629.167, 0.23),
  17: hour(33.0, 37, 4, 130, 491.667, 0.31),
};

function hour(
  airTemperature: number,
  relativeHumidity: number,
  windSpeed: number,
  windDirection: number,
  global: number,
  heatIslandShare: number,
): TableHour {
  return { airTemperature, relativeHumidity, windSpeed, windDirection, global, heatIslandShare };
}

export interface DayWeather {
  /** Daily minimum and maximum air temperature (°C); their range drives the heat island. */
  minTemperature: number;
  maxTemperature: number;
  /** Daily mean wind at 10 m (m/s). */
  meanWind: number;
  /** Daily mean global radiation (W/m²). */
  meanGlobal: number;
}

/**
 * The reference day's daily values for the heat-island term. Placeholders, not observations: Tmin
 * 24 °C, Tmax 34 °C and a mean wind of 6 m/s are the plugin's defaults; the daily mean radiation
 * (338 W/m² = 2,922 J/cm² over the day) is KNMI Rotterdam's (344) hourly sum for 1 July 2015, a
 * different station from the hourly table. Kept, clearly labelled, until one station's observed day
 * (e.g. KNMI De Bilt, 260) replaces the whole reference day.
 */
export const REFERENCE_DAY: DayWeather = {
  minTemperature: 24,
  maxTemperature: 34,
  meanWind: 6,
  meanGlobal: 338,
};

// Where the reference day's numbers come from is told in the run's notes
// (scenario.note.heat.referenceSource in the i18n files).

/** Weather given in a scenario's `run.weather`, for every modelled hour. */
export interface WeatherOverride {
  airTemperature: number;
  relativeHumidity: number;
  windSpeed: number;
  windDirection?: number;
  globalRadiation?: number;
  diffuseRadiation?: number;
  minTemperature?: number;
  maxTemperature?: number;
}

export interface ModelHour {
  localHour: number;
  utcMs: number;
  sun: SunPosition;
  station: StationHour;
  /** Where the station values came from, for the notes. */
  source: 'reference' | 'reference-shifted' | 'override';
}

const SOLAR_CONSTANT = 1367;
/** Clear-sky transmissivity used when a radiation value has to be made up (the reference day's noon is 0.71). */
const CLEAR_SKY_TRANSMISSIVITY = 0.7;

/**
 * Diffuse radiation from global radiation and sun height, by the transmissivity rule of the method's
 * plugin: τ = Q / (1367 · sin el); all diffuse below τ 0.3, 20 % above 0.7, linear between.
 */
export function diffuseFromGlobal(global: number, elevation: number): number {
  const sinEl = Math.sin((elevation * Math.PI) / 180);
  if (sinEl <= 0) return global;
  const tau = global / (SOLAR_CONSTANT * sinEl);
  if (tau < 0.3) return global;
  if (tau > 0.7) return 0.2 * global;
  return global * (1.6 - 2 * tau);
}

/** The instant of the middle of the hourly mean h:00–h+1:00 local time on `date`. */
export function hourMiddle(date: string, localHour: number): number {
  return amsterdamToUtc(date, localHour) + SUN_MINUTES * 60_000;
}

/**
 * The station weather for the hourly mean from `localHour`:00 to the next hour, with the sun at the
 * hour's middle. On the reference day at 12–18 h: the table, diffuse light split off for that sun.
 * Another date or hour borrows the nearest tabulated hour's temperature, humidity and wind, and
 * scales the radiation with the sun's height there (same transmissivity). An override replaces
 * all of it.
 */
export function modelHour(
  date: string,
  localHour: number,
  lat: number,
  lon: number,
  override?: WeatherOverride,
): ModelHour {
  const utcMs = hourMiddle(date, localHour);
  const sun = sunPosition(utcMs, lat, lon);
  const sinEl = Math.max(0, Math.sin((sun.elevation * Math.PI) / 180));
  const first = AFTERNOON_HOURS[0];
  const last = AFTERNOON_HOURS[AFTERNOON_HOURS.length - 1]!;
  const nearest = Math.min(last, Math.max(first, localHour));
  const table = REFERENCE_HOURS[nearest]!;
  if (override) {
    const global = override.globalRadiation ?? CLEAR_SKY_TRANSMISSIVITY * SOLAR_CONSTANT * sinEl;
    const station: StationHour = {
      airTemperature: override.airTemperature,
      relativeHumidity: override.relativeHumidity,
      windSpeed: override.windSpeed,
      windDirection: override.windDirection ?? table.windDirection,
      global,
      diffuse: override.diffuseRadiation ?? diffuseFromGlobal(global, sun.elevation),
      heatIslandShare: table.heatIslandShare,
    };
    return { localHour, utcMs, sun, station, source: 'override' };
  }
  if (date === REFERENCE_DATE && localHour === nearest) {
    const station = { ...table, diffuse: diffuseFromGlobal(table.global, sun.elevation) };
    return { localHour, utcMs, sun, station, source: 'reference' };
  }
  const tableSun = sunPosition(hourMiddle(REFERENCE_DATE, nearest), lat, lon);
  const tau = table.global / (SOLAR_CONSTANT * Math.sin((tableSun.elevation * Math.PI) / 180));
  const global = tau * SOLAR_CONSTANT * sinEl;
  const station = { ...table, global, diffuse: diffuseFromGlobal(global, sun.elevation) };
  return { localHour, utcMs, sun, station, source: 'reference-shifted' };
}

export function dayWeather(override?: WeatherOverride): DayWeather {
  if (!override) return REFERENCE_DAY;
  return {
    minTemperature:
      override.minTemperature ??
      override.airTemperature - (REFERENCE_DAY.maxTemperature - REFERENCE_DAY.minTemperature),
    maxTemperature: override.maxTemperature ?? override.airTemperature,
    meanWind: override.windSpeed,
    meanGlobal: REFERENCE_DAY.meanGlobal,
  };
}

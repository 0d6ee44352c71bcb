import { amsterdamToUtc } from '../../time/amsterdam.ts';
import { sunPosition, type SunPosition } from './solar-position.ts';

/**
 * Weather for the heat model. The default is the reference hot day of the national PET map:
 * 1 July 2015, the 1-in-1000 hot day of 2004–2018 (models notes §2.2), averaged over 12:00–18:00
 * local time. The hourly values are those the Wageningen-method QGIS plugin (pet_plugin) ships as
 * its defaults for that day (KNMI hourly data; the plugin names station Herwijnen), not De Bilt:
 * a hot-day estimate for planning, not a forecast or a measurement in Utrecht.
 */
export const REFERENCE_DATE = '2015-07-01';

/** The afternoon the national map averages over (local wall-clock hours, inclusive). */
export const AFTERNOON_HOURS = [12, 13, 14, 15, 16, 17, 18] as const;

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

/** 1 July 2015, 12:00–18:00 CEST (10–16 UTC), as tabulated in the plugin's defaults. */
const REFERENCE_HOURS: Readonly<Record<number, StationHour>> = {
  12: hour(28.0, 48, 6, 100, 794.444, 158.889, 0.03),
  13: hour(29.8, 44, 6, 100, 855.556, 171.111, 0.05),
  14: hour(31.2, 35, 6, 130, 868.056, 173.611, 0.07),
  15: hour(32.1, 37, 5, 130, 825.0, 165.0, 0.11),
  16: hour(32.8, 35, 4, 140, 743.056, 148.611, 0.16),
  17: hour(32.9, 37, 5, 120, 629.167, 149.413, 0.23),
  18: hour(33.0, 37, 4, 130, 491.667, 144.185, 0.31),
};

function hour(
  airTemperature: number,
  relativeHumidity: number,
  windSpeed: number,
  windDirection: number,
  global: number,
  diffuse: number,
  heatIslandShare: number,
): StationHour {
  return { airTemperature, relativeHumidity, windSpeed, windDirection, global, diffuse, heatIslandShare };
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
 * The reference day's daily values: Tmin 24 °C, Tmax 34 °C and a mean wind of 6 m/s as in the
 * plugin's defaults; the daily mean radiation (338 W/m² = 2,922 J/cm²) is the sum of an hourly
 * series for the same day in the same plugin.
 */
export const REFERENCE_DAY: DayWeather = {
  minTemperature: 24,
  maxTemperature: 34,
  meanWind: 6,
  meanGlobal: 338,
};

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

/**
 * The station weather for one local hour. On the reference day at 12–18 h: the table. Another
 * date or hour borrows the nearest tabulated hour's temperature, humidity and wind, and scales the
 * radiation with the sun's height there (same transmissivity). An override replaces all of it.
 */
export function modelHour(
  date: string,
  localHour: number,
  lat: number,
  lon: number,
  override?: WeatherOverride,
): ModelHour {
  const utcMs = amsterdamToUtc(date, localHour);
  const sun = sunPosition(utcMs, lat, lon);
  const sinEl = Math.max(0, Math.sin((sun.elevation * Math.PI) / 180));
  const nearest = Math.min(18, Math.max(12, localHour));
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
  if (date === REFERENCE_DATE && localHour === nearest)
    return { localHour, utcMs, sun, station: table, source: 'reference' };
  const tableSun = sunPosition(amsterdamToUtc(REFERENCE_DATE, nearest), lat, lon);
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

/**
 * Sun position after the NOAA solar calculator (Meeus' low-precision series): about 30 flops per
 * call and within about 0.003° of NREL SPA (models notes §4.1), which is far below what a 1–2 m
 * shadow raster can resolve.
 */
const DEG = Math.PI / 180;

export interface SunPosition {
  /** Apparent elevation above the horizon, refraction included (degrees; negative at night). */
  elevation: number;
  /** Clockwise from true north (degrees, 0…360): 90 = east, 180 = south. */
  azimuth: number;
  /** Elevation without refraction (degrees), as in the notes' table of noon elevations. */
  geometricElevation: number;
  /** 90 − elevation (degrees). */
  zenith: number;
  /** Solar declination (degrees). */
  declination: number;
  /** Equation of time (minutes). */
  equationOfTime: number;
}

/** Julian day of a UTC instant in milliseconds since 1970. */
export function julianDay(utcMs: number): number {
  return utcMs / 86_400_000 + 2_440_587.5;
}

/** Where the sun is at `utcMs` seen from (lon, lat) in degrees WGS84 (east and north positive). */
export function sunPosition(utcMs: number, lat: number, lon: number): SunPosition {
  const t = (julianDay(utcMs) - 2_451_545) / 36_525; // Julian centuries since J2000.0
  const meanLongitude = mod360(280.46646 + t * (36_000.76983 + t * 0.0003032));
  const meanAnomaly = 357.52911 + t * (35_999.05029 - 0.0001537 * t);
  const eccentricity = 0.016708634 - t * (0.000042037 + 0.0000001267 * t);
  const m = meanAnomaly * DEG;
  const centre =
    Math.sin(m) * (1.914602 - t * (0.004817 + 0.000014 * t)) +
    Math.sin(2 * m) * (0.019993 - 0.000101 * t) +
    Math.sin(3 * m) * 0.000289;
  const omega = (125.04 - 1934.136 * t) * DEG;
  const apparentLongitude = (meanLongitude + centre - 0.00569 - 0.00478 * Math.sin(omega)) * DEG;
  const meanObliquity = 23 + (26 + (21.448 - t * (46.815 + t * (0.00059 - t * 0.001813))) / 60) / 60;
  const obliquity = (meanObliquity + 0.00256 * Math.cos(omega)) * DEG;
  const declination = Math.asin(Math.sin(obliquity) * Math.sin(apparentLongitude));

  const y = Math.tan(obliquity / 2) ** 2;
  const l0 = meanLongitude * DEG;
  const equationOfTime =
    (4 / DEG) *
    (y * Math.sin(2 * l0) -
      2 * eccentricity * Math.sin(m) +
      4 * eccentricity * y * Math.sin(m) * Math.cos(2 * l0) -
      0.5 * y * y * Math.sin(4 * l0) -
      1.25 * eccentricity * eccentricity * Math.sin(2 * m));

  const minutesOfUtcDay = (((utcMs % 86_400_000) + 86_400_000) % 86_400_000) / 60_000;
  const trueSolarMinutes = mod(minutesOfUtcDay + equationOfTime + 4 * lon, 1440);
  let hourAngle = trueSolarMinutes / 4 - 180;
  if (hourAngle < -180) hourAngle += 360;

  const phi = lat * DEG;
  const cosZenith = clamp(
    Math.sin(phi) * Math.sin(declination) + Math.cos(phi) * Math.cos(declination) * Math.cos(hourAngle * DEG),
  );
  const geometricZenith = Math.acos(cosZenith) / DEG;
  const geometricElevation = 90 - geometricZenith;
  const elevation = geometricElevation + refraction(geometricElevation);

  const sinZenith = Math.sin(geometricZenith * DEG);
  let azimuth: number;
  if (Math.abs(sinZenith) < 1e-12 || Math.abs(Math.cos(phi)) < 1e-12) azimuth = 180;
  else {
    const fromNorth =
      Math.acos(clamp((Math.sin(phi) * cosZenith - Math.sin(declination)) / (Math.cos(phi) * sinZenith))) /
      DEG;
    azimuth = hourAngle > 0 ? mod360(fromNorth + 180) : mod360(540 - fromNorth);
  }
  return {
    elevation,
    azimuth,
    geometricElevation,
    zenith: 90 - elevation,
    declination: declination / DEG,
    equationOfTime,
  };
}

/** Atmospheric refraction (degrees) for a geometric elevation, standard atmosphere (NOAA's fit). */
export function refraction(elevation: number): number {
  if (elevation > 85) return 0;
  const te = Math.tan(elevation * DEG);
  let arcSeconds: number;
  if (elevation > 5) arcSeconds = 58.1 / te - 0.07 / te ** 3 + 0.000086 / te ** 5;
  else if (elevation > -0.575)
    arcSeconds = 1735 + elevation * (-518.2 + elevation * (103.4 + elevation * (-12.79 + elevation * 0.711)));
  else arcSeconds = -20.774 / te;
  return arcSeconds / 3600;
}

/**
 * Unit vector pointing towards the sun in a local east-north-up frame. Shadows fall along its
 * horizontal opposite.
 */
export function sunDirection(sun: Pick<SunPosition, 'elevation' | 'azimuth'>): [number, number, number] {
  const el = sun.elevation * DEG;
  const az = sun.azimuth * DEG;
  return [Math.cos(el) * Math.sin(az), Math.cos(el) * Math.cos(az), Math.sin(el)];
}

function mod(value: number, by: number): number {
  return ((value % by) + by) % by;
}

function mod360(value: number): number {
  return mod(value, 360);
}

function clamp(value: number): number {
  return Math.min(1, Math.max(-1, value));
}

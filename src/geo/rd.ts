import proj4 from 'proj4';

/** RD New (Amersfoort / RD New), the Dutch national grid; definition as published for EPSG:28992. */
export const RD_NEW = 'EPSG:28992';
proj4.defs(
  RD_NEW,
  '+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000 ' +
    '+ellps=bessel +towgs84=565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725 +units=m +no_defs',
);

const rdToWgs84 = proj4(RD_NEW, 'WGS84');

/** RD New metres → [lon, lat] in degrees (WGS84). */
export function rdToLonLat(x: number, y: number): [number, number] {
  const [lon, lat] = rdToWgs84.forward([x, y]) as [number, number];
  return [lon, lat];
}

/** [lon, lat] in degrees (WGS84) → RD New metres. */
export function lonLatToRd(lon: number, lat: number): [number, number] {
  const [x, y] = rdToWgs84.inverse([lon, lat]) as [number, number];
  return [x, y];
}

/** True when a coordinate pair is plausibly RD New metres rather than degrees (RD's valid x range starts near 0 but NL has x > 0, y > 280 km). */
export function looksLikeRd(x: number, y: number): boolean {
  return Math.abs(x) > 360 || Math.abs(y) > 90;
}

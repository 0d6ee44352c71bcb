/**
 * Which coordinate system GeoJSON or an OGC API answer is in, and conversion to WGS84. Dutch data
 * often comes in RD New (EPSG:28992, or 7415 = RD + NAP height): a `crs` member (GeoJSON 2008),
 * `crs=…28992` in an OGC API address, or only the numbers. The ranges decide in the end: RD's
 * y is at least ~289 km, a latitude at most 90, so the two can never be mistaken for each other.
 */
import { rdToLonLat } from '../../geo/rd.ts';
import type { Geometry } from './schema.ts';

export type CrsName = 'wgs84' | 'rd';

/** What the file or address says (undefined: says nothing). 'other' is any CRS we do not convert. */
export type DeclaredCrs = CrsName | 'other';

/** `EPSG:28992`, `urn:ogc:def:crs:EPSG::28992`, `…/def/crs/EPSG/0/28992` (a version may sit between). */
const RD_CODE = /EPSG[:/]+(?:[\d.]*[:/]+)?(?:28992|7415)(?!\d)/i;
const WGS84_CODE = /CRS84|EPSG[:/]+(?:[\d.]*[:/]+)?(?:4326|4258|4979)(?!\d)/i;

function crsOfName(name: string): DeclaredCrs {
  if (RD_CODE.test(name)) return 'rd';
  if (WGS84_CODE.test(name)) return 'wgs84';
  return 'other';
}

/** The GeoJSON 2008 `crs` member: `{ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } }`. */
export function crsFromMember(crs: unknown): DeclaredCrs | undefined {
  if (typeof crs !== 'object' || crs === null) return undefined;
  const properties = (crs as { properties?: unknown }).properties;
  const name =
    typeof properties === 'object' && properties !== null
      ? (properties as { name?: unknown }).name
      : undefined;
  return typeof name === 'string' ? crsOfName(name) : undefined;
}

/** The `crs` parameter of an OGC API Features address (any case). */
export function crsFromUrl(url: URL): DeclaredCrs | undefined {
  for (const [key, value] of url.searchParams) if (key.toLowerCase() === 'crs') return crsOfName(value);
  return undefined;
}

/** RD New's area of use in metres (EPSG:28992 projected bounds, rounded outwards). */
const RD_BOUNDS = { minX: -8_000, maxX: 301_000, minY: 288_000, maxY: 630_000 };

/** Calls `f` on up to `max` positions spread over the geometries (first, last and in between). */
function samplePositions(
  geometries: readonly Geometry[],
  f: (p: readonly number[]) => void,
  max = 2_000,
): void {
  const step = Math.max(1, Math.floor(geometries.length / max));
  for (let i = 0; i < geometries.length; i += step) {
    const g = geometries[i]!;
    switch (g.type) {
      case 'Point':
        f(g.coordinates);
        break;
      case 'MultiPoint':
      case 'LineString':
        g.coordinates.slice(0, 4).forEach(f);
        break;
      case 'MultiLineString':
      case 'Polygon':
        g.coordinates.slice(0, 2).forEach((r) => r.slice(0, 4).forEach(f));
        break;
      case 'MultiPolygon':
        g.coordinates.slice(0, 2).forEach((p) => p.slice(0, 1).forEach((r) => r.slice(0, 4).forEach(f)));
        break;
    }
  }
  const last = geometries.at(-1);
  if (last && geometries.length > 1) samplePositions([last], f, 1);
}

/** 'wgs84' or 'rd' when every sampled position fits it; 'unknown' otherwise; undefined when empty. */
export function crsFromCoordinates(geometries: readonly Geometry[]): CrsName | 'unknown' | undefined {
  let degrees = true;
  let rd = true;
  let seen = 0;
  samplePositions(geometries, (p) => {
    const x = p[0];
    const y = p[1];
    if (x === undefined || y === undefined) return;
    seen++;
    if (!(Math.abs(x) <= 180 && Math.abs(y) <= 90)) degrees = false;
    if (!(x >= RD_BOUNDS.minX && x <= RD_BOUNDS.maxX && y >= RD_BOUNDS.minY && y <= RD_BOUNDS.maxY))
      rd = false;
  });
  if (seen === 0) return undefined;
  return degrees ? 'wgs84' : rd ? 'rd' : 'unknown';
}

export interface CrsDecision {
  /** What the coordinates are in; 'unknown' means they cannot be placed. */
  crs: CrsName | 'unknown';
  /** What the file or address declared, if anything (shown when it disagrees). */
  declared?: DeclaredCrs;
}

/**
 * Decides the CRS: the numbers decide (the ranges do not overlap), a declaration only fills in
 * when there are no coordinates to look at.
 */
export function decideCrs(geometries: readonly Geometry[], declared: DeclaredCrs | undefined): CrsDecision {
  const byNumbers = crsFromCoordinates(geometries);
  const crs = byNumbers ?? (declared === 'rd' ? 'rd' : 'wgs84');
  return declared === undefined ? { crs } : { crs, declared };
}

/** RD New (x, y[, z]) → WGS84 (lon, lat[, z]); heights are kept as they are. */
export function rdPositionToLonLat(p: number[]): number[] {
  const [lon, lat] = rdToLonLat(p[0] ?? NaN, p[1] ?? NaN);
  return p.length > 2 ? [lon, lat, ...p.slice(2)] : [lon, lat];
}

/** Applies `f` to every position of a geometry, keeping its structure. */
export function mapGeometry(g: Geometry, f: (p: number[]) => number[]): Geometry {
  switch (g.type) {
    case 'Point':
      return { ...g, coordinates: f(g.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { ...g, coordinates: g.coordinates.map(f) };
    case 'MultiLineString':
    case 'Polygon':
      return { ...g, coordinates: g.coordinates.map((r) => r.map(f)) };
    case 'MultiPolygon':
      return { ...g, coordinates: g.coordinates.map((poly) => poly.map((r) => r.map(f))) };
  }
}

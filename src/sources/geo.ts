/** Small geometry helpers shared by the sources (WKT points, RD rings). */
import { rdToLonLat } from '../geo/rd.ts';
import type { BBox, LonLat } from './types.ts';

const WKT_POINT =
  /^\s*POINT\s*(?:Z\s*)?\(\s*(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)\s+(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)(?:\s+-?[\d.eE+-]+)?\s*\)\s*$/i;

/**
 * Parses WKT `POINT(x y)`. For PDOK's `centroide_ll` x is the **longitude** (lon first!); for
 * `centroide_rd` it is RD x (easting).
 */
export function parseWktPoint(wkt: string): [number, number] | undefined {
  const m = WKT_POINT.exec(wkt);
  if (!m) return undefined;
  const x = Number(m[1]);
  const y = Number(m[2]);
  return Number.isFinite(x) && Number.isFinite(y) ? [x, y] : undefined;
}

export function rdRingToLonLat(ring: readonly (readonly number[])[]): LonLat[] {
  return ring.map((p) => rdToLonLat(p[0] ?? NaN, p[1] ?? NaN));
}

export function inBBox([lon, lat]: readonly [number, number], [minX, minY, maxX, maxY]: BBox): boolean {
  return lon >= minX && lon <= maxX && lat >= minY && lat <= maxY;
}

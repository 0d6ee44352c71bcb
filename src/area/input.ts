/**
 * The area to build, checked before anything is fetched: WGS84 only (RD metres are refused with a
 * hint), one simple polygon without holes, inside the Netherlands and at most AREA_LIMIT_KM2.
 */
import { area as turfArea, kinks, polygon as turfPolygon } from '@turf/turf';
import { looksLikeRd } from '../geo/rd.ts';

/** About 3 × 3 km: what the heat grid and the browser worker handle (issue 13). */
export const AREA_LIMIT_KM2 = 9.5;

/** Rough extent of the Netherlands (WGS84), to catch swapped or foreign coordinates. */
const NL_EXTENT = { west: 3.2, south: 50.7, east: 7.3, north: 53.6 } as const;

export type AreaInput =
  { bbox: readonly number[] } | { polygon: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown } };

export interface Area {
  /** Outer ring, closed, [lon, lat]. */
  ring: [number, number][];
  /** [west, south, east, north] of the ring. */
  bbox: [number, number, number, number];
  areaKm2: number;
  /** Stable short name of the area for baseline ids, e.g. "area-5-1180-52-0880-5-1240-52-0930". */
  key: string;
}

export class AreaInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AreaInputError';
  }
}

function isPosition(p: unknown): p is [number, number] {
  return Array.isArray(p) && p.length >= 2 && p.every((v) => typeof v === 'number' && Number.isFinite(v));
}

function ringOf(input: AreaInput): [number, number][] {
  if ('bbox' in input) {
    const b = input.bbox;
    if (b.length !== 4 || !b.every((v) => Number.isFinite(v)))
      throw new AreaInputError('A bbox needs four numbers: west,south,east,north.');
    const [w, s, e, n] = b as [number, number, number, number];
    if (looksLikeRd(w, s) || looksLikeRd(e, n))
      throw new AreaInputError(
        'These coordinates look like RD New metres (EPSG:28992), not degrees. Give the area in WGS84 longitude/latitude.',
      );
    if (w >= e || s >= n) throw new AreaInputError('A bbox needs west < east and south < north.');
    return [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ];
  }
  const g = input.polygon;
  if (g.type === 'MultiPolygon')
    throw new AreaInputError('The area has several parts (MultiPolygon). Draw or choose one area at a time.');
  const rings = g.coordinates;
  if (!Array.isArray(rings) || rings.length === 0 || !Array.isArray(rings[0]))
    throw new AreaInputError('The polygon has no outline.');
  if (rings.length > 1) throw new AreaInputError('The polygon has holes. Draw the area without holes.');
  const ring = rings[0] as unknown[];
  if (!ring.every(isPosition)) throw new AreaInputError('The polygon has a point that is not a number pair.');
  const points = ring.map((p) => [p[0], p[1]] as [number, number]);
  if (points.some(([x, y]) => looksLikeRd(x, y)))
    throw new AreaInputError(
      'These coordinates look like RD New metres (EPSG:28992), not degrees. Give the area in WGS84 longitude/latitude.',
    );
  const first = points[0]!;
  const last = points[points.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) points.push([first[0], first[1]]);
  if (points.length < 4) throw new AreaInputError('A polygon needs at least three corners.');
  return points;
}

export function parseArea(input: AreaInput): Area {
  const ring = ringOf(input);
  const lons = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  const bbox: Area['bbox'] = [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
  if (
    bbox[0] < NL_EXTENT.west ||
    bbox[2] > NL_EXTENT.east ||
    bbox[1] < NL_EXTENT.south ||
    bbox[3] > NL_EXTENT.north
  )
    throw new AreaInputError(
      'The area lies (partly) outside the Netherlands. Check that longitude comes before latitude.',
    );
  const poly = turfPolygon([ring]);
  if (kinks(poly).features.length > 0)
    throw new AreaInputError('The outline crosses itself. Draw it again without crossing lines.');
  const areaKm2 = turfArea(poly) / 1e6;
  if (areaKm2 <= 0) throw new AreaInputError('The area is empty.');
  if (areaKm2 > AREA_LIMIT_KM2)
    throw new AreaInputError(
      `The area is ${areaKm2.toFixed(1)} km²; at most ${AREA_LIMIT_KM2} km² (about 3 × 3 km) can be built.`,
    );
  const key = `area-${bbox.map((v) => v.toFixed(4).replace('.', '-')).join('-')}`;
  return { ring, bbox, areaKm2, key };
}

/** Ray casting; enough for keeping features whose centre lies in the area. */
export function insideRing(ring: readonly (readonly [number, number])[], lon: number, lat: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

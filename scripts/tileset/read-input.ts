/**
 * Reads building footprints from GeoJSON (the embedded sample, or a real 3DBAG/BAG export) and normalises
 * them: CRS84 or RD New (EPSG:28992 / 7415) → lon/lat, Polygon and MultiPolygon with holes, 3DBAG property
 * names (with `bouwjaar` accepted for `oorspronkelijkbouwjaar`), and a counted fallback for missing heights.
 */
import { looksLikeRd, rdToLonLat } from '../../src/geo/rd.ts';

export class TilesetInputError extends Error {
  override name = 'TilesetInputError';
}

export type InputCrs = 'CRS84' | 'EPSG:28992';

/** One building with lon/lat rings; `polygons[i][0]` is an outer ring, the rest are its holes. */
export interface InputBuilding {
  identificatie: string;
  /** Year of construction, or null when absent. */
  oorspronkelijkbouwjaar: number | null;
  b3_h_maaiveld: number | null;
  b3_h_nok: number | null;
  b3_dak_type: string;
  b3_bouwlagen: number | null;
  naam: string;
  /** Height above ground used for the geometry (metres). */
  height: number;
  polygons: [number, number][][][];
}

export interface InputWarnings {
  /** Buildings whose height had to be guessed (missing/invalid b3_h_nok or b3_h_maaiveld). */
  missingHeight: number;
  /** Features skipped because their geometry is not a (Multi)Polygon or is empty/degenerate. */
  skippedGeometry: number;
}

export interface BuildingsInput {
  crs: InputCrs;
  buildings: InputBuilding[];
  warnings: InputWarnings;
  /** `tweeling.tilesetOrigin` of the input, when it fixes one (the sample does). */
  originHint: [number, number] | null;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Height used when an input has no usable height: about three storeys. */
export const FALLBACK_HEIGHT = 9;

function detectCrsMember(fc: JsonObject): InputCrs | null {
  const crs = fc['crs'];
  if (!isObject(crs)) return null;
  const props = crs['properties'];
  const name = isObject(props) && typeof props['name'] === 'string' ? props['name'] : '';
  if (/28992|7415/.test(name)) return 'EPSG:28992';
  if (/CRS84|4326|4258|CRS:84/i.test(name)) return 'CRS84';
  throw new TilesetInputError(
    `unsupported crs "${name}": expected CRS84/EPSG:4326 or RD New (EPSG:28992/7415)`,
  );
}

function firstPosition(geom: Json): [number, number] | null {
  let c: Json = isObject(geom) ? (geom['coordinates'] ?? null) : null;
  while (Array.isArray(c) && Array.isArray(c[0])) c = c[0];
  if (Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number') return [c[0], c[1]];
  return null;
}

function num(v: Json | undefined): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
}

function str(v: Json | undefined): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return '';
}

export function readBuildingsInput(input: string | unknown): BuildingsInput {
  let data: unknown = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input);
    } catch (e) {
      throw new TilesetInputError(`input is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  if (!isObject(data) || typeof data['type'] !== 'string') {
    throw new TilesetInputError('input is not GeoJSON: expected an object with a "type" member');
  }
  if (data['type'] !== 'FeatureCollection' || !Array.isArray(data['features'])) {
    throw new TilesetInputError(
      `input is not a GeoJSON FeatureCollection (type "${data['type']}"); export the buildings as a FeatureCollection`,
    );
  }
  const features = data['features'];
  if (features.length === 0) throw new TilesetInputError('the FeatureCollection contains no features');

  let crs = detectCrsMember(data);
  if (!crs) {
    // No crs member: GeoJSON says CRS84, but RD exports often omit it, so judge by coordinate magnitude.
    const p = features.map((f) => (isObject(f) ? firstPosition(f['geometry'] ?? null) : null)).find((x) => x);
    crs = p && looksLikeRd(p[0], p[1]) ? 'EPSG:28992' : 'CRS84';
  }

  const warnings: InputWarnings = { missingHeight: 0, skippedGeometry: 0 };
  const buildings: InputBuilding[] = [];
  features.forEach((f, index) => {
    if (!isObject(f) || f['type'] !== 'Feature') {
      throw new TilesetInputError(`features[${index}] is not a GeoJSON Feature`);
    }
    const b = readFeature(f, index, crs, warnings);
    if (b) buildings.push(b);
  });
  if (buildings.length === 0) {
    throw new TilesetInputError('no usable Polygon or MultiPolygon features in the input');
  }

  const tw = data['tweeling'];
  const o = isObject(tw) ? tw['tilesetOrigin'] : null;
  const originHint: [number, number] | null =
    Array.isArray(o) && typeof o[0] === 'number' && typeof o[1] === 'number' ? [o[0], o[1]] : null;
  return { crs, buildings, warnings, originHint };
}

function readFeature(
  f: JsonObject,
  index: number,
  crs: InputCrs,
  warnings: InputWarnings,
): InputBuilding | null {
  const props = isObject(f['properties']) ? f['properties'] : {};
  const identificatie = str(props['identificatie']) || str(f['id'] ?? null) || `feature.${index}`;
  const where = `features[${index}] (${identificatie})`;
  const geom = f['geometry'];
  if (!isObject(geom) || (geom['type'] !== 'Polygon' && geom['type'] !== 'MultiPolygon')) {
    warnings.skippedGeometry++;
    return null;
  }
  const raw = geom['coordinates'];
  if (!Array.isArray(raw)) throw new TilesetInputError(`${where}: geometry has no coordinates array`);
  const polys = geom['type'] === 'Polygon' ? [raw] : raw;
  const polygons: [number, number][][][] = [];
  for (const poly of polys) {
    if (!Array.isArray(poly)) throw new TilesetInputError(`${where}: polygon is not an array of rings`);
    const rings = poly.map((ring) => readRing(ring, where, crs));
    if (rings.length > 0 && rings[0]!.length >= 3) polygons.push(rings.filter((r) => r.length >= 3));
  }
  if (polygons.length === 0) {
    warnings.skippedGeometry++;
    return null;
  }

  const maaiveld = num(props['b3_h_maaiveld']);
  const nok = num(props['b3_h_nok']) ?? num(props['b3_h_dak_max']) ?? num(props['b3_h_dak_70p']);
  const floors = num(props['b3_bouwlagen']);
  let height = maaiveld !== null && nok !== null ? nok - maaiveld : NaN;
  if (!(height > 0.5 && height < 1000)) {
    warnings.missingHeight++;
    height = floors !== null && floors > 0 ? floors * 3.2 + 1 : FALLBACK_HEIGHT;
  }
  const year = num(props['oorspronkelijkbouwjaar']) ?? num(props['bouwjaar']);
  return {
    identificatie,
    oorspronkelijkbouwjaar: year === null ? null : Math.round(year),
    b3_h_maaiveld: maaiveld,
    b3_h_nok: nok,
    b3_dak_type: str(props['b3_dak_type']),
    b3_bouwlagen: floors === null ? null : Math.round(floors),
    naam: str(props['naam']),
    height,
    polygons,
  };
}

function readRing(ring: Json, where: string, crs: InputCrs): [number, number][] {
  if (!Array.isArray(ring)) throw new TilesetInputError(`${where}: ring is not an array of positions`);
  const out: [number, number][] = [];
  for (const pos of ring) {
    if (!Array.isArray(pos) || typeof pos[0] !== 'number' || typeof pos[1] !== 'number') {
      throw new TilesetInputError(`${where}: invalid coordinate ${JSON.stringify(pos)}`);
    }
    const [x, y] = pos;
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      throw new TilesetInputError(`${where}: non-finite coordinate ${JSON.stringify(pos)}`);
    }
    if (crs === 'CRS84') {
      if (Math.abs(x) > 180 || Math.abs(y) > 90) {
        throw new TilesetInputError(
          `${where}: coordinate ${JSON.stringify(pos)} is outside lon/lat range (input treated as CRS84)`,
        );
      }
      out.push([x, y]);
    } else {
      if (x < -7000 || x > 300000 || y < 289000 || y > 629000) {
        throw new TilesetInputError(
          `${where}: coordinate ${JSON.stringify(pos)} is outside the RD New range`,
        );
      }
      out.push(rdToLonLat(x, y));
    }
  }
  return out;
}

/**
 * CityJSONFeature → the app's building record: real-world vertices (transform applied), a WGS84
 * footprint from the lowest LoD (or the ground surface of a solid) and height statistics.
 * The 3DBAG speaks EPSG:7415: RD New x/y plus NAP heights.
 */
import { rdToLonLat } from '../../geo/rd.ts';
import type { LonLat } from '../types.ts';
import type { CityJsonFeature, CityObject, MultiSurface, Solid, Transform } from './schema.ts';
import { signedRingArea } from '../../geo/polygon.ts';

export type Vertex = [number, number, number];

export interface BuildingHeights {
  /** Ground level (m NAP): `b3_h_maaiveld`, else the lowest vertex. */
  ground?: number;
  roofMin?: number;
  roof50p?: number;
  roof70p?: number;
  roofMax?: number;
  /** From the geometry itself (highest LoD), m NAP. */
  geometryMinZ?: number;
  geometryMaxZ?: number;
  datum: 'NAP';
}

export interface ThreeDBagBuilding {
  /** e.g. "NL.IMBAG.Pand.0344100000031316". */
  identificatie: string;
  /** The 16-digit BAG pand id. */
  bagId: string;
  attributes: Record<string, unknown>;
  /** Closed outer ring, [lon, lat] WGS84; empty when the feature has no usable geometry. */
  footprint: LonLat[];
  /** Same ring in RD New metres. */
  footprintRd: [number, number][];
  /** LoD the footprint came from ("0", "1.2", …). */
  footprintLod?: string;
  heights: BuildingHeights;
}

type SurfaceGeometry = Solid | MultiSurface;

export function applyTransform(vertices: readonly (readonly number[])[], t: Transform): Vertex[] {
  return vertices.map((v) => [
    (v[0] ?? 0) * t.scale[0] + t.translate[0],
    (v[1] ?? 0) * t.scale[1] + t.translate[1],
    (v[2] ?? 0) * t.scale[2] + t.translate[2],
  ]);
}

function isSurfaceGeometry(g: unknown): g is SurfaceGeometry {
  const type = (g as { type?: unknown }).type;
  return type === 'Solid' || type === 'MultiSurface' || type === 'CompositeSurface';
}

/** The feature's own object plus its parts (3DBAG puts LoD0 on the Building, LoD1.2+ on BuildingParts). */
function objectsOf(feature: CityJsonFeature): CityObject[] {
  const root = feature.CityObjects[feature.id];
  const parts = (root?.children ?? []).map((c) => feature.CityObjects[c]).filter((o) => o !== undefined);
  return root ? [root, ...parts] : Object.values(feature.CityObjects);
}

/** Surfaces as lists of rings, with their semantic type where given. */
function surfacesOf(g: SurfaceGeometry): { rings: number[][]; semantic?: string }[] {
  const types = g.semantics?.surfaces.map((s) => s.type) ?? [];
  const values = g.semantics?.values;
  if (g.type === 'Solid') {
    return g.boundaries.flatMap((shell, si) =>
      shell.map((rings, fi) => {
        const v = Array.isArray(values) ? (values[si] as unknown) : undefined;
        const idx = Array.isArray(v) ? (v[fi] as unknown) : undefined;
        const semantic = typeof idx === 'number' ? types[idx] : undefined;
        return semantic ? { rings, semantic } : { rings };
      }),
    );
  }
  return g.boundaries.map((rings, fi) => {
    const idx = Array.isArray(values) ? (values[fi] as unknown) : undefined;
    const semantic = typeof idx === 'number' ? types[idx] : undefined;
    return semantic ? { rings, semantic } : { rings };
  });
}

function ringArea(ring: readonly Vertex[]): number {
  return Math.abs(signedRingArea(ring));
}

function meanZ(ring: readonly Vertex[]): number {
  return ring.reduce((s, v) => s + v[2], 0) / Math.max(1, ring.length);
}

/** Picks the footprint ring: lowest LoD; inside a solid the GroundSurface, else the lowest large face. */
function footprintRing(
  geoms: SurfaceGeometry[],
  verts: readonly Vertex[],
): { ring: Vertex[]; lod: string } | undefined {
  const sorted = [...geoms].sort((a, b) => Number.parseFloat(a.lod) - Number.parseFloat(b.lod));
  for (const g of sorted) {
    const surfaces = surfacesOf(g).map((s) => ({
      semantic: s.semantic,
      ring: (s.rings[0] ?? []).map((i) => verts[i] as Vertex),
    }));
    if (surfaces.length === 0) continue;
    const grounds = surfaces.filter((s) => s.semantic === 'GroundSurface');
    let candidates = grounds.length > 0 ? grounds : surfaces;
    if (g.type === 'Solid' && grounds.length === 0) {
      // Without semantics, the ground is the lowest face with a real horizontal extent.
      const flat = surfaces.filter((s) => ringArea(s.ring) > 0.01);
      const lowest = Math.min(...flat.map((s) => meanZ(s.ring)));
      candidates = flat.filter((s) => meanZ(s.ring) <= lowest + 0.01);
    }
    const best = candidates.reduce<(typeof candidates)[number] | undefined>(
      (a, b) => (a === undefined || ringArea(b.ring) > ringArea(a.ring) ? b : a),
      undefined,
    );
    if (best && best.ring.length >= 3) return { ring: best.ring, lod: g.lod };
  }
  return undefined;
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function parseCityJsonFeature(feature: CityJsonFeature, transform: Transform): ThreeDBagBuilding {
  const verts = applyTransform(feature.vertices, transform);
  const objects = objectsOf(feature);
  const geoms = objects.flatMap((o) => (o.geometry ?? []).filter(isSurfaceGeometry));
  const attributes = { ...(feature.CityObjects[feature.id]?.attributes ?? {}) };

  const fp = footprintRing(geoms, verts);
  const footprintRd: [number, number][] = (fp?.ring ?? []).map((v) => [v[0], v[1]]);
  const first = footprintRd[0];
  const last = footprintRd[footprintRd.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) footprintRd.push([first[0], first[1]]);

  // Geometry heights from the most detailed LoD: that is what the 3D tiles show.
  const top = [...geoms].sort((a, b) => Number.parseFloat(b.lod) - Number.parseFloat(a.lod))[0];
  const used = new Set<number>();
  if (top) for (const s of surfacesOf(top)) for (const r of s.rings) for (const i of r) used.add(i);
  const zs = [...used].map((i) => (verts[i] as Vertex)[2]);

  const heights: BuildingHeights = { datum: 'NAP' };
  const ground = num(attributes.b3_h_maaiveld) ?? (zs.length ? Math.min(...zs) : undefined);
  if (ground !== undefined) heights.ground = ground;
  // 3DBAG roof attribute names (b3_h_dak_*) are from the 3DBAG docs, not the shared notes: MED.
  const roof: [keyof BuildingHeights, string][] = [
    ['roofMin', 'b3_h_dak_min'],
    ['roof50p', 'b3_h_dak_50p'],
    ['roof70p', 'b3_h_dak_70p'],
    ['roofMax', 'b3_h_dak_max'],
  ];
  for (const [key, attr] of roof) {
    const v = num(attributes[attr]);
    if (v !== undefined) (heights as unknown as Record<string, number>)[key] = v;
  }
  if (zs.length) {
    heights.geometryMinZ = Math.min(...zs);
    heights.geometryMaxZ = Math.max(...zs);
  }

  const building: ThreeDBagBuilding = {
    identificatie: feature.id,
    bagId: feature.id.replace(/^NL\.IMBAG\.Pand\./, ''),
    attributes,
    footprint: footprintRd.map(([x, y]) => rdToLonLat(x, y)),
    footprintRd,
    heights,
  };
  if (fp) building.footprintLod = fp.lod;
  return building;
}

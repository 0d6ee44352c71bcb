/**
 * Extrudes footprints into closed-looking building shells (walls + roof; no floor, buildings stand on the
 * ground). Input rings are local east/north metres; output vertices are glTF Y-up: (east, up, −north).
 *
 * Height convention: the base is at up = 0 (the viewer's ellipsoid ground) and the top at up = height,
 * where height = b3_h_nok − b3_h_maaiveld. NAP values only travel as properties.
 */
import earcut from 'earcut';
import { signedRingArea } from '../../src/geo/polygon.ts';

export type P2 = [number, number];
type V3 = [number, number, number];

/** Growing vertex/index buffers of one primitive. */
export class MeshBuilder {
  readonly positions: number[] = [];
  readonly normals: number[] = [];
  readonly featureIds: number[] = [];
  readonly indices: number[] = [];

  get vertexCount(): number {
    return this.positions.length / 3;
  }

  get triangleCount(): number {
    return this.indices.length / 3;
  }

  private vertex(p: V3, n: V3, feature: number): number {
    this.positions.push(p[0], p[1], p[2]);
    this.normals.push(n[0], n[1], n[2]);
    this.featureIds.push(feature);
    return this.vertexCount - 1;
  }

  /** A flat polygon (convex or triangulated by the caller's fan) with one normal; winding fixed to face `n`. */
  face(points: V3[], n: V3, feature: number, triangles?: number[]): void {
    const base = points.map((p) => this.vertex(p, n, feature));
    const tris = triangles ?? points.slice(2).flatMap((_, i) => [0, i + 1, i + 2]);
    for (let t = 0; t + 2 < tris.length; t += 3) {
      const a = base[tris[t]!]!;
      const b = base[tris[t + 1]!]!;
      const c = base[tris[t + 2]!]!;
      // Keep counter-clockwise winding as seen from outside (glTF front faces), whatever the input order.
      if (dot(faceNormal(points[tris[t]!]!, points[tris[t + 1]!]!, points[tris[t + 2]!]!), n) >= 0) {
        this.indices.push(a, b, c);
      } else {
        this.indices.push(a, c, b);
      }
    }
  }
}

function sub(a: V3, b: V3): V3 {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}

function crossV(a: V3, b: V3): V3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

function dot(a: V3, b: V3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

function normalize(v: V3): V3 {
  const l = Math.hypot(v[0], v[1], v[2]) || 1;
  return [v[0] / l, v[1] / l, v[2] / l];
}

function faceNormal(a: V3, b: V3, c: V3): V3 {
  return crossV(sub(b, a), sub(c, a));
}

/** Local east/north/up → glTF (east, up, −north). */
const g = (p: P2, up: number): V3 => [p[0], up, -p[1]];

export const ringArea: (ring: readonly P2[]) => number = signedRingArea;

/** Drops the closing vertex and near-duplicate neighbours; returns [] for degenerate rings. */
export function cleanRing(ring: readonly P2[], ccw: boolean): P2[] {
  const out: P2[] = [];
  for (const p of ring) {
    const last = out[out.length - 1];
    if (!last || Math.hypot(p[0] - last[0], p[1] - last[1]) > 1e-3) out.push(p);
  }
  while (
    out.length > 1 &&
    Math.hypot(out[0]![0] - out[out.length - 1]![0], out[0]![1] - out[out.length - 1]![1]) <= 1e-3
  ) {
    out.pop();
  }
  if (out.length < 3 || Math.abs(ringArea(out)) < 0.01) return [];
  return ringArea(out) > 0 === ccw ? out : out.reverse();
}

function walls(mesh: MeshBuilder, ring: readonly P2[], top: number, feature: number): void {
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % ring.length]!;
    // Outer rings are CCW and holes CW, so the solid is always on the left: outward is to the right.
    const n = normalize([b[1] - a[1], 0, b[0] - a[0]]);
    mesh.face([g(a, 0), g(b, 0), g(b, top), g(a, top)], n, feature);
  }
}

function flatRoof(mesh: MeshBuilder, rings: P2[][], top: number, feature: number): void {
  const flat: number[] = [];
  const holes: number[] = [];
  const pts: V3[] = [];
  rings.forEach((r, i) => {
    if (i > 0) holes.push(flat.length / 2);
    for (const p of r) {
      flat.push(p[0], p[1]);
      pts.push(g(p, top));
    }
  });
  const tris = earcut(flat, holes.length > 0 ? holes : null, 2);
  if (tris.length > 0) mesh.face(pts, [0, 1, 0], feature, tris);
}

/** The footprint as a near-rectangle (4 corners, right angles within ~10°), or null. */
function asRectangle(rings: P2[][]): P2[] | null {
  if (rings.length !== 1 || rings[0]!.length !== 4) return null;
  const r = rings[0]!;
  for (let i = 0; i < 4; i++) {
    const a = r[i]!;
    const b = r[(i + 1) % 4]!;
    const c = r[(i + 2) % 4]!;
    const u = normalize([b[0] - a[0], b[1] - a[1], 0]);
    const v = normalize([c[0] - b[0], c[1] - b[1], 0]);
    if (Math.abs(dot(u, v)) > 0.17) return null;
  }
  return r;
}

const mid = (a: P2, b: P2): P2 => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];

/** Gable roof over a rectangle with the ridge along the long side; false when the shape does not suit. */
function pitchedRoof(mesh: MeshBuilder, rings: P2[][], top: number, feature: number): boolean {
  const rect = asRectangle(rings);
  if (!rect) return false;
  // Rotate so that c0→c1 is a long side.
  const l0 = Math.hypot(rect[1]![0] - rect[0]![0], rect[1]![1] - rect[0]![1]);
  const l1 = Math.hypot(rect[2]![0] - rect[1]![0], rect[2]![1] - rect[1]![1]);
  const [c0, c1, c2, c3] = (l0 >= l1 ? rect : [rect[1]!, rect[2]!, rect[3]!, rect[0]!]) as [P2, P2, P2, P2];
  const halfSpan = Math.min(l0, l1) / 2;
  const rise = Math.min(halfSpan * Math.tan((40 * Math.PI) / 180), top * 0.45);
  const eave = top - rise;
  if (eave < 2.5 || rise < 0.5) return false;
  walls(mesh, rect, eave, feature);
  const r0 = mid(c3, c0);
  const r1 = mid(c1, c2);
  const slope = (a: P2, b: P2): void => {
    const pts: V3[] = [g(a, eave), g(b, eave), g(r1, top), g(r0, top)];
    const n = normalize(faceNormal(pts[0]!, pts[1]!, pts[2]!));
    mesh.face(pts, n[1] < 0 ? [-n[0], -n[1], -n[2]] : n, feature);
  };
  slope(c0, c1);
  slope(c2, c3);
  const gable = (a: P2, b: P2, r: P2): void => {
    const n = normalize([b[1] - a[1], 0, b[0] - a[0]]);
    mesh.face([g(a, eave), g(b, eave), g(r, top)], n, feature);
  };
  gable(c1, c2, r1);
  gable(c3, c0, r0);
  return true;
}

/**
 * Adds one building. `polygons` are cleaned rings (outer CCW, holes CW) in metres relative to the tile
 * origin; `pitched` asks for a gable roof where the footprint is a rectangle.
 */
export function addBuilding(
  mesh: MeshBuilder,
  polygons: P2[][][],
  height: number,
  pitched: boolean,
  feature: number,
): void {
  for (const rings of polygons) {
    if (pitched && pitchedRoof(mesh, rings, height, feature)) continue;
    for (const ring of rings) walls(mesh, ring, height, feature);
    flatRoof(mesh, rings, height, feature);
  }
}

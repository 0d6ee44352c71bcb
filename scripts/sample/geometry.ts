/**
 * Planar geometry for the sample generator, in a local metric frame (x = east, y = north, metres).
 * The sample spans ~2.5 km, so an equirectangular projection about one origin is accurate to a few cm,
 * which is far below the generator's own spacing rules.
 */
import { signedRingArea } from '../../src/geo/polygon.ts';

export { LocalMetres } from '../../src/geo/metres.ts';

export type Pt = readonly [number, number];
export type LonLat = readonly [number, number];

const DEG = Math.PI / 180;

export function sub(a: Pt, b: Pt): Pt {
  return [a[0] - b[0], a[1] - b[1]];
}

export function dist(a: Pt, b: Pt): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}

/** Signed area (positive = counter-clockwise). */
export const signedArea: (ring: readonly Pt[]) => number = signedRingArea;

export function centroid(ring: readonly Pt[]): Pt {
  let x = 0;
  let y = 0;
  for (const p of ring) {
    x += p[0];
    y += p[1];
  }
  return [x / ring.length, y / ring.length];
}

export function pointInRing(p: Pt, ring: readonly Pt[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i]!;
    const b = ring[j]!;
    if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) {
      inside = !inside;
    }
  }
  return inside;
}

export function pointSegmentDistance(p: Pt, a: Pt, b: Pt): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

function cross(o: Pt, a: Pt, b: Pt): number {
  return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}

export function segmentsIntersect(a: Pt, b: Pt, c: Pt, d: Pt): boolean {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

export function segmentSegmentDistance(a: Pt, b: Pt, c: Pt, d: Pt): number {
  if (segmentsIntersect(a, b, c, d)) return 0;
  return Math.min(
    pointSegmentDistance(a, c, d),
    pointSegmentDistance(b, c, d),
    pointSegmentDistance(c, a, b),
    pointSegmentDistance(d, a, b),
  );
}

/** Distance between two simple polygons (0 when they overlap or one contains the other). */
export function polygonDistance(p: readonly Pt[], q: readonly Pt[]): number {
  if (pointInRing(p[0]!, q) || pointInRing(q[0]!, p)) return 0;
  let best = Infinity;
  for (let i = 0; i < p.length; i++) {
    const a = p[i]!;
    const b = p[(i + 1) % p.length]!;
    for (let j = 0; j < q.length; j++) {
      best = Math.min(best, segmentSegmentDistance(a, b, q[j]!, q[(j + 1) % q.length]!));
      if (best === 0) return 0;
    }
  }
  return best;
}

/** Distance from a polygon to an open polyline (0 when they touch or the polyline runs inside). */
export function polygonPolylineDistance(poly: readonly Pt[], line: readonly Pt[]): number {
  if (line.length > 0 && pointInRing(line[0]!, poly)) return 0;
  let best = Infinity;
  for (let j = 0; j + 1 < line.length; j++) {
    const c = line[j]!;
    const d = line[j + 1]!;
    for (let i = 0; i < poly.length; i++) {
      best = Math.min(best, segmentSegmentDistance(poly[i]!, poly[(i + 1) % poly.length]!, c, d));
      if (best === 0) return 0;
    }
  }
  return best;
}

export interface Box2 {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export function boxOf(points: readonly Pt[], pad = 0): Box2 {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of points) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  return { minX: minX - pad, minY: minY - pad, maxX: maxX + pad, maxY: maxY + pad };
}

export function boxesOverlap(a: Box2, b: Box2): boolean {
  return a.minX <= b.maxX && b.minX <= a.maxX && a.minY <= b.maxY && b.minY <= a.maxY;
}

/**
 * A rectangle from a frontage: starts at `origin`, runs `length` along unit vector `dir` and `depth` along
 * unit vector `normal`. Returned counter-clockwise.
 */
export function frontageRect(origin: Pt, dir: Pt, normal: Pt, length: number, depth: number): Pt[] {
  const p0: Pt = origin;
  const p1: Pt = [origin[0] + dir[0] * length, origin[1] + dir[1] * length];
  const p2: Pt = [p1[0] + normal[0] * depth, p1[1] + normal[1] * depth];
  const p3: Pt = [origin[0] + normal[0] * depth, origin[1] + normal[1] * depth];
  const ring = [p0, p1, p2, p3];
  return signedArea(ring) < 0 ? ring.reverse() : ring;
}

/** Axis-aligned (before rotation) rectangle around a centre; `rotationDeg` turns it counter-clockwise. */
export function centredRect(c: Pt, width: number, depth: number, rotationDeg = 0): Pt[] {
  const r = rotationDeg * DEG;
  const ux: Pt = [Math.cos(r), Math.sin(r)];
  const uy: Pt = [-Math.sin(r), Math.cos(r)];
  const hw = width / 2;
  const hd = depth / 2;
  return [
    [-hw, -hd],
    [hw, -hd],
    [hw, hd],
    [-hw, hd],
  ].map(([a, b]): Pt => [c[0] + ux[0] * a! + uy[0] * b!, c[1] + ux[1] * a! + uy[1] * b!]);
}

/** Uniform-grid spatial index over boxes; deterministic (insertion order is kept in every cell). */
export class GridIndex<T> {
  private readonly cells = new Map<string, T[]>();

  constructor(private readonly cellSize: number) {}

  private keys(b: Box2): string[] {
    const out: string[] = [];
    const x0 = Math.floor(b.minX / this.cellSize);
    const x1 = Math.floor(b.maxX / this.cellSize);
    const y0 = Math.floor(b.minY / this.cellSize);
    const y1 = Math.floor(b.maxY / this.cellSize);
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) out.push(`${x},${y}`);
    return out;
  }

  insert(b: Box2, item: T): void {
    for (const k of this.keys(b)) {
      const list = this.cells.get(k);
      if (list) list.push(item);
      else this.cells.set(k, [item]);
    }
  }

  /** Candidates whose cells touch the box (may contain duplicates' removal already applied). */
  query(b: Box2): T[] {
    const seen = new Set<T>();
    const out: T[] = [];
    for (const k of this.keys(b)) {
      for (const item of this.cells.get(k) ?? []) {
        if (!seen.has(item)) {
          seen.add(item);
          out.push(item);
        }
      }
    }
    return out;
  }
}

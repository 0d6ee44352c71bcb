/**
 * Everything a generated building must keep clear of: street and canal corridors, squares, parks, the
 * track bed, landmarks and already placed buildings. Exact polygon tests (no raster), backed by grid indexes.
 */
import {
  boxOf,
  boxesOverlap,
  GridIndex,
  polygonDistance,
  polygonPolylineDistance,
  type Box2,
  type Pt,
} from './geometry.ts';

interface Corridor {
  a: Pt;
  b: Pt;
  halfWidth: number;
  box: Box2;
}

interface Solid {
  ring: Pt[];
  clearance: number;
  box: Box2;
}

export class Obstacles {
  private readonly corridors = new GridIndex<Corridor>(60);
  private readonly solids = new GridIndex<Solid>(60);
  private readonly buildings = new GridIndex<Solid>(40);
  readonly placed: Pt[][] = [];

  constructor(private readonly bounds: Box2) {}

  /** A polyline corridor: buildings keep at least `halfWidth` from its centre line. */
  addCorridor(path: readonly Pt[], halfWidth: number): void {
    for (let i = 0; i + 1 < path.length; i++) {
      const a = path[i]!;
      const b = path[i + 1]!;
      const c: Corridor = { a, b, halfWidth, box: boxOf([a, b], halfWidth) };
      this.corridors.insert(c.box, c);
    }
  }

  /** A polygon to keep `clearance` metres away from (squares, parks, landmarks). */
  addSolid(ring: Pt[], clearance: number): void {
    const s: Solid = { ring, clearance, box: boxOf(ring, clearance) };
    this.solids.insert(s.box, s);
  }

  /** True when `ring` (a candidate footprint) is clear of everything, keeping `gap` metres to buildings. */
  isFree(ring: Pt[], gap: number): boolean {
    const b = boxOf(ring);
    if (b.minX < this.bounds.minX || b.minY < this.bounds.minY) return false;
    if (b.maxX > this.bounds.maxX || b.maxY > this.bounds.maxY) return false;
    for (const c of this.corridors.query(b)) {
      if (boxesOverlap(b, c.box) && polygonPolylineDistance(ring, [c.a, c.b]) < c.halfWidth) return false;
    }
    for (const s of this.solids.query(b)) {
      if (boxesOverlap(b, s.box) && polygonDistance(ring, s.ring) < s.clearance) return false;
    }
    const gb = boxOf(ring, gap);
    for (const s of this.buildings.query(gb)) {
      if (boxesOverlap(gb, s.box) && polygonDistance(ring, s.ring) < gap) return false;
    }
    return true;
  }

  place(ring: Pt[]): void {
    const s: Solid = { ring, clearance: 0, box: boxOf(ring) };
    this.buildings.insert(s.box, s);
    this.placed.push(ring);
  }

  /** Footprints of placed buildings near a point (for borrowing the local street orientation). */
  nearby(p: Pt, radius: number): Pt[][] {
    const q: Box2 = { minX: p[0] - radius, minY: p[1] - radius, maxX: p[0] + radius, maxY: p[1] + radius };
    return this.buildings.query(q).map((s) => s.ring);
  }
}

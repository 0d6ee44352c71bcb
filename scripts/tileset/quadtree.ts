/**
 * Quadtree tiling with additive refinement: coarse levels hold only the buildings that matter from afar
 * (landmarks, tall or large ones), the rest goes down to the leaves. Every building lives in exactly one
 * tile, so the feature counts of all tiles add up to the input's building count.
 */
export interface Tiled {
  /** Footprint centroid (east, north), metres. */
  cx: number;
  cy: number;
  height: number;
  area: number;
  landmark: boolean;
}

export interface QuadNode<T extends Tiled> {
  level: number;
  x: number;
  y: number;
  items: T[];
  children: QuadNode<T>[];
}

export interface QuadOptions {
  /** A node stops splitting when at most this many buildings are left below it. */
  maxLeafItems: number;
  maxDepth: number;
}

/** 0 = visible from the root, 1 = from the first split, 2 = everything else. */
export function importance(b: Tiled): number {
  if (b.landmark || b.height >= 30 || b.area >= 2500) return 0;
  if (b.height >= 16 || b.area >= 700) return 1;
  return 2;
}

interface Extent {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export function buildQuadtree<T extends Tiled>(items: T[], options: QuadOptions): QuadNode<T> {
  let ext: Extent = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const b of items) {
    ext = {
      minX: Math.min(ext.minX, b.cx),
      minY: Math.min(ext.minY, b.cy),
      maxX: Math.max(ext.maxX, b.cx),
      maxY: Math.max(ext.maxY, b.cy),
    };
  }
  // Square cells keep tiles of one level comparable in size.
  const size = Math.max(ext.maxX - ext.minX, ext.maxY - ext.minY, 1);
  const mx = (ext.minX + ext.maxX) / 2;
  const my = (ext.minY + ext.maxY) / 2;
  const cell: Extent = { minX: mx - size / 2, minY: my - size / 2, maxX: mx + size / 2, maxY: my + size / 2 };
  return split(items, cell, 0, 0, 0, options);
}

function split<T extends Tiled>(
  items: T[],
  cell: Extent,
  level: number,
  x: number,
  y: number,
  o: QuadOptions,
): QuadNode<T> {
  const own = items.filter((b) => importance(b) <= level);
  const rest = items.filter((b) => importance(b) > level);
  if (rest.length <= o.maxLeafItems || level >= o.maxDepth) {
    return { level, x, y, items, children: [] };
  }
  const mx = (cell.minX + cell.maxX) / 2;
  const my = (cell.minY + cell.maxY) / 2;
  const children: QuadNode<T>[] = [];
  for (const [qx, qy] of [
    [0, 0],
    [1, 0],
    [0, 1],
    [1, 1],
  ] as const) {
    const sub: Extent = {
      minX: qx === 0 ? cell.minX : mx,
      maxX: qx === 0 ? mx : cell.maxX,
      minY: qy === 0 ? cell.minY : my,
      maxY: qy === 0 ? my : cell.maxY,
    };
    // Half-open quadrants; the outer max edge belongs to the last quadrant.
    const inside = rest.filter(
      (b) => (qx === 0 ? b.cx < mx : b.cx >= mx) && (qy === 0 ? b.cy < my : b.cy >= my),
    );
    if (inside.length > 0) children.push(split(inside, sub, level + 1, x * 2 + qx, y * 2 + qy, o));
  }
  return { level, x, y, items: own, children };
}

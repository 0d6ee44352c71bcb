import type { LocalMetres, LonLat } from '../../geo/metres.ts';

/** The shared WGS84 ↔ local-metres helpers, with the cycling-specific searches below. */
export { LocalMetres, metresBetween, polylineMetres, type LonLat } from '../../geo/metres.ts';

/** Distance (m, local plane) from point p to the segment a–b, and where along it (0…1) the foot lies. */
export function pointToSegment(
  p: readonly [number, number],
  a: readonly [number, number],
  b: readonly [number, number],
): { distance: number; t: number } {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return { distance: Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy)), t };
}

/** Shortest distance (m) from a point to a polyline, both in WGS84, measured in `frame`. */
export function pointToPolylineMetres(point: LonLat, line: readonly LonLat[], frame: LocalMetres): number {
  const p = frame.toLocal(point);
  if (line.length === 1) {
    const q = frame.toLocal(line[0]!);
    return Math.hypot(p[0] - q[0], p[1] - q[1]);
  }
  let best = Infinity;
  for (let i = 1; i < line.length; i++)
    best = Math.min(best, pointToSegment(p, frame.toLocal(line[i - 1]!), frame.toLocal(line[i]!)).distance);
  return best;
}

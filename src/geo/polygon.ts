/**
 * Signed area of a ring in its own plane units (shoelace formula), from the first two components of
 * each vertex, so 2D points and 3D vertices (x, y, z) both work. Positive = counter-clockwise.
 * The ring may be open or closed: a repeated closing vertex adds nothing.
 */
export function signedRingArea(ring: readonly (readonly number[])[]): number {
  let twice = 0;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % ring.length]!;
    twice += a[0]! * b[1]! - b[0]! * a[1]!;
  }
  return twice / 2;
}

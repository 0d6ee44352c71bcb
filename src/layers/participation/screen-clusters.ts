/**
 * Pins that would overlap on screen are drawn as one numbered circle. Clustering is done on screen
 * positions (pixels), so it follows the 3D camera at any height and tilt: a square grid of `cellPx`
 * pixels, one cluster per occupied cell. Cheap enough to redo on every camera move (1,000 pins: one
 * projection and one map entry each).
 */
export interface ScreenPoint<T> {
  item: T;
  /** Screen position in pixels; `null` when the point is behind the camera (never drawn). */
  screen: readonly [number, number] | null;
}

export interface ScreenCluster<T> {
  items: T[];
  /** Mean screen position of the members (where the numbered circle stands). */
  x: number;
  y: number;
}

export function clusterOnScreen<T>(points: readonly ScreenPoint<T>[], cellPx: number): ScreenCluster<T>[] {
  const cells = new Map<string, ScreenCluster<T>>();
  for (const { item, screen } of points) {
    if (!screen) continue;
    const [x, y] = screen;
    const key = `${Math.floor(x / cellPx)}:${Math.floor(y / cellPx)}`;
    const cell = cells.get(key);
    if (cell) {
      const n = cell.items.push(item);
      cell.x += (x - cell.x) / n;
      cell.y += (y - cell.y) / n;
    } else cells.set(key, { items: [item], x, y });
  }
  return [...cells.values()];
}

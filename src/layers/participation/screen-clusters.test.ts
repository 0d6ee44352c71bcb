import { describe, expect, it } from 'vitest';
import { clusterOnScreen } from './screen-clusters.ts';

describe('pins clustered on screen', () => {
  it('joins pins in the same 40 px cell, keeps pins in other cells apart, and skips those behind the camera', () => {
    const clusters = clusterOnScreen(
      [
        { item: 'a', screen: [10, 10] },
        { item: 'b', screen: [30, 20] }, // same cell as a (0..40 × 0..40)
        { item: 'c', screen: [50, 10] }, // next cell to the right
        { item: 'd', screen: null }, // behind the camera
        { item: 'e', screen: [20, 36] }, // still the first cell
      ],
      40,
    );
    expect(clusters.map((c) => c.items)).toEqual([['a', 'b', 'e'], ['c']]);
    // The circle stands at the members' mean: x (10+30+20)/3 = 20, y (10+20+36)/3 = 22.
    expect(clusters[0]!.x).toBeCloseTo(20, 10);
    expect(clusters[0]!.y).toBeCloseTo(22, 10);
    expect(clusters[1]).toMatchObject({ x: 50, y: 10 });
  });

  it('gives every pin its own circle when they are far apart', () => {
    const points = Array.from({ length: 10 }, (_, i) => ({ item: i, screen: [i * 100 + 5, 5] as const }));
    expect(clusterOnScreen(points, 40)).toHaveLength(10);
  });
});

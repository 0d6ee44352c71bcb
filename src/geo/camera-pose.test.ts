import { describe, expect, it } from 'vitest';
import { poseLookingAt } from './camera-pose.ts';

describe('poseLookingAt', () => {
  it('puts the camera south of a target when looking north, at the right height', () => {
    const pose = poseLookingAt(5.12, 52.09, { distance: 1000, heading: 0, pitch: -30 });
    expect(pose.lat).toBeLessThan(52.09);
    expect(pose.lon).toBeCloseTo(5.12, 9);
    expect(pose.height).toBeCloseTo(500, 6);
    // Horizontal distance 1000·cos 30° ≈ 866 m ≈ 0.00778° of latitude.
    expect((52.09 - pose.lat) * 111_320).toBeCloseTo(866.0, 0);
  });

  it('puts the camera west of the target when looking east', () => {
    const pose = poseLookingAt(5.12, 52.09, { distance: 500, heading: 90, pitch: -45 });
    expect(pose.lon).toBeLessThan(5.12);
    expect(pose.lat).toBeCloseTo(52.09, 9);
  });
});

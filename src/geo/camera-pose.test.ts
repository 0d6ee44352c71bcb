import { describe, expect, it } from 'vitest';
import { groundPointInView, poseLookingAt } from './camera-pose.ts';

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

describe('groundPointInView', () => {
  it('finds the ground 100 m ahead of a camera 100 m up looking 45° down to the north', () => {
    // Hand-derived: tan 45° = 1, so the line of sight meets the ground 100 m north of the camera.
    const point = groundPointInView({ lon: 5.12, lat: 52.09, height: 100, heading: 0, pitch: -45, roll: 0 });
    expect(point.lon).toBeCloseTo(5.12, 9);
    expect((point.lat - 52.09) * 111_320).toBeCloseTo(100, 6);
  });

  it('gives the point straight below a camera looking down, and below one looking at the horizon', () => {
    const down = groundPointInView({ lon: 5.1, lat: 52, height: 400, heading: 80, pitch: -90, roll: 0 });
    expect(down.lon).toBeCloseTo(5.1, 9);
    expect(down.lat).toBeCloseTo(52, 9);
    const level = groundPointInView({ lon: 5.1, lat: 52, height: 400, heading: 80, pitch: 0, roll: 0 });
    expect(level).toEqual({ lon: 5.1, lat: 52 });
  });

  it('is where a pose made by poseLookingAt looks', () => {
    // Independent check: 300 m east at 30° down from 5.12/52.09 (east: heading 90°).
    const pose = poseLookingAt(5.12, 52.09, { distance: 300, heading: 90, pitch: -30 });
    const point = groundPointInView(pose);
    expect(point.lon).toBeCloseTo(5.12, 7);
    expect(point.lat).toBeCloseTo(52.09, 7);
  });
});

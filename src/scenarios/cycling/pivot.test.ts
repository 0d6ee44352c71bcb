import { describe, expect, it } from 'vitest';
import { HOURS, pivotFlows } from './pivot.ts';
import { DEFAULT_PROFILES } from './profiles.ts';

const profile = DEFAULT_PROFILES.weekday;
/** Whole cyclists per hour for a daily count, the remainder on the last hour. */
const hourlyCounts = (daily: number) => {
  const h = profile.map((s) => Math.floor(daily * s));
  h[23] = h[23]! + daily - h.reduce((s, v) => s + v, 0);
  return h;
};
const hour = (hourly: Float32Array, links: number, h: number, l: number) => hourly[h * links + l]!;

describe('pivot-point flows', () => {
  // Link 0 counted (1,000 a day), link 1 not counted (model 600), link 2 counted (50 a day, model 400).
  const observed = new Map([
    [0, hourlyCounts(1000)],
    [2, hourlyCounts(50)],
  ]);
  const base = [950, 600, 400];

  it('equal the counts exactly, and the model elsewhere, when nothing changes', () => {
    const r = pivotFlows({ profile, observed, base, scenario: [...base], closed: [false, false, false] });
    for (let h = 0; h < HOURS; h++) {
      expect(hour(r.hourly, 3, h, 0)).toBe(observed.get(0)![h]);
      expect(hour(r.hourly, 3, h, 2)).toBe(observed.get(2)![h]);
      expect(hour(r.hourly, 3, h, 1)).toBeCloseTo(600 * profile[h]!, 4);
    }
    expect([...r.daily]).toEqual([1000, expect.closeTo(600, 3) as unknown as number, 50]);
    expect(r.clampedHours).toBe(0);
  });

  it('add the modelled change to the count, spread over the hours by the profile', () => {
    const r = pivotFlows({
      profile,
      observed,
      base,
      scenario: [950 + 240, 600 - 120, 400],
      closed: [false, false, false],
    });
    for (let h = 0; h < HOURS; h++) {
      expect(hour(r.hourly, 3, h, 0)).toBeCloseTo(observed.get(0)![h]! + 240 * profile[h]!, 4);
      expect(hour(r.hourly, 3, h, 1)).toBeCloseTo(480 * profile[h]!, 4);
    }
    expect(r.daily[0]).toBeCloseTo(1240, 2);
  });

  it('never go below zero (and say where), and carry nothing on a closed link', () => {
    // The model takes 300 a day off link 2, but only 50 were counted there.
    const r = pivotFlows({
      profile,
      observed,
      base,
      scenario: [950, 600, 100, 75],
      closed: [true, false, false, false],
      rule: 'additive',
    });
    expect(r.daily[0]).toBe(0);
    expect([...r.hourly].every((v) => v >= 0)).toBe(true);
    const expected = observed.get(2)!.reduce((s, c, h) => s + Math.max(0, c - 300 * profile[h]!), 0);
    expect(r.daily[2]).toBeCloseTo(expected, 4);
    expect(r.daily[2]).toBeLessThan(50); // below the count: the change went through where it could
    expect(r.clampedLinks).toEqual([2]);
    expect(r.clampedHours).toBeGreaterThan(0);
    // An added link (no baseline) gets the modelled flow.
    expect(r.daily[3]).toBeCloseTo(75, 4);
    expect(hour(r.hourly, 4, 8, 3)).toBeCloseTo(75 * profile[8]!, 5);
  });

  // Link 2: counted 50 a day, model base 400, scenario 100 (the model takes 300 off, 3/4 of its
  // flow). Link 0: counted 1,000, base 950, scenario 1,190 (the model moves 240 onto it).
  const edit = { profile, observed, base, scenario: [1190, 600, 100], closed: [false, false, false] };

  it('additive: count + (S − B), which loses flow where B is far above the count', () => {
    const r = pivotFlows({ ...edit, rule: 'additive' });
    // Hour by hour max(0, c_h − 300 · p_h): most hours fall below zero, and what is left (about 5 of
    // the 50 counted) is well under the quarter of the count that the model itself keeps (12.5).
    const expected = observed.get(2)!.reduce((s, c, h) => s + Math.max(0, c - 300 * profile[h]!), 0);
    expect(r.daily[2]).toBeCloseTo(expected, 4);
    expect(r.daily[2]).toBeLessThan(12.5);
    expect(r.clampedLinks).toEqual([2]);
    expect(r.daily[0]).toBeCloseTo(1000 + 240, 2);
  });

  it('multiplicative: count × S / B, never below zero, but scales a gain by the count too', () => {
    const r = pivotFlows({ ...edit, rule: 'multiplicative' });
    // 50 × 100 / 400 = 12.5 a day, each hour a quarter of its count.
    expect(r.daily[2]).toBeCloseTo(12.5, 4);
    for (let h = 0; h < HOURS; h++) expect(hour(r.hourly, 3, h, 2)).toBeCloseTo(observed.get(2)![h]! / 4, 5);
    // 1,000 × 1,190 / 950 = 1,252.63: the 240 moved become 252.6 on this link.
    expect(r.daily[0]).toBeCloseTo(1252.63, 1);
    expect(r.clampedLinks).toEqual([]);
  });

  it('mixed (the default): a share of the count where the model falls, the full change where it rises', () => {
    const r = pivotFlows(edit);
    expect(r.daily[2]).toBeCloseTo(12.5, 4); // 50 × 100 / 400
    expect(r.daily[0]).toBeCloseTo(1240, 2); // 1,000 + 240
    // Not counted: the model's own flow either way (600 × profile).
    expect(r.daily[1]).toBeCloseTo(600, 2);
    expect(r.clampedHours).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { hotspotVolume, LEVELS, levelOfService, serviceVolume } from './level-of-service.ts';

/**
 * Expected values are Botma (1995) as printed by FHWA (University Course on Bicycle and Pedestrian
 * Transportation, lesson 14, tables 1 and 2, "Adapted from Botma, 1995"): the most cyclists an hour,
 * both directions 50:50, at LoS A–E on a two-way exclusive bicycle path.
 */
const TWO_LANE_2_4_M = { A: 65, B: 105, C: 170, D: 250, E: 325 };
const THREE_LANE_3_0_M = { A: 150, B: 230, C: 350, D: 500, E: 630 };

describe('bicycle-path level of service (Botma 1995)', () => {
  it('gives the published service volumes at the widths of the table', () => {
    Object.values(TWO_LANE_2_4_M).forEach((v, level) => expect(serviceVolume(2.4, level)).toBe(v));
    Object.values(THREE_LANE_3_0_M).forEach((v, level) => expect(serviceVolume(3.0, level)).toBe(v));
    // The two-lane row is for 2.1–2.4 m paths.
    expect(serviceVolume(2.1, 4)).toBe(325);
  });

  it('puts a hotspot where LoS F begins: 325 cyclists/h on 2.4 m, 630 on 3.0 m', () => {
    expect(hotspotVolume(2.4)).toBe(325);
    expect(hotspotVolume(3.0)).toBe(630);
    // The old rule (400 cyclists/h per metre, hotspot from 0.9) put it at 864/h and 1,080/h.
    expect(hotspotVolume(3.0)).toBeLessThan(0.9 * 400 * 3.0);
  });

  it('classifies volumes, a service volume itself belonging to the next level (strict event bounds)', () => {
    const letter = (volume: number, width: number) => LEVELS[levelOfService(volume, width)];
    expect(letter(0, 3)).toBe('A');
    expect(letter(149, 3)).toBe('A');
    expect(letter(150, 3)).toBe('B');
    expect(letter(349, 3)).toBe('C');
    expect(letter(499, 3)).toBe('D');
    expect(letter(629, 3)).toBe('E');
    expect(letter(630, 3)).toBe('F');
    expect(letter(324, 2.4)).toBe('E');
    expect(letter(325, 2.4)).toBe('F');
  });

  it('outside the table: interpolates between 2.4 and 3.0 m and scales wider paths with their width', () => {
    // Halfway between the rows at 2.7 m: (325 + 630) / 2 for LoS E.
    expect(serviceVolume(2.7, 4)).toBeCloseTo(477.5, 9);
    // A 6 m path: twice the 3.0 m path.
    expect(hotspotVolume(6)).toBe(1260);
    expect(serviceVolume(6, 0)).toBe(300);
    // Narrower than the table: the 2.1–2.4 m row (optimistic, said in the notes).
    expect(hotspotVolume(1.5)).toBe(325);
  });
});

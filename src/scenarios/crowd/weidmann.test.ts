import { describe, expect, it } from 'vitest';
import { FRUIN_WALKWAY_BOUNDS, fruinLevel } from './fruin.ts';
import { warningLevel } from './thresholds.ts';
import {
  capacity,
  flow,
  freeFlowDensity,
  receivingFlow,
  sendingFlow,
  speed,
  WEIDMANN_1993,
} from './weidmann.ts';

describe('Weidmann fundamental diagram (reference values from models.md §1.3)', () => {
  it('walks at 1.34 m/s in an empty street and stops at 5.4 p/m²', () => {
    expect(speed(0)).toBe(1.34);
    expect(speed(1e-4)).toBeCloseTo(1.34, 10);
    expect(speed(5.4)).toBe(0);
    expect(speed(6)).toBe(0);
    expect(speed(5.39)).toBeGreaterThan(0);
  });

  it('matches the derived table to 0.001 (speed) and 0.001 p/(m·s) (flow)', () => {
    const table: [number, number, number][] = [
      [0.31, 1.336, 0.414],
      [0.72, 1.206, 0.868],
      [1.0, 1.058, 1.058],
      [2.0, 0.606, 1.212],
      [3, 0.331, 0.992],
      [4, 0.156, 0.625],
      [5, 0.037, 0.187],
    ];
    for (const [rho, v, q] of table) {
      expect(Math.abs(speed(rho) - v)).toBeLessThan(1e-3);
      expect(Math.abs(flow(rho) - q)).toBeLessThan(1e-3);
    }
  });

  // Tolerance: qmax within 0.001 p/(m·s) of 1.225; ρc within 0.02 p/m² of 1.75 (the notes round it).
  it('peaks at 1.225 p/(m·s) near 1.75 p/m² (computed: qmax 1.22492, ρc 1.75067, v 0.69969)', () => {
    const cap = capacity();
    expect(Math.abs(cap.flow - 1.225)).toBeLessThan(1e-3);
    expect(Math.abs(cap.density - 1.75)).toBeLessThan(0.02);
    expect(Math.abs(cap.speed - 0.7)).toBeLessThan(0.01);
    expect(cap.flow * 60).toBeCloseTo(73.5, 1);
    // It really is the maximum.
    expect(flow(cap.density - 0.05)).toBeLessThan(cap.flow);
    expect(flow(cap.density + 0.05)).toBeLessThan(cap.flow);
  });

  it('inverts the free-flow branch (table: 23/33/49/66 p/m/min → 0.287/0.416/0.662/1.088)', () => {
    const table: [number, number][] = [
      [23, 0.287],
      [33, 0.416],
      [49, 0.662],
      [66, 1.088],
    ];
    for (const [perMinute, rho] of table) {
      const inv = freeFlowDensity(perMinute / 60);
      expect(inv.overCapacity).toBe(false);
      expect(Math.abs(inv.density - rho)).toBeLessThan(2e-3);
      expect(flow(inv.density)).toBeCloseTo(perMinute / 60, 9);
    }
    const over = freeFlowDensity(82 / 60);
    expect(over.overCapacity).toBe(true);
    expect(over.density).toBeCloseTo(capacity().density, 9);
    expect(freeFlowDensity(0)).toEqual({ density: 0, overCapacity: false });
  });

  it('has Godunov demand non-decreasing and supply non-increasing in density', () => {
    const cap = capacity();
    expect(sendingFlow(0.5)).toBeCloseTo(flow(0.5), 12);
    expect(sendingFlow(3)).toBe(cap.flow);
    expect(receivingFlow(0.5)).toBe(cap.flow);
    expect(receivingFlow(3)).toBeCloseTo(flow(3), 12);
    expect(receivingFlow(5.4)).toBe(0);
  });

  it('accepts other parameter sets (AnisoPedCTM Berlin calibration)', () => {
    const berlin = { v0: 1.3353, gamma: 1.6619, rhoMax: 5.99 };
    expect(speed(5.99, berlin)).toBe(0);
    expect(capacity(berlin).flow).not.toBeCloseTo(capacity(WEIDMANN_1993).flow, 3);
  });
});

describe('Fruin walkway LoS', () => {
  it("uses the exact conversions of Fruin's 35 / 25 / 15 / 10 / 5 ft² per person", () => {
    // By hand: 1 ft² = 0.3048² = 0.09290304 m²; 1 / (35 × 0.09290304) = 0.30754, 1 / (25 × …) = 0.43056,
    // 1 / (15 × …) = 0.71759, 1 / (10 × …) = 1.07639, 1 / (5 × …) = 2.15278 p/m² (models.md §1.1).
    const exact = [0.30754, 0.43056, 0.71759, 1.07639, 2.15278];
    FRUIN_WALKWAY_BOUNDS.forEach((bound, i) => expect(bound).toBeCloseTo(exact[i]!, 5));
    const cases: [number, string][] = [
      [0, 'A'],
      [0.3075, 'A'],
      [0.3076, 'B'],
      [0.4305, 'B'],
      [0.4306, 'C'],
      [0.7175, 'C'],
      [0.7176, 'D'],
      [1.0763, 'D'],
      [1.0764, 'E'],
      [2.1527, 'E'],
      [2.1528, 'F'],
      [2.16, 'F'], // E in the rounded table (≤ 2.17), F by Fruin's 5 ft²
      [7, 'F'],
    ];
    for (const [rho, los] of cases) expect(fruinLevel(rho), `ρ = ${rho}`).toBe(los);
  });
});

describe('danger thresholds (models.md §1.2 scheme)', () => {
  it('grades moving crowds by Fruin D/E/F and 4 p/m²', () => {
    expect(warningLevel(0.7175)).toBe('none');
    expect(warningLevel(0.7176)).toBe('info'); // LoS D from 15 ft² = 0.71759 p/m²
    expect(warningLevel(1.5)).toBe('warning');
    expect(warningLevel(2.2)).toBe('alert');
    expect(warningLevel(3.99)).toBe('alert');
    expect(warningLevel(4)).toBe('danger');
  });

  it('grades standing crowds at 4 and 5 p/m²', () => {
    expect(warningLevel(3, 'standing')).toBe('none');
    expect(warningLevel(4, 'standing')).toBe('alert');
    expect(warningLevel(5, 'standing')).toBe('danger');
  });
});

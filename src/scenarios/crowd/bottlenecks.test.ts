import { describe, expect, it } from 'vitest';
import type { ScenarioOutput } from '../engine/types.ts';
import { findBottlenecks } from './bottlenecks.ts';

/** Three links over four 5-minute steps; densities chosen around the Fruin E (1.08) and F (2.17) edges. */
function output(densities: number[][], delay?: number[]): ScenarioOutput {
  const ids = ['calm', 'busy', 'jammed'];
  const values = new Float32Array(densities.flat());
  return {
    kind: 'crowd-event',
    indicators: {},
    fields: {
      density: { ids, steps: densities.length, values },
      ...(delay ? { delayMinutes: { ids, steps: 1, values: new Float32Array(delay) } } : {}),
    },
    stepSeconds: 300,
    startsAt: '17:00',
    notes: [],
  };
}

describe('findBottlenecks', () => {
  const run = output(
    [
      [0.2, 0.9, 1.5],
      [0.3, 1.2, 2.5],
      [0.2, 1.0, 3.1],
      [0.1, 0.5, 0.9],
    ],
    [0, 12, 340],
  );

  it('lists only segments that pass LoS E, worst first, with when they fail', () => {
    const found = findBottlenecks(run);
    expect(found.map((b) => b.linkId)).toEqual(['jammed', 'busy']);
    const [jammed, busy] = found;
    expect(jammed).toMatchObject({ level: 'alert', firstStep: 0, lastStep: 2, peakStep: 2 });
    expect(jammed!.minutesAbove).toBe(15);
    expect(jammed!.peakDensity).toBeCloseTo(3.1, 5);
    expect(jammed!.delayPersonMinutes).toBe(340);
    expect(busy).toMatchObject({ level: 'warning', firstStep: 1, lastStep: 1, minutesAbove: 5 });
  });

  it('uses the standing-crowd scheme where a segment is a standing area', () => {
    // 3.1 p/m² is LoS F ("alert") for walkers but below the 4 p/m² standing alert.
    const found = findBottlenecks(run, (id) => (id === 'jammed' ? 'standing' : 'moving'));
    expect(found.map((b) => b.linkId)).toEqual(['busy']);
  });

  it('returns nothing without a density field', () => {
    expect(findBottlenecks({ ...run, fields: {} })).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import type { ScenarioOutput } from '../engine/types.ts';
import { findBottlenecks } from './bottlenecks.ts';
import { loadNetwork, type PedNetwork } from './network-loading.ts';

/** Three links over four 5-minute steps; densities chosen around the Fruin E (1.08) and F (2.17) edges. */
function output(densities: number[][]): ScenarioOutput {
  const ids = ['calm', 'busy', 'jammed'];
  const values = new Float32Array(densities.flat());
  return {
    kind: 'crowd-event',
    indicators: {},
    fields: {
      density: { ids, steps: densities.length, values },
    },
    stepSeconds: 300,
    startsAt: '17:00',
    notes: [],
  };
}

describe('findBottlenecks', () => {
  const run = output([
    [0.2, 0.9, 1.5],
    [0.3, 1.2, 2.5],
    [0.2, 1.0, 3.1],
    [0.1, 0.5, 0.9],
  ]);

  it('lists only segments that pass LoS E, worst first, with when they fail', () => {
    const found = findBottlenecks(run);
    expect(found.map((b) => b.linkId)).toEqual(['jammed', 'busy']);
    const [jammed, busy] = found;
    expect(jammed).toMatchObject({ level: 'alert', firstStep: 0, lastStep: 2, peakStep: 2 });
    expect(jammed!.minutesAbove).toBe(15);
    expect(jammed!.peakDensity).toBeCloseTo(3.1, 5);
    expect(jammed!.delayPersonMinutes).toBe(0); // no delay field in this output
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

  it('reports the hand-calculated delay and the time span of the queue from a model run', () => {
    /*
     * 6 p/s for 900 s into a 1.5 m passage behind a 10 m approach. By hand (Newell's cumulative
     * curves): capacity C = 1.5 × 1.2249 (Weidmann qmax) = 1.8374 p/s; all 5,400 people have passed
     * T = 5400 / C = 2,939 s after the queue starts, about 92 s in (120 m at ≈ 1.3 m/s), so at ≈ 3,031 s;
     * the delay is the area between arrivals and departures, ½ · 5400 · (T − 900) / 60 = 91,754
     * person-min, and it is lost in the queue on the approach.
     */
    const network: PedNetwork = {
      nodes: ['in', 'x', 'y', 'out'],
      links: [
        { id: 'approach', from: 'in', to: 'x', length: 120, width: 10 },
        { id: 'narrow', from: 'x', to: 'y', length: 40, width: 1.5 },
        { id: 'exit', from: 'y', to: 'out', length: 120, width: 10 },
      ],
    };
    const r = loadNetwork({
      network,
      demands: [{ origin: 'in', destination: 'out', start: 0, step: 900, rates: [6, 0] }],
      stepSeconds: 60,
      steps: 70,
    });
    const ids = r.links.linkIds;
    const modelRun: ScenarioOutput = {
      kind: 'crowd-event',
      indicators: {},
      fields: {
        density: { ids, steps: r.links.steps, values: r.links.density },
        delayMinutes: { ids, steps: 1, values: r.indicators.delayMinutes },
      },
      stepSeconds: 60,
      startsAt: '17:00',
      notes: [],
    };
    const [approach] = findBottlenecks(modelRun);
    expect(approach!.linkId).toBe('approach');
    expect(approach!.level).toBe('danger'); // ≈ 5 p/m², above Still's 4 p/m² for a moving crowd
    expect(Math.abs(approach!.delayPersonMinutes / 91754 - 1)).toBeLessThan(0.05);
    // LoS E or worse from the first minutes on.
    expect(approach!.firstStep).toBeLessThanOrEqual(2);
    // The warning ends before the last person is through the passage at ≈ 3,031 s (the queue thins
    // out from its tail as it empties, so it falls below LoS E in its last minutes), and not earlier
    // than five minutes before that.
    const warningEnds = (approach!.lastStep + 1) * 60;
    expect(warningEnds).toBeLessThanOrEqual(3031);
    expect(warningEnds).toBeGreaterThanOrEqual(3031 - 300);
  });
});

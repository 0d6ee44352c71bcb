import { describe, expect, it } from 'vitest';
import { fruinIndex } from './fruin.ts';
import {
  loadNetwork,
  NetworkLoading,
  type Demand,
  type PedLink,
  type PedNetwork,
} from './network-loading.ts';
import { capacity } from './weidmann.ts';

const constant = (origin: string, destination: string, perSecond: number, seconds: number): Demand => ({
  origin,
  destination,
  start: 0,
  step: seconds,
  rates: [perSecond],
});

/** A 3×3 grid of 80 m blocks, 6 m wide, with demand crossing it in both directions. */
function grid(): PedNetwork {
  const nodes: string[] = [];
  const links: PedLink[] = [];
  for (let y = 0; y < 3; y++) for (let x = 0; x < 3; x++) nodes.push(`n${x}${y}`);
  for (let y = 0; y < 3; y++)
    for (let x = 0; x < 3; x++) {
      if (x < 2)
        links.push({ id: `h${x}${y}`, from: `n${x}${y}`, to: `n${x + 1}${y}`, length: 80, width: 6 });
      if (y < 2)
        links.push({ id: `v${x}${y}`, from: `n${x}${y}`, to: `n${x}${y + 1}`, length: 80, width: 6 });
    }
  return { nodes, links };
}

describe('network loading: conservation', () => {
  it('inflow − outflow = change in stock in every step, and nobody is lost over a run', () => {
    const demands = [
      constant('n00', 'n22', 4, 900),
      constant('n22', 'n00', 3, 1200),
      constant('n20', 'n02', 6, 600),
      { origin: 'n02', destination: 'n21', start: 300, step: 60, rates: [1, 5, 9, 2, 0, 7] },
    ];
    const r = loadNetwork({ network: grid(), demands, stepSeconds: 30, steps: 120 });
    let previous = 0;
    for (let s = 0; s < r.totals.stock.length; s++) {
      const change = r.totals.stock[s]! - previous;
      expect(Math.abs(change - (r.totals.injected[s]! - r.totals.exited[s]!))).toBeLessThan(1e-9);
      previous = r.totals.stock[s]!;
    }
    // Total demand = what exited + what is still on links + what still waits at origins.
    const demanded = 4 * 900 + 3 * 1200 + 6 * 600 + (1 + 5 + 9 + 2 + 0 + 7) * 60;
    const sum = (a: Float64Array) => a.reduce((x, y) => x + y, 0);
    const accounted = sum(r.totals.exited) + r.totals.stock.at(-1)! + r.totals.queued.at(-1)!;
    expect(accounted).toBeCloseTo(demanded, 6);
    expect(sum(r.totals.exited)).toBeGreaterThan(0.99 * demanded); // an hour is enough to clear it
    // The densities reported agree with their LoS.
    for (let i = 0; i < r.links.density.length; i += 37)
      expect(r.links.los[i]).toBe(fruinIndex(r.links.density[i]!));
  });
});

describe('network loading: closures and one-way links', () => {
  // Two routes from a to b: a short one (via s) and a long detour (via d1, d2).
  const twoRoutes = (closeShort: boolean): PedNetwork => ({
    nodes: ['a', 's', 'b', 'd1', 'd2'],
    links: [
      { id: 'short1', from: 'a', to: 's', length: 100, width: 5, closed: closeShort },
      { id: 'short2', from: 's', to: 'b', length: 100, width: 5 },
      { id: 'long1', from: 'a', to: 'd1', length: 150, width: 5 },
      { id: 'long2', from: 'd1', to: 'd2', length: 150, width: 5 },
      { id: 'long3', from: 'd2', to: 'b', length: 150, width: 5 },
    ],
  });
  const columnMax = (r: ReturnType<typeof loadNetwork>, id: string, field: 'density' | 'flow') => {
    const l = r.links.linkIds.indexOf(id);
    let max = 0;
    for (let s = 0; s < r.links.steps; s++)
      max = Math.max(max, r.links[field][s * r.links.linkIds.length + l]!);
    return max;
  };

  it('routes over the short link when open, and nobody uses it when closed', () => {
    const run = (closed: boolean) =>
      loadNetwork({
        network: twoRoutes(closed),
        demands: [constant('a', 'b', 2, 600)],
        stepSeconds: 20,
        steps: 60,
      });
    const open = run(false);
    expect(columnMax(open, 'short1', 'flow')).toBeGreaterThan(1);
    expect(columnMax(open, 'long2', 'flow')).toBe(0);
    const closed = run(true);
    expect(columnMax(closed, 'short1', 'density')).toBe(0);
    expect(columnMax(closed, 'short1', 'flow')).toBe(0);
    expect(columnMax(closed, 'long2', 'flow')).toBeGreaterThan(1);
    expect(closed.indicators.unroutable).toBe(0);
  });

  it('respects one-way links and reports demand that has no route', () => {
    const network: PedNetwork = {
      nodes: ['a', 'b'],
      links: [{ id: 'ab', from: 'a', to: 'b', length: 50, width: 3, oneWay: true }],
    };
    const r = loadNetwork({
      network,
      demands: [constant('a', 'b', 1, 300), constant('b', 'a', 1, 300)],
      stepSeconds: 30,
      steps: 20,
    });
    expect(r.indicators.unroutable).toBeCloseTo(300, 6);
    expect(r.totals.exited.reduce((x, y) => x + y, 0)).toBeCloseTo(300, 3);
  });
});

/**
 * Weidmann (1993) written out here, independent of the model: v(ρ) = 1.34·(1 − exp(−1.913·(1/ρ − 1/5.4))).
 * Its top is qmax = 1.2249 p/(m·s) at ρc = 1.7507 p/m² (models.md §1.3: 1.225 at 1.75).
 */
const weidmannFlow = (rho: number) => rho * 1.34 * (1 - Math.exp(-1.913 * (1 / rho - 1 / 5.4)));
/** The congested-branch density (ρc < ρ < 5.4) that carries q p/(m·s), by bisection (q falls with ρ there). */
function congestedDensity(q: number): number {
  let lo = 1.7507;
  let hi = 5.4;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (weidmannFlow(mid) > q) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

describe('network loading: a bottleneck against a hand calculation', () => {
  // 10 m wide approach, a 1.5 m wide passage, 10 m wide exit street.
  const network: PedNetwork = {
    nodes: ['in', 'x', 'y', 'out'],
    links: [
      { id: 'approach', from: 'in', to: 'x', length: 120, width: 10 },
      { id: 'narrow', from: 'x', to: 'y', length: 40, width: 1.5 },
      { id: 'exit', from: 'y', to: 'out', length: 120, width: 10 },
    ],
  };
  // 6 p/s for 15 minutes (5,400 people), then nothing.
  const demand: Demand = { origin: 'in', destination: 'out', start: 0, step: 900, rates: [6, 0] };
  /*
   * By hand (deterministic queue, Newell's cumulative curves):
   * - passage capacity C = width × Weidmann qmax = 1.5 × 1.2249 = 1.8374 p/s, far below 6 p/s;
   * - arrivals A(t) = 6t until 900 s; departures D(t) = C·t until all 5,400 have passed at
   *   T = 5400 / C = 2,939 s after the queue starts;
   * - total delay = area between A and D = ½ · 5400 · (T − 900) = 5.505·10⁶ p·s = 91,754 person-min;
   * - at 900 s the queue holds (6 − C) · 900 = 3,746 people; it stands in the 10 m approach where
   *   the flow per metre is C / 10 = 0.18374 p/(m·s), which on Weidmann's congested branch is
   *   ρq = 5.0075 p/m²; so it is 3746 / (5.0075 × 10) = 74.8 m long and ends at node x.
   * The first walkers reach the passage after about 120 m / 1.3 m/s ≈ 92 s, so the passage
   * discharges at C until about 92 + 2939 = 3,031 s.
   */
  const C = 1.5 * 1.2249;
  const T = 5400 / C;
  const handDelay = (0.5 * 5400 * (T - 900)) / 60;
  const queueAt900 = (6 - C) * 900;
  const rhoQ = congestedDensity(C / 10);
  const handLength = queueAt900 / (rhoQ * 10);
  const handClearance = 92 + T;

  const measure = (stepSeconds: number) => {
    const steps = 4200 / stepSeconds;
    const r = loadNetwork({ network, demands: [demand], stepSeconds, steps });
    const at900 = 900 / stepSeconds - 1; // the step that ends at 900 s
    // Clearance from the cumulative departure curve: the end of the last step in which the
    // passage still discharged at more than half its capacity.
    let lastAtCapacity = -1;
    for (let s = 0; s < steps; s++) if (r.links.flow[s * 3 + 1]! > 0.5 * C) lastAtCapacity = s;
    return {
      r,
      delay: r.indicators.totalDelayPersonMinutes,
      approachDelay: r.indicators.delayMinutes[0]!,
      queueLength: r.links.queueForward[at900 * 3]!,
      queueDensity: r.links.queueDensity[at900 * 3]!,
      clearance: (lastAtCapacity + 1) * stepSeconds,
    };
  };
  const runs = [10, 30, 60].map(measure);

  it('matches the hand-calculated delay, clearance, queue density and queue length within 5 %', () => {
    expect(rhoQ).toBeCloseTo(5.0075, 3);
    for (const m of runs) {
      // The model's total also holds the small free-flow slowdown of Weidmann's v(ρ) < v0 (≈ 1.4 %).
      expect(Math.abs(m.delay / handDelay - 1)).toBeLessThan(0.05);
      expect(Math.abs(m.approachDelay / handDelay - 1)).toBeLessThan(0.05);
      expect(Math.abs(m.clearance / handClearance - 1)).toBeLessThan(0.05);
      expect(Math.abs(m.queueDensity / rhoQ - 1)).toBeLessThan(0.05);
      expect(Math.abs(m.queueLength / handLength - 1)).toBeLessThan(0.05);
      // The queue stands on the approach, at its `to` end, and that is where the delay is counted.
      expect(m.r.indicators.worstBottleneck?.linkId).toBe('approach');
      expect(m.r.indicators.longestQueue).toMatchObject({ linkId: 'approach', end: 'to' });
      // A queue at 5 p/m² is LoS F wherever it stands, however long the link is.
      expect(m.r.indicators.peakDensity?.linkId).toBe('approach');
      expect(m.r.indicators.peakDensity!.density).toBeGreaterThan(4);
    }
  });

  it('gives the same delay, clearance and queue within 2 % at steps of 10, 30 and 60 s', () => {
    const [a, ...others] = runs;
    for (const m of others) {
      expect(Math.abs(m.delay / a!.delay - 1)).toBeLessThan(0.02);
      expect(Math.abs(m.clearance / a!.clearance - 1)).toBeLessThan(0.02);
      expect(Math.abs(m.queueLength / a!.queueLength - 1)).toBeLessThan(0.02);
      expect(Math.abs(m.queueDensity / a!.queueDensity - 1)).toBeLessThan(0.02);
    }
  });

  it('lets everyone through, never above the passage capacity, and clears the queue', () => {
    const { r } = runs[1]!;
    const steps = r.links.steps;
    expect(r.totals.exited.reduce((x, y) => x + y, 0)).toBeCloseTo(5400, 0);
    const capPerSecond = 1.5 * capacity().flow;
    for (let s = 0; s < steps; s++)
      expect(r.links.flow[s * 3 + 1]!).toBeLessThanOrEqual(capPerSecond * 1.001);
    expect(r.links.queueForward[(steps - 1) * 3]).toBe(0);
    expect(r.links.density[(steps - 1) * 3]!).toBeLessThan(0.01);
    expect(r.indicators.minutesAbove['alert']![0]!).toBeGreaterThan(5);
    expect(r.indicators.minutesAbove['alert']![2]!).toBe(0);
    expect(r.indicators.minutesAboveSummary['alert']!.maxMinutes).toBe(
      r.indicators.minutesAbove['alert']![0],
    );
  });

  it('has no queue when the demand stays below the passage capacity', () => {
    const light = { ...demand, rates: [1.2, 0] };
    const r = loadNetwork({ network, demands: [light], stepSeconds: 30, steps: 120 });
    expect(r.indicators.peakDensity!.density).toBeLessThan(capacity().density);
    expect(r.indicators.minutesAboveSummary['alert']!.linkMinutes).toBe(0);
    expect(r.indicators.longestQueue).toBeNull();
  });

  it('grades a standing area by the standing thresholds, not by walkway LoS', () => {
    // A milder narrowing (10 m → 8 m): the queue carries 8 × 1.2249 / 10 = 0.98 p/(m·s), which on
    // the congested branch is about 3.0 p/m²: LoS F on a street, below the 4 p/m² standing alert.
    const mild: PedNetwork = {
      ...network,
      links: network.links.map((l) =>
        l.id === 'approach'
          ? { ...l, kind: 'standing' as const }
          : l.id === 'narrow'
            ? { ...l, width: 8 }
            : l,
      ),
    };
    const r = loadNetwork({
      network: mild,
      demands: [{ ...demand, rates: [15, 0] }],
      stepSeconds: 30,
      steps: 120,
    });
    expect(r.indicators.peakDensity!.density).toBeGreaterThan(2.17);
    expect(r.indicators.peakDensity!.density).toBeLessThan(4);
    expect(r.indicators.minutesAbove['alert']![0]).toBe(0);
    expect(r.indicators.minutesAbove['info']![0]).toBe(0);
  });

  it('sub-steps to satisfy the CFL condition and cells of at most 50 m', () => {
    const model = new NetworkLoading({ network, demands: [demand], stepSeconds: 60, steps: 1 });
    expect(model.substeps).toBe(Math.ceil((60 * 1.34) / 40));
  });
});

describe('network loading: free-flow travel', () => {
  // One 268 m street, 3 m wide, a trickle of 0.1 p/s for a minute: ρ ≈ 0.1 / (3 × 1.34) = 0.025 p/m²,
  // where Weidmann's speed is 1.34 m/s to three decimals, so the walk takes 268 / 1.34 = 200 s.
  const network: PedNetwork = {
    nodes: ['a', 'b'],
    links: [{ id: 'street', from: 'a', to: 'b', length: 268, width: 3 }],
  };
  it.each([10, 20, 60])('takes length / speed within one step at %i s steps', (stepSeconds) => {
    const steps = 600 / stepSeconds;
    const r = loadNetwork({
      network,
      demands: [{ origin: 'a', destination: 'b', start: 0, step: 60, rates: [0.1, 0] }],
      stepSeconds,
      steps,
    });
    // First walkers out: the end of the first step in which anyone left.
    const first = r.totals.exited.findIndex((x) => x > 1e-9);
    expect(Math.abs((first + 1) * stepSeconds - 200)).toBeLessThanOrEqual(stepSeconds);
    // Median travel time from the cumulative curves: half out minus half in (in at 30 s).
    let out = 0;
    let half = -1;
    for (let s = 0; s < steps && half < 0; s++)
      if ((out += r.totals.exited[s]!) >= 3) half = (s + 1) * stepSeconds;
    expect(Math.abs(half - 30 - 200)).toBeLessThanOrEqual(stepSeconds);
  });
});

describe('network loading: zones and input errors', () => {
  it('keeps arrivals in a zone and releases departures from it, never more than it holds', () => {
    const network: PedNetwork = {
      nodes: ['st', 'v'],
      links: [{ id: 'l', from: 'st', to: 'v', length: 100, width: 8 }],
    };
    const r = loadNetwork({
      network,
      zones: [{ id: 'venue', area: 1000 }],
      demands: [
        { origin: 'st', destination: 'v', toZone: 'venue', start: 0, step: 600, rates: [2] },
        { origin: 'v', destination: 'st', fromZone: 'venue', start: 1200, step: 600, rates: [5] },
      ],
      stepSeconds: 60,
      steps: 40,
    });
    const venue = r.indicators.zones[0]!;
    expect(venue.peak).toBeCloseTo(1200, 3);
    expect(venue.peakDensity).toBeCloseTo(1.2, 5);
    expect(venue.final).toBeCloseTo(0, 6);
    expect(r.totals.exited.reduce((x, y) => x + y, 0)).toBeCloseTo(2400, 3);
  });

  it('rejects impossible input with the link or demand named', () => {
    const bad: PedNetwork = {
      nodes: ['a', 'b'],
      links: [{ id: 'z', from: 'a', to: 'b', length: 10, width: 0 }],
    };
    expect(() => loadNetwork({ network: bad, demands: [], stepSeconds: 10, steps: 1 })).toThrow(
      /link z: width/,
    );
    const ok: PedNetwork = {
      nodes: ['a', 'b'],
      links: [{ id: 'z', from: 'a', to: 'b', length: 10, width: 2 }],
    };
    expect(() =>
      loadNetwork({ network: ok, demands: [constant('a', 'q', 1, 10)], stepSeconds: 10, steps: 1 }),
    ).toThrow(/unknown node "q"/);
  });
});

describe('network loading: two crowds meet head-on in one street', () => {
  /*
   * The pattern that locked the old model (the Vredenburg east side after the concert): a crowd
   * pours out at each end of a two-way street, both bound for the other end. 200 m long, 4 m wide;
   * 10 p/s for 5 minutes from each end (3,000 people each way), far more than the street carries.
   *
   * By hand, from capacity = width × Weidmann capacity (qmax = 1.2249 p/(m·s) at ρc = 1.7507 p/m²,
   * where v = 1.2249 / 1.7507 = 0.6997 m/s):
   * - C = 4 × 1.2249 = 4.900 p/s. Both crowds queue at their ends, so each direction claims the
   *   whole width with equal demand and gets half of it (demand-proportional lanes), less the
   *   counter-flow penalty p where it applies: C_dir = ½ · C · (1 − p).
   * - The last walker enters after 3,000 / C_dir: 1,224.6 s (p = 0) or 1,530.7 s (p = 0.2), and
   *   then walks 200 m in a lane running at capacity, at v(ρc): 200 / 0.6997 = 285.8 s.
   *   So everyone has arrived by T = 1,510 s (p = 0) or 1,817 s (p = 0.2); we allow 5 % for the
   *   cells (the lanes at the ends settle within the first cells' time).
   * - Nobody can do better than the whole width at capacity for all 6,000 and a free walk:
   *   6,000 / 4.900 + 200 / 1.34 = 1,374 s.
   * The old model never got there: both ends filled at 5.4 p/m² and stayed.
   */
  const network: PedNetwork = {
    nodes: ['a', 'b'],
    links: [{ id: 'street', from: 'a', to: 'b', length: 200, width: 4 }],
  };
  const demands: Demand[] = [
    { origin: 'a', destination: 'b', start: 0, step: 300, rates: [10, 0] },
    { origin: 'b', destination: 'a', start: 0, step: 300, rates: [10, 0] },
  ];
  const C = 4 * 1.2249;
  const vCapacity = 1.2249 / 1.7507;
  const handArrival = (p: number) => 3000 / ((C / 2) * (1 - p)) + 200 / vCapacity;
  const lowest = 6000 / C + 200 / 1.34;

  it.each([
    [0, 10],
    [0, 30],
    [0, 60],
    [0.2, 10],
    [0.2, 30],
    [0.2, 60],
  ])('with penalty %f at %i s steps everyone arrives by the hand-derived time', (p, stepSeconds) => {
    const steps = 2400 / stepSeconds;
    const r = loadNetwork({ network, demands, stepSeconds, steps, counterflowPenalty: p });
    let out = 0;
    let arrived = -1;
    for (let s = 0; s < steps && arrived < 0; s++)
      if ((out += r.totals.exited[s]!) >= 6000 - 0.5) arrived = (s + 1) * stepSeconds;
    expect(arrived).toBeGreaterThan(0);
    expect(arrived).toBeGreaterThanOrEqual(lowest);
    expect(arrived).toBeLessThanOrEqual(1.05 * handArrival(p));
    expect(r.totals.stock.at(-1)).toBeCloseTo(0, 6);
    expect(r.indicators.waitingAtEnd).toBeCloseTo(0, 6);
    // The crowds pass at capacity, where the density is ρc = 1.75 p/m²; the lock showed 5.4.
    expect(r.indicators.peakDensity!.density).toBeLessThan(4);
  });
});

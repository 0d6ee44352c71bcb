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

describe('network loading: a bottleneck', () => {
  // 10 m wide approach, a 1.5 m wide passage, 10 m wide exit street.
  const network: PedNetwork = {
    nodes: ['in', 'x', 'y', 'out'],
    links: [
      { id: 'approach', from: 'in', to: 'x', length: 120, width: 10 },
      { id: 'narrow', from: 'x', to: 'y', length: 40, width: 1.5 },
      { id: 'exit', from: 'y', to: 'out', length: 120, width: 10 },
    ],
  };
  // 6 p/s for 15 minutes, then nothing: far more than the passage's 1.5 m × 1.225 p/(m·s) ≈ 1.84 p/s.
  const demand: Demand = { origin: 'in', destination: 'out', start: 0, step: 900, rates: [6, 0] };

  it('builds a queue upstream of the narrow link that dissolves once demand drops', () => {
    const model = new NetworkLoading({ network, demands: [demand], stepSeconds: 30, steps: 120 });
    const r = model.runToEnd();
    const approach = (s: number) => r.links.density[s * 3]!;
    const peakStep = [...Array(120).keys()].reduce((best, s) => (approach(s) > approach(best) ? s : best), 0);
    // Queued at a congested density (above critical) when the demand stops …
    expect(approach(peakStep)).toBeGreaterThan(capacity().density);
    expect(peakStep).toBeGreaterThanOrEqual(25);
    expect(peakStep).toBeLessThanOrEqual(45);
    // … and gone by the end: everyone passed at about the passage's capacity.
    expect(approach(119)).toBeLessThan(0.01);
    expect(r.totals.exited.reduce((x, y) => x + y, 0)).toBeCloseTo(5400, 0);
    // The passage never carries more than its capacity.
    const capPerSecond = 1.5 * capacity().flow;
    for (let s = 0; s < 120; s++) expect(r.links.flow[s * 3 + 1]!).toBeLessThanOrEqual(capPerSecond * 1.001);
    // The worst bottleneck is the passage, and the approach reaches LoS F.
    expect(r.indicators.worstBottleneck?.linkId).toBe('narrow');
    expect(r.indicators.peakDensity?.linkId).toBe('approach');
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
  });

  it('grades a standing area by the standing thresholds, not by walkway LoS', () => {
    const standing: PedNetwork = {
      ...network,
      links: network.links.map((l) => (l.id === 'approach' ? { ...l, kind: 'standing' as const } : l)),
    };
    const r = loadNetwork({ network: standing, demands: [demand], stepSeconds: 30, steps: 120 });
    // The same ~3 p/m² that is LoS F on a street is below the 4 p/m² standing alert.
    expect(r.indicators.peakDensity!.density).toBeGreaterThan(2.17);
    expect(r.indicators.peakDensity!.density).toBeLessThan(4);
    expect(r.indicators.minutesAbove['alert']![0]).toBe(0);
    expect(r.indicators.minutesAbove['info']![0]).toBe(0);
  });

  it('sub-steps to satisfy the CFL condition', () => {
    const model = new NetworkLoading({ network, demands: [demand], stepSeconds: 60, steps: 1 });
    expect(model.substeps).toBe(Math.ceil((60 * 1.34) / 40));
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

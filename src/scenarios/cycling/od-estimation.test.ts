import { describe, expect, it } from 'vitest';
import { assign } from './assignment.ts';
import { compileGraph, networkFromFile } from './network.ts';
import { bikeDecay, countFit, estimateDemand, gravitySeed, skimZones } from './od-estimation.ts';
import { smallNetwork, type SmallNetworkSpec } from '../../../tests/support/small-bike-network.ts';

/** A 4 × 4 grid of 250 m blocks with six zones on it. */
function grid(): SmallNetworkSpec {
  const nodes: SmallNetworkSpec['nodes'] = {};
  const links: SmallNetworkSpec['links'] = [];
  for (let y = 0; y < 4; y++)
    for (let x = 0; x < 4; x++) {
      nodes[`n${x}${y}`] = [x * 250, y * 250];
      if (x < 3) links.push({ id: `h${x}${y}`, from: `n${x}${y}`, to: `n${x + 1}${y}` });
      if (y < 3) links.push({ id: `v${x}${y}`, from: `n${x}${y}`, to: `n${x}${y + 1}` });
    }
  const zones = ['n00', 'n30', 'n03', 'n33', 'n11', 'n22'].map((node) => ({ id: `z-${node}`, node }));
  return { nodes, links, zones };
}

describe('gravity prior', () => {
  it('uses the PBL bike decay (reference values of models.md §3.3)', () => {
    expect(bikeDecay(10)).toBeCloseTo(0.84, 2);
    expect(bikeDecay(30)).toBeCloseTo(0.18, 2);
    expect(bikeDecay(5)).toBeGreaterThan(bikeDecay(10));
  });

  it('is doubly constrained: trips start and end in proportion to the zone weights', () => {
    const file = smallNetwork(grid());
    const net = networkFromFile(file);
    const g = compileGraph(net);
    const zoneNodes = file.zones.map((z) => net.nodeIndex.get(z.node)!);
    const weights = [1, 2, 3, 1, 4, 1];
    const t = gravitySeed(skimZones(g, zoneNodes).minutes, weights, 12_000);
    const n = weights.length;
    for (let i = 0; i < n; i++) {
      let row = 0;
      let col = 0;
      for (let j = 0; j < n; j++) {
        row += t[i * n + j]!;
        col += t[j * n + i]!;
      }
      expect(row).toBeCloseTo((12_000 * weights[i]!) / 12, 6);
      expect(col).toBeCloseTo((12_000 * weights[i]!) / 12, 6);
      expect(t[i * n + i]).toBe(0);
    }
  });
});

describe('OD estimation from counts', () => {
  it('reproduces the counts of a known matrix within 1 % (GEH < 0.5)', () => {
    const spec = grid();
    const file = smallNetwork(spec);
    const net = networkFromFile(file);
    const g = compileGraph(net);
    const zoneNodes = file.zones.map((z) => net.nodeIndex.get(z.node)!);
    const weights = zoneNodes.map(() => 1);
    const n = zoneNodes.length;
    // The "true" matrix: uneven, with one dominant zone, nothing like the prior's even weights.
    const truth = new Float64Array(n * n);
    for (let o = 0; o < n; o++)
      for (let d = 0; d < n; d++)
        if (o !== d) truth[o * n + d] = 100 + 37 * ((o * 5 + d * 3) % 7) + (d === 4 ? 900 : 0);
    const options = { routeChoice: 'logit' as const, theta: 12 };
    const trueFlow = assign(g, { zoneNodes, trips: truth }, options).linkFlow;
    // Counts on 10 of the 24 links.
    const counted = ['h00', 'h11', 'h22', 'v00', 'v11', 'v22', 'h20', 'v02', 'h12', 'v21'];
    const targets = counted.map((id) => {
      const link = net.linkIndex.get(id)!;
      return { link, daily: trueFlow[link]!, peakShare: 0.1 };
    });
    const r = estimateDemand({ graph: g, zoneNodes, weights, targets, routeChoice: 'logit', theta: 12 });
    expect(r.fit!.relativeRmse).toBeLessThan(0.01);
    expect(r.fit!.maxGeh).toBeLessThan(0.5);
    expect(r.history.at(-1)!).toBeLessThan(r.history[0]! / 5);
    // The assigned estimate gives the counted flows (the fit is about what the model loads, not a copy).
    const flow = assign(g, { zoneNodes, trips: r.trips }, options).linkFlow;
    targets.forEach((t) => expect(Math.abs(flow[t.link]! - t.daily) / t.daily).toBeLessThan(0.02));
    expect(r.trips.every((v) => v >= 0)).toBe(true);
  });

  it('without counts returns the prior at the requested total', () => {
    const file = smallNetwork(grid());
    const net = networkFromFile(file);
    const zoneNodes = file.zones.map((z) => net.nodeIndex.get(z.node)!);
    const r = estimateDemand({
      graph: compileGraph(net),
      zoneNodes,
      weights: zoneNodes.map(() => 1),
      targets: [],
      routeChoice: 'logit',
      theta: 12,
      totalWithoutCounts: 5000,
    });
    expect(r.fit).toBeNull();
    expect(r.trips.reduce((s, v) => s + v, 0)).toBeCloseTo(5000, 6);
  });
});

describe('count fit', () => {
  it('computes RMSE, R² and the GEH at the busiest hour', () => {
    const fit = countFit(
      [
        { link: 0, daily: 1000, peakShare: 0.1 },
        { link: 1, daily: 3000, peakShare: 0.1 },
      ],
      [1100, 3000],
    );
    expect(fit.rmse).toBeCloseTo(Math.sqrt((100 ** 2 + 0) / 2), 9);
    expect(fit.relativeRmse).toBeCloseTo(fit.rmse / 2000, 9);
    // Busiest hour: 110 modelled against 100 counted.
    expect(fit.maxGeh).toBeCloseTo(Math.sqrt((2 * 10 ** 2) / 210), 9);
    expect(fit.shareGehBelow5).toBe(1);
    expect(fit.r2).toBeCloseTo(1 - 10_000 / 2_000_000, 9);
  });
});

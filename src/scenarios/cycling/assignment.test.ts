import { describe, expect, it } from 'vitest';
import { assign, pairCosts, type RouteChoice } from './assignment.ts';
import { applyChanges, type CyclingChange } from './changes.ts';
import { compileGraph, networkFromFile, type BikeNetwork } from './network.ts';
import { smallNetwork, type SmallNetworkSpec } from '../../../tests/support/small-bike-network.ts';

/** Compiles a small network (after changes) and assigns its weekday trips. */
function run(spec: SmallNetworkSpec, routeChoice: RouteChoice, changes: CyclingChange[] = [], theta = 12) {
  const file = smallNetwork(spec);
  const base = networkFromFile(file);
  const { network, issues } = applyChanges(base, changes, { snapMetres: 40 });
  expect(issues).toEqual([]);
  const zones = file.demand!.zones;
  const zoneNodes = file.zones.map((z) => base.nodeIndex.get(z.node)!);
  const trips = Float64Array.from(file.demand!.weekday!.trips.flat());
  // C_min per pair always from the unchanged network, as the scenario kind does.
  const pairCost = pairCosts(compileGraph(base), zoneNodes);
  const result = assign(compileGraph(network), { zoneNodes, trips }, { routeChoice, theta, pairCost });
  const flow = (id: string) => result.linkFlow[network.linkIndex.get(id)!]!;
  return { result, flow, network, zones, trips };
}

/** Inflow − outflow at every node equals the trips ending there minus those starting there. */
function expectConservation(network: BikeNetwork, arcFlow: Float64Array, spec: SmallNetworkSpec) {
  const balance = new Map<string, number>();
  const add = (node: string, v: number) => balance.set(node, (balance.get(node) ?? 0) + v);
  network.links.forEach((l, i) => {
    const from = network.nodeIds[l.from]!;
    const to = network.nodeIds[l.to]!;
    add(to, arcFlow[2 * i]!);
    add(from, -arcFlow[2 * i]!);
    add(from, arcFlow[2 * i + 1]!);
    add(to, -arcFlow[2 * i + 1]!);
  });
  const nodeOf = new Map(spec.zones.map((z) => [z.id, z.node]));
  for (const [pair, trips] of Object.entries(spec.trips ?? {})) {
    const [o, d] = pair.split('>') as [string, string];
    add(nodeOf.get(d)!, -trips);
    add(nodeOf.get(o)!, trips);
  }
  for (const [node, v] of balance) expect(Math.abs(v), node).toBeLessThan(1e-6);
}

/** a → b by a route through m1 (two links of `short` m) and one through m2 (two links of `long` m). */
function twoRoutes(short: number, long: number): SmallNetworkSpec {
  return {
    nodes: { a: [0, 0], m1: [500, 200], m2: [500, -200], b: [1000, 0] },
    links: [
      { id: 'a-m1', from: 'a', to: 'm1', length: short },
      { id: 'm1-b', from: 'm1', to: 'b', length: short },
      { id: 'a-m2', from: 'a', to: 'm2', length: long },
      { id: 'm2-b', from: 'm2', to: 'b', length: long },
    ],
    zones: [
      { id: 'za', node: 'a' },
      { id: 'zb', node: 'b' },
    ],
    trips: { 'za>zb': 1000 },
  };
}

describe('all-or-nothing', () => {
  it('puts every trip on the shortest path', () => {
    // A 3 × 3 grid of 200 m blocks with one short diagonal cut: the shortest a → c route is unique.
    const nodes: SmallNetworkSpec['nodes'] = {};
    const links: SmallNetworkSpec['links'] = [];
    for (let y = 0; y < 3; y++)
      for (let x = 0; x < 3; x++) {
        nodes[`n${x}${y}`] = [x * 200, y * 200];
        if (x < 2) links.push({ id: `h${x}${y}`, from: `n${x}${y}`, to: `n${x + 1}${y}` });
        if (y < 2) links.push({ id: `v${x}${y}`, from: `n${x}${y}`, to: `n${x}${y + 1}` });
      }
    links.push({ id: 'cut', from: 'n11', to: 'n22' });
    const spec: SmallNetworkSpec = {
      nodes,
      links,
      zones: [
        { id: 'a', node: 'n00' },
        { id: 'c', node: 'n22' },
      ],
      trips: { 'a>c': 600, 'c>a': 200 },
    };
    const { flow, result, network } = run(spec, 'aon');
    // Shortest: n00 → n10 → n11 (or n01 → n11; ties go one way) → cut → n22, about 683 m against 800 m.
    expect(flow('cut')).toBeCloseTo(800, 9);
    const viaH = flow('h00') + flow('v10');
    const viaV = flow('v00') + flow('h01');
    // One of the two equal first halves carries everything in each direction; no other link carries anything.
    expect(viaH + viaV).toBeCloseTo(2 * 800, 9);
    for (const id of ['h10', 'h11', 'h02', 'h12', 'v20', 'v21', 'v01', 'v11']) expect(flow(id), id).toBe(0);
    expectConservation(network, result.arcFlow, spec);
  });
});

describe('logit route choice (Dial)', () => {
  it('splits two equal routes 50/50', () => {
    const { flow } = run(twoRoutes(600, 600), 'logit');
    expect(flow('a-m1')).toBeCloseTo(500, 9);
    expect(flow('a-m2')).toBeCloseTo(500, 9);
  });

  it('shifts trips off a route as it gets longer, by P = 1 / (1 + exp(θ·x))', () => {
    // Route costs C and C·(1 + x): P(long) = e^(−θ(1+x)) / (e^(−θ) + e^(−θ(1+x))) = 1 / (1 + e^(θx)).
    const theta = 12;
    let previous = 0.5;
    for (const x of [0.02, 0.05, 0.1, 0.2, 0.4]) {
      const { flow } = run(twoRoutes(600, 600 * (1 + x)), 'logit', [], theta);
      const share = flow('a-m2') / 1000;
      expect(share, `x = ${x}`).toBeCloseTo(1 / (1 + Math.exp(theta * x)), 9);
      expect(share).toBeLessThan(previous);
      expect(flow('a-m1') + flow('a-m2')).toBeCloseTo(1000, 9);
      previous = share;
    }
    // The reference values of models.md §3.1: a route 10 % longer keeps e^(−1.2) ≈ 0.30 of the weight.
    const { flow } = run(twoRoutes(600, 660), 'logit', [], 12);
    expect(flow('a-m2') / flow('a-m1')).toBeCloseTo(Math.exp(-1.2), 9);
  });

  it('sets the spread per OD pair: a heavy zone elsewhere leaves a pair’s split unchanged', () => {
    // a → b alone: routes of 1,200 m and 1,320 m (10 % longer), so the long route keeps
    // e^(−θ·0.1) = e^(−1.2) of the short one's weight (relative to the pair's own best route).
    const alone = run(twoRoutes(600, 660), 'logit');
    // The same pair with a big zone 5 km the other way, receiving 50,000 trips from a.
    const spec = twoRoutes(600, 660);
    spec.nodes = { ...spec.nodes, c: [-5000, 0] };
    spec.links = [...spec.links, { id: 'a-c', from: 'a', to: 'c', length: 5000 }];
    spec.zones = [
      { id: 'za', node: 'a' },
      { id: 'zb', node: 'b' },
      { id: 'zc', node: 'c', weight: 50 },
    ];
    spec.trips = { 'za>zb': 1000, 'za>zc': 50_000 };
    const withHeavyZone = run(spec, 'logit');
    expect(withHeavyZone.flow('a-m2') / withHeavyZone.flow('a-m1')).toBeCloseTo(Math.exp(-1.2), 9);
    expect(withHeavyZone.flow('a-m2')).toBeCloseTo(alone.flow('a-m2'), 9);
    expect(withHeavyZone.flow('a-c')).toBeCloseTo(50_000, 9);
  });

  it('spreads less as θ grows, approaching all-or-nothing', () => {
    const spread = (theta: number) => run(twoRoutes(600, 630), 'logit', [], theta).flow('a-m2');
    expect(spread(5)).toBeGreaterThan(spread(15));
    expect(spread(200) / 1000).toBeLessThan(1e-3); // share of trips on the longer route
  });
});

describe('closing a link', () => {
  // Three parallel routes a → b of 1000, 1050 and 1100 m.
  const three: SmallNetworkSpec = {
    nodes: { a: [0, 0], p: [500, 150], q: [500, 0], r: [500, -150], b: [1000, 0] },
    links: [
      { id: 'a-p', from: 'a', to: 'p', length: 500 },
      { id: 'p-b', from: 'p', to: 'b', length: 500 },
      { id: 'a-q', from: 'a', to: 'q', length: 525 },
      { id: 'q-b', from: 'q', to: 'b', length: 525 },
      { id: 'a-r', from: 'a', to: 'r', length: 550 },
      { id: 'r-b', from: 'r', to: 'b', length: 550 },
    ],
    zones: [
      { id: 'za', node: 'a' },
      { id: 'zb', node: 'b' },
    ],
    trips: { 'za>zb': 900, 'zb>za': 300 },
  };

  it('moves its flow to the alternatives and conserves every trip', () => {
    const before = run(three, 'logit');
    const after = run(three, 'logit', [{ type: 'close-link', link: 'p-b' }]);
    expect(after.flow('p-b')).toBe(0);
    expect(after.flow('a-p')).toBe(0); // a dead end for these trips now
    expect(after.flow('a-q')).toBeGreaterThan(before.flow('a-q'));
    expect(after.flow('a-r')).toBeGreaterThan(before.flow('a-r'));
    // What the closed route carried is now on the other two, exactly.
    const moved = after.flow('a-q') + after.flow('a-r') - before.flow('a-q') - before.flow('a-r');
    expect(moved).toBeCloseTo(before.flow('a-p'), 9);
    // The remaining two routes split in the logit ratio of their lengths (1050 vs 1100 m).
    const cRef = 1000 / (18 / 3.6); // the baseline's least cost (s)
    const extra = (1100 - 1050) / (18 / 3.6); // the r route's extra seconds
    expect(after.flow('a-r') / after.flow('a-q')).toBeCloseTo(Math.exp((-12 * extra) / cRef), 9);
    expect(after.result.unservable.reduce((s, v) => s + v, 0)).toBe(0);
    expectConservation(after.network, after.result.arcFlow, three);
  });

  it('reports the trips that have no route any more instead of losing them', () => {
    const closed = run(three, 'logit', [
      { type: 'close-link', link: 'p-b' },
      { type: 'close-link', link: 'q-b' },
      { type: 'close-link', link: 'r-b' },
    ]);
    expect(closed.result.unservable.reduce((s, v) => s + v, 0)).toBe(1200);
    expect(closed.result.linkFlow.every((f) => f === 0)).toBe(true);
    expect(Number.isNaN(closed.result.skim.minutes[1])).toBe(true);
  });

  it('respects one-way links', () => {
    const oneWay = run(three, 'logit', [{ type: 'one-way', link: 'a-p', direction: 'backward' }]);
    const i = oneWay.network.linkIndex.get('a-p')!;
    expect(oneWay.result.arcFlow[2 * i]).toBe(0); // a → p is no longer allowed
    expect(oneWay.result.arcFlow[2 * i + 1]).toBeGreaterThan(0); // b → p → a still is
    expectConservation(oneWay.network, oneWay.result.arcFlow, three);
  });
});

describe('junction delays and speeds', () => {
  it('route around a junction whose delay goes up, and onto a link made faster', () => {
    const spec = twoRoutes(600, 600);
    const delayed = run(spec, 'logit', [{ type: 'set-junction-delay', node: 'm1', seconds: 30 }]);
    expect(delayed.flow('a-m1')).toBeLessThan(500);
    // 30 s more on a route of 1200 m at 18 km/h (240 s): P = 1 / (1 + e^(12·30/240)).
    expect(delayed.flow('a-m1') / 1000).toBeCloseTo(1 / (1 + Math.exp((12 * 30) / 240)), 9);
    const faster = run(spec, 'logit', [{ type: 'set-speed', link: 'a-m2', speed: 24 }]);
    expect(faster.flow('a-m2')).toBeGreaterThan(500);
  });

  it('gives travel times and distances of the least-cost route', () => {
    const { result } = run(twoRoutes(600, 700), 'logit');
    // za → zb: 1200 m at 18 km/h = 4 minutes.
    expect(result.skim.minutes[1]).toBeCloseTo(4, 9);
    expect(result.skim.metres[1]).toBeCloseTo(1200, 9);
    expect(Number.isNaN(result.skim.minutes[0])).toBe(true); // no trips within a zone
  });
});

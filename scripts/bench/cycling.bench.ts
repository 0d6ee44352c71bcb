/**
 * Cycling model benchmark: prints figures, never passes or fails.
 * Run: `npx tsx scripts/bench/cycling.bench.ts` (add `--expose-gc` after `tsx` for steadier memory figures).
 *
 * 1. The embedded sample network: a full scenario run with its baseline and difference (what the UI
 *    waits for after an edit), and one assignment on its own.
 * 2. A synthetic city-sized network (10,000 links, 500 zones): one assignment (Dial, 500 origins),
 *    a full scenario run with compare, memory of one assignment.
 * 3. OD estimation from counts on the sample (as the sample builder runs it): rounds, why they stopped,
 *    fit; and on a grid with most links counted (rounds and fit against the target of matching).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { assign } from '../../src/scenarios/cycling/assignment.ts';
import { baselineDemand } from '../../src/scenarios/cycling/demand.ts';
import {
  bikeNetworkFileSchema,
  parametersOf,
  type BikeNetworkFile,
} from '../../src/scenarios/cycling/network-file.ts';
import { compileGraph, networkFromFile } from '../../src/scenarios/cycling/network.ts';
import {
  ESTIMATION_DEFAULTS,
  estimateDemand,
  gravitySeed,
  skimZones,
} from '../../src/scenarios/cycling/od-estimation.ts';
import { smallNetwork, TEST_ORIGIN, type SmallNetworkSpec } from '../../tests/support/small-bike-network.ts';
import { runScenario } from '../../src/scenarios/engine/runner.ts';
import { SCENARIO_KINDS } from '../../src/scenarios/engine/engine-kinds.ts';
import { estimateFileDemand } from '../cycling/estimate.ts';
import { mulberry32 } from '../../src/scenarios/seeded-random.ts';

const gc = (globalThis as { gc?: () => void }).gc;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
const ms = (xs: number[]) => `median ${median(xs).toFixed(1)} ms (${xs.map((t) => t.toFixed(0)).join(', ')})`;

async function time<T>(runs: number, f: () => Promise<T> | T): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    times.push(performance.now() - t0);
  }
  return times;
}

const scenarioOf = (file: BikeNetworkFile, changes: unknown[]) => ({
  version: 1,
  kind: 'cycling-route',
  name: 'bench',
  baseline: file.meta.id,
  changes,
  run: { dayType: 'weekday' },
});

/** A 71 × 71 street grid of 80–250 m blocks (9,940 links) plus 60 diagonals; 500 zones on random nodes. */
function syntheticCity(): BikeNetworkFile {
  const rnd = mulberry32(11);
  const side = 71;
  const id = (x: number, y: number) => `n${x}-${y}`;
  const xs = [0];
  const ys = [0];
  for (let i = 1; i < side; i++) {
    xs.push(xs[i - 1]! + 80 + 170 * rnd());
    ys.push(ys[i - 1]! + 80 + 170 * rnd());
  }
  const at = (x: number, y: number) => TEST_ORIGIN.toLonLat(xs[x]! - xs.at(-1)! / 2, ys[y]! - ys.at(-1)! / 2);
  const nodes: BikeNetworkFile['nodes'] = [];
  for (let y = 0; y < side; y++)
    for (let x = 0; x < side; x++) {
      const [lon, lat] = at(x, y);
      nodes.push(
        rnd() < 0.2
          ? { id: id(x, y), lon, lat, delay: Math.round(10 + 30 * rnd()) }
          : { id: id(x, y), lon, lat },
      );
    }
  const links: BikeNetworkFile['links'] = [];
  const add = (a: [number, number], b: [number, number]) =>
    links.push({
      id: `l${links.length}`,
      name: `Street ${links.length}`,
      from: id(...a),
      to: id(...b),
      type: rnd() < 0.4 ? 'cycle-path' : 'mixed-street',
      width: 2 + 4 * rnd(),
      geometry: [at(...a), at(...b)],
    });
  for (let y = 0; y < side; y++)
    for (let x = 0; x < side; x++) {
      if (x + 1 < side) add([x, y], [x + 1, y]);
      if (y + 1 < side) add([x, y], [x, y + 1]);
    }
  for (let i = 0; links.length < 10_000; i++) add([i, i], [i + 1, i + 1]);
  const zoneNodes = new Set<string>();
  while (zoneNodes.size < 500) zoneNodes.add(id(Math.floor(rnd() * side), Math.floor(rnd() * side)));
  const zones = [...zoneNodes].map((node, i) => ({
    id: `z${i}`,
    name: `Zone ${i}`,
    node,
    weight: 1 + 9 * rnd(),
  }));
  const file: BikeNetworkFile = {
    meta: {
      id: 'synthetic-city',
      title: 'Synthetic city',
      sample: true,
      note: 'benchmark',
      licence: 'CC0-1.0',
      created: '2026-01-01',
    },
    nodes,
    links,
    zones,
  };
  // Trips: a gravity matrix of 400,000 a day; counts on 200 links are the model's own flows.
  const net = networkFromFile(file);
  const graph = compileGraph(net);
  const zoneIdx = zones.map((z) => net.nodeIndex.get(z.node)!);
  const weights = zones.map((z) => z.weight);
  const trips = gravitySeed(skimZones(graph, zoneIdx).minutes, weights, 400_000, 30);
  const n = zones.length;
  file.demand = {
    method: 'gravity',
    zones: zones.map((z) => z.id),
    weekday: { trips: Array.from({ length: n }, (_, o) => Array.from(trips.subarray(o * n, (o + 1) * n))) },
  };
  const flow = assign(graph, { zoneNodes: zoneIdx, trips }, { routeChoice: 'logit', theta: 12 }).linkFlow;
  const share = [...Array(24).keys()].map(() => 1 / 24);
  file.counts = {
    sample: true,
    note: 'benchmark',
    points: Array.from({ length: 200 }, (_, k) => {
      const l = links[k * 50]!;
      return {
        id: `c${k}`,
        name: `Count ${k}`,
        link: l.id,
        lon: l.geometry[0]![0],
        lat: l.geometry[0]![1],
        weekday: share.map((s) => Math.round(flow[k * 50]! * s)),
      };
    }),
  };
  return file;
}

async function benchSample(): Promise<void> {
  const raw = JSON.parse(
    readFileSync(
      path.join(import.meta.dirname, '../../public/data/cycling/utrecht-centre-bike-network.json'),
      'utf8',
    ),
  ) as unknown;
  const file = bikeNetworkFileSchema.parse(raw);
  console.log(
    `sample network: ${file.nodes.length} nodes, ${file.links.length} links, ${file.zones.length} zones, ${file.counts?.points.length} counting points`,
  );
  const close = scenarioOf(file, [{ type: 'close-link', link: 'vredenburg' }]);
  await runScenario({ scenario: close, baseline: raw, compare: true }, SCENARIO_KINDS); // warm-up (JIT)
  const full = await time(15, () =>
    runScenario({ scenario: close, baseline: raw, compare: true }, SCENARIO_KINDS),
  );
  console.log(
    `  scenario run with baseline and difference (validate, 2 assignments, pivot, OD table): ${ms(full)}`,
  );
  const net = networkFromFile(file);
  const graph = compileGraph(net);
  const demand = baselineDemand(file, net, graph, 'weekday', parametersOf(file));
  const options = { routeChoice: 'logit' as const, theta: 12 };
  const one = await time(50, () => assign(graph, demand, options));
  console.log(`  one assignment (Dial, ${file.zones.length} origins): ${ms(one.slice(0, 15))}`);
  let stored: ReturnType<typeof estimateFileDemand> | undefined;
  const est = await time(3, () => (stored = estimateFileDemand(file)));
  console.log(`  OD estimation from the counts, both day types: ${ms(est)}`);
  for (const day of ['weekday', 'weekend'] as const) {
    const fit = stored?.[day]?.fit;
    if (fit)
      console.log(
        `    ${day}: ${fit.rounds} rounds (${fit.stop}), RMSE ${(fit.relativeRmse * 100).toFixed(2)} % of the mean count, ` +
          `max GEH ${fit.maxGeh.toFixed(2)} (the sample's counts carry noise, so they cannot all be matched)`,
      );
  }
}

/**
 * OD estimation with most links counted: a 16 × 16 grid (480 links, 40 zones), 80 % of the links
 * counted from a known matrix (consistent counts, so a perfect fit exists). Target: matched (relative
 * RMSE ≤ 0.1 %) within the 300-round limit.
 */
async function benchEstimation(): Promise<void> {
  const rnd = mulberry32(5);
  const side = 16;
  const nodes: SmallNetworkSpec['nodes'] = {};
  const links: SmallNetworkSpec['links'] = [];
  for (let y = 0; y < side; y++)
    for (let x = 0; x < side; x++) {
      nodes[`n${x}-${y}`] = [x * 200 + 40 * rnd(), y * 200 + 40 * rnd()];
      if (x < side - 1) links.push({ id: `h${x}-${y}`, from: `n${x}-${y}`, to: `n${x + 1}-${y}` });
      if (y < side - 1) links.push({ id: `v${x}-${y}`, from: `n${x}-${y}`, to: `n${x}-${y + 1}` });
    }
  const ids = Object.keys(nodes);
  const picked = new Set<string>();
  while (picked.size < 40) picked.add(ids[Math.floor(rnd() * ids.length)]!);
  const file = smallNetwork({ nodes, links, zones: [...picked].map((node) => ({ id: `z-${node}`, node })) });
  const net = networkFromFile(file);
  const graph = compileGraph(net);
  const zoneNodes = file.zones.map((z) => net.nodeIndex.get(z.node)!);
  const n = zoneNodes.length;
  const truth = Float64Array.from({ length: n * n }, (_, k) =>
    k % (n + 1) === 0 ? 0 : 50 + 300 * rnd() + (k % n === 3 ? 800 : 0),
  );
  const flow = assign(graph, { zoneNodes, trips: truth }, { routeChoice: 'logit', theta: 12 }).linkFlow;
  const targets = links
    .filter(() => rnd() < 0.8)
    .map((l) => net.linkIndex.get(l.id)!)
    .map((link) => ({ link, daily: flow[link]!, peakShare: 0.1 }));
  let result: ReturnType<typeof estimateDemand> | undefined;
  const times = await time(1, () => {
    result = estimateDemand({
      graph,
      zoneNodes,
      weights: zoneNodes.map(() => 1),
      targets,
      routeChoice: 'logit',
      theta: 12,
    });
  });
  const r = result!;
  console.log(
    `OD estimation, ${links.length} links with ${targets.length} counted, ${n} zones: ${r.iterations} rounds (${r.stop}), ` +
      `relative RMSE ${(r.fit!.relativeRmse * 100).toFixed(3)} %, max GEH ${r.fit!.maxGeh.toFixed(3)}, ${ms(times)}; ` +
      `target: matched (≤ ${ESTIMATION_DEFAULTS.tolerance * 100} %) within ${ESTIMATION_DEFAULTS.iterations} rounds, ` +
      `${r.stop === 'matched' ? 'met' : 'not met'}`,
  );
}

async function benchCity(): Promise<void> {
  const t0 = performance.now();
  const file = syntheticCity();
  console.log(
    `synthetic city: ${file.nodes.length} nodes, ${file.links.length} links, ${file.zones.length} zones ` +
      `(${file.zones.length ** 2 - file.zones.length} OD pairs), ${file.counts!.points.length} counts; built in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const net = networkFromFile(file);
  const graph = compileGraph(net);
  const demand = baselineDemand(file, net, graph, 'weekday', parametersOf(file));
  const options = { routeChoice: 'logit' as const, theta: 12 };
  gc?.();
  const before = process.memoryUsage();
  const result = assign(graph, demand, options);
  gc?.();
  const after = process.memoryUsage();
  console.log(
    `  memory of one assignment (result kept): heap +${mb(after.heapUsed - before.heapUsed)}, ` +
      `typed arrays +${mb(after.arrayBuffers - before.arrayBuffers)}${gc ? '' : ' (no --expose-gc: rough)'}`,
  );
  void result;
  const logit = await time(3, () => assign(graph, demand, options));
  console.log(`  one assignment, Dial logit (500 origins): ${ms(logit)}`);
  const aon = await time(3, () => assign(graph, demand, { ...options, routeChoice: 'aon' }));
  console.log(`  one assignment, all-or-nothing: ${ms(aon)}`);
  const close = scenarioOf(file, [
    { type: 'close-link', link: 'l5000' },
    { type: 'set-speed', link: 'l5001', speed: 10 },
  ]);
  const full = await time(3, () =>
    runScenario({ scenario: close, baseline: file, compare: true }, SCENARIO_KINDS),
  );
  console.log(
    `  scenario run with baseline and difference (incl. validating the 10,000-link file): ${ms(full)}`,
  );
  const heap = process.memoryUsage();
  console.log(`  process after the runs: heap ${mb(heap.heapUsed)}, typed arrays ${mb(heap.arrayBuffers)}`);
}

await benchSample();
await benchEstimation();
await benchCity();

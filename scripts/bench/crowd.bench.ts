/**
 * Crowd model benchmark: prints figures, never passes or fails.
 * Run: `npx tsx scripts/bench/crowd.bench.ts` (add `--expose-gc` after `tsx` for steadier memory figures).
 *
 * 1. An event of 12 hours at 1-minute steps on a synthetic network of 2,000 links at street
 *    resolution (cells of at most 50 m): time per run (median of 5) against the target of
 *    ≤ 300 ms (issue 12), and memory (heap and typed-array delta of one run's result).
 * 2. The short-term forecast: time per refresh for a city's worth of counting points.
 */
import { forecast } from '../../src/monitor/forecast.ts';
import {
  NetworkLoading,
  type Demand,
  type LoadingInput,
  type PedLink,
} from '../../src/scenarios/crowd/network-loading.ts';
import { mulberry32 } from '../../src/scenarios/seeded-random.ts';

/** A 32 × 32 street grid (1,984 links) plus 16 diagonals = 2,000 links of 90–200 m, 3–12 m wide. */
function syntheticInput(stepSeconds: number, hours: number): LoadingInput {
  const rnd = mulberry32(7);
  const side = 32;
  const node = (x: number, y: number) => `n${x}-${y}`;
  const nodes: string[] = [];
  for (let y = 0; y < side; y++) for (let x = 0; x < side; x++) nodes.push(node(x, y));
  const links: PedLink[] = [];
  const add = (from: string, to: string) =>
    links.push({ id: `l${links.length}`, from, to, length: 90 + 110 * rnd(), width: 3 + 9 * rnd() });
  for (let y = 0; y < side; y++)
    for (let x = 0; x < side; x++) {
      if (x + 1 < side) add(node(x, y), node(x + 1, y));
      if (y + 1 < side) add(node(x, y), node(x, y + 1));
    }
  for (let i = 0; links.length < 2000; i++) add(node(i, i), node(i + 1, i + 1));
  // An event at the centre: 8 origins on the edge → 4 entrances, then back; plus background flows.
  const steps = Math.round((hours * 3600) / 60);
  const hump = (from: number, peak: number, until: number, total: number) =>
    Array.from({ length: steps }, (_, m) => {
      if (m < from || m >= until) return 0;
      const h = m < peak ? (m - from) / (peak - from) : (until - m) / (until - peak);
      return (total * h * 2) / (until - from) / 60;
    });
  const edges = [
    node(0, 5),
    node(0, 20),
    node(31, 8),
    node(31, 25),
    node(6, 0),
    node(22, 0),
    node(10, 31),
    node(27, 31),
  ];
  const entrances = [node(15, 15), node(16, 15), node(15, 16), node(16, 16)];
  const demands: Demand[] = [];
  for (const o of edges)
    for (const e of entrances) {
      demands.push({ origin: o, destination: e, start: 0, step: 60, rates: hump(60, 300, 480, 1500) });
      demands.push({ origin: e, destination: o, start: 0, step: 60, rates: hump(600, 630, 700, 1500) });
    }
  for (let k = 0; k < 40; k++) {
    const a = node(Math.floor(rnd() * side), Math.floor(rnd() * side));
    const b = node(Math.floor(rnd() * side), Math.floor(rnd() * side));
    if (a !== b)
      demands.push({ origin: a, destination: b, start: 0, step: 3600, rates: Array(hours).fill(0.3) });
  }
  return { network: { nodes, links }, demands, stepSeconds, steps: Math.round((hours * 3600) / stepSeconds) };
}

/** Issue 12: the crowd event, 12 h at 1-minute steps on 2,000 links at street resolution. */
const TARGET_MS = 300;

const gc = (globalThis as { gc?: () => void }).gc;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

function benchNetwork(): void {
  const input = syntheticInput(60, 12);
  const destinations = new Set(input.demands.map((d) => d.destination)).size;
  console.log(
    `network loading: ${input.network.links.length} links, ${input.network.nodes.length} nodes, ` +
      `${input.demands.length} demands to ${destinations} destinations, ${input.steps} steps of ${input.stepSeconds} s`,
  );
  const times: number[] = [];
  let substeps = 0;
  let cells = 0;
  let kept: unknown = null;
  for (let i = 0; i < 5; i++) {
    gc?.();
    const heap0 = process.memoryUsage();
    const t0 = performance.now();
    const model = new NetworkLoading(input);
    const result = model.runToEnd();
    times.push(performance.now() - t0);
    substeps = result.substeps;
    cells = result.links.cells.ids.length;
    if (i === 0) {
      gc?.();
      const heap1 = process.memoryUsage();
      console.log(
        `  memory of one run (model + result kept): heap +${mb(heap1.heapUsed - heap0.heapUsed)}, ` +
          `typed arrays +${mb(heap1.arrayBuffers - heap0.arrayBuffers)}${gc ? '' : ' (no --expose-gc: rough)'}`,
      );
    }
    kept = result; // keep it alive until the memory reading above
  }
  void kept;
  const updates = cells * input.steps * substeps;
  const ms = median(times);
  console.log(
    `  time per run: median ${ms.toFixed(0)} ms of 5 (${times.map((t) => t.toFixed(0)).join(', ')}); ` +
      `target ≤ ${TARGET_MS} ms, ratio ${(ms / TARGET_MS).toFixed(2)} (${ms <= TARGET_MS ? 'within' : 'over'} target)`,
  );
  console.log(
    `  ${cells} cells (${(cells / input.network.links.length).toFixed(1)} per link), ${substeps} sub-step(s) per step, ` +
      `${(((updates / ms) * 1000) / 1e6).toFixed(1)} M cell-updates/s`,
  );
}

function benchForecast(): void {
  const points = 500;
  const interval = 15 * 60_000;
  const profile = (t: number) => 50 + 400 * Math.exp(-(((((t / 3_600_000) % 24) - 15) / 3.5) ** 2));
  const rnd = mulberry32(3);
  const series = Array.from({ length: points }, () =>
    Array.from({ length: 24 }, (_, i) => {
      const time = 9 * 3_600_000 + i * interval;
      return { time, count: profile(time) * (0.8 + 0.4 * rnd()) };
    }),
  );
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now();
    for (const observed of series)
      forecast({ observed, profile, intervalMs: interval, horizons: [1, 2, 3, 4] });
    times.push(performance.now() - t0);
  }
  console.log(
    `forecast: ${points} counting points × 24 recent intervals → 15/30/45/60 min ahead: ` +
      `median ${median(times).toFixed(2)} ms per refresh (${((median(times) / points) * 1000).toFixed(1)} µs per point)`,
  );
}

benchNetwork();
benchForecast();

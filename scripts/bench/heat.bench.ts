/**
 * Heat model benchmark: prints figures, never passes or fails.
 * Run: `npx tsx scripts/bench/heat.bench.ts`.
 *
 * On the embedded sample (public/data/heat/utrecht-centre-heat.json):
 * 1. Validating the baseline file (the engine does this on every run).
 * 2. Full recompute: preparing the city (rasters, sky view factor, homes) and a baseline run, for one
 *    hour (15:00) and for the afternoon mean (12:00–18:00).
 * 3. Incremental recompute after one tree is added (a user dragging a tree), for both, and the stages
 *    of one such run.
 * 4. Memory of the grids.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { heatBaselineSchema, type HeatBaseline } from '../../src/scenarios/heat/baseline-file.ts';
import type { HeatChange, HeatRun } from '../../src/scenarios/heat/changes.ts';
import { roads, walkable } from '../../src/scenarios/heat/city.ts';
import { coolPlaces, updateDistances, walkingDistances } from '../../src/scenarios/heat/cool-distance.ts';
import { computeHeatChange, deriveCity, sectorLayers } from '../../src/scenarios/heat/heat-model.ts';
import { applyChanges } from '../../src/scenarios/heat/interventions.ts';
import {
  conditionsFor,
  HeatCache,
  runHeatScenario,
  type HeatScenario,
} from '../../src/scenarios/heat/run-heat.ts';
import { checkHeatScenario } from '../../src/scenarios/heat/run.ts';
import { AFTERNOON_HOURS } from '../../src/scenarios/heat/weather.ts';
import { heatPicture } from '../../src/layers/scenario-result/heat-greening-view.ts';

const FILE = resolve(import.meta.dirname, '../../public/data/heat/utrecht-centre-heat.json');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
const ms = (t: number) => `${t.toFixed(0)} ms`;

const text = readFileSync(FILE, 'utf8');
const raw: unknown = JSON.parse(text);

function scenario(changes: HeatChange[], run: HeatRun): HeatScenario {
  return {
    version: 1,
    kind: 'heat-greening',
    name: 'bench',
    baseline: 'utrecht-centre-heat-sample',
    changes,
    run,
  };
}

/** A tree on Domplein, moved by a metre each time as if dragged. */
const tree = (k: number): HeatChange => ({
  type: 'trees',
  points: [[5.12175 + k * 0.000015, 52.09075]],
  crownDiameter: 10,
  height: 12,
});

async function timed<T>(f: () => Promise<T> | T): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await f();
  return [value, performance.now() - t0];
}

async function main(): Promise<void> {
  const parses: number[] = [];
  let file: HeatBaseline | null = null;
  for (let i = 0; i < 20; i++) {
    const [parsed, t] = await timed(() => heatBaselineSchema.parse(raw));
    parses.push(t);
    file = parsed;
  }
  const f = file!;
  console.log(
    `baseline file: ${(text.length / 1024).toFixed(0)} kB, ${f.buildings.ids.length} buildings, ${f.trees.length / 4} trees, ` +
      `grid ${f.grid.columns} × ${f.grid.rows} = ${(f.grid.columns * f.grid.rows).toLocaleString('en')} cells of ${f.grid.cellSize} m`,
  );
  console.log(
    `  validating the file (zod, as the engine does every run): median ${ms(median(parses))} of 20`,
  );

  for (const run of [{ hour: 15 }, {}] as HeatRun[]) {
    const label =
      typeof run.hour === 'number'
        ? `one hour (${run.hour}:00–${run.hour + 1}:00)`
        : `afternoon mean (${AFTERNOON_HOURS.length} hourly means)`;
    console.log(`\n${label}:`);
    const cache = new HeatCache();
    const [, cold] = await timed(() => runHeatScenario(scenario([], run), f, {}, cache));
    const [, warm] = await timed(() => runHeatScenario(scenario([], run), f, {}, cache));
    // A fresh baseline run on a prepared city (the sky view factor is the one-off part).
    const other = new HeatCache();
    await runHeatScenario(scenario([], { ...run, date: '2015-07-02' }), f, {}, other);
    const [, rerun] = await timed(() => runHeatScenario(scenario([], run), f, {}, other));
    console.log(`  full recompute, first run (prepare city + baseline): ${ms(cold)}`);
    console.log(
      `  full recompute of the baseline on a prepared city: ${ms(rerun)}; cached baseline: ${ms(warm)}`,
    );
    const noop = () => Promise.resolve();
    const prepared = await cache.prepared(f, noop);
    const conditions = conditionsFor(run, prepared.city.grid);
    if (!('path' in conditions)) {
      const base = await cache.baseline(prepared, conditions, noop);
      const city = typedBytes(prepared);
      console.log(
        `  memory kept in the worker: prepared city ${mb(city)}, baseline run ${mb(typedBytes(base) - city)} (typed arrays)`,
      );
    }
    const drags: number[] = [];
    const checks: number[] = [];
    for (let k = 0; k < 7; k++) {
      const s = scenario([tree(k)], run);
      const [, c] = await timed(() => checkHeatScenario(s, f));
      checks.push(c);
      const [, t] = await timed(() => runHeatScenario(s, f, {}, cache));
      drags.push(t);
    }
    console.log(
      `  incremental, one tree added (scenario run on the cached baseline): median ${ms(median(drags))} of 7 ` +
        `(${drags.map((t) => t.toFixed(0)).join(', ')}); checks ${ms(median(checks))}`,
    );
    await stages(f, cache, run);
    if (run.hour === undefined) {
      const out = await runHeatScenario(scenario([tree(0)], run), f, {}, cache);
      const paint: number[] = [];
      for (let k = 0; k < 5; k++)
        paint.push((await timed(() => heatPicture(out.fields['pet']!, 'scenario')))[1]);
      const diff: number[] = [];
      for (let k = 0; k < 5; k++)
        diff.push((await timed(() => heatPicture(out.fields['pet']!, 'difference')))[1]);
      console.log(
        `  main thread, heatPicture of ${out.fields['pet']!.values.length.toLocaleString('en')} cells: heat classes ${ms(median(paint))}, change scale ${ms(median(diff))}`,
      );
    }
  }

  const cells = f.grid.columns * f.grid.rows;
  const perCell = {
    'city rasters (ground, heights, building index, crowns, green roofs)': 1 + 4 + 4 + 4 + 1,
    'static layers (surface, street mask, vegetation, sky view, block index)': 4 + 1 + 1 + 4 + 4,
    'one run (PET sum + mean, shade, class, cool, walkable, distance + its source)':
      8 + 4 + 4 + 1 + 1 + 1 + 4 + 4,
    'shade per modelled hour': 1,
  };
  console.log(`\ngrid memory (${cells.toLocaleString('en')} cells):`);
  for (const [what, bytes] of Object.entries(perCell)) console.log(`  ${what}: ${mb(bytes * cells)}`);
  // Baseline and scenario: pet, shade (float), heatClass, coolPlace (byte); difference: pet, shade.
  const sent = (2 * (4 + 4 + 1 + 1) + 2 * 4) * cells;
  console.log(`  fields sent to the main thread per compared run: ${mb(sent)} (transferred, not copied)`);
}

/** Bytes of all typed arrays reachable from a value (each buffer counted once). */
function typedBytes(value: unknown, seen = new Set<unknown>()): number {
  if (value === null || typeof value !== 'object' || seen.has(value)) return 0;
  seen.add(value);
  if (ArrayBuffer.isView(value)) {
    if (seen.has(value.buffer)) return 0;
    seen.add(value.buffer);
    return value.buffer.byteLength;
  }
  const children = value instanceof Map ? [...value.values()] : Object.values(value);
  return children.reduce((sum: number, child) => sum + typedBytes(child, seen), 0);
}

async function stages(f: HeatBaseline, cache: HeatCache, run: HeatRun): Promise<void> {
  const noop = () => Promise.resolve();
  const prepared = await cache.prepared(f, noop);
  const conditions = conditionsFor(run, prepared.city.grid);
  if ('path' in conditions) return;
  const base = await cache.baseline(prepared, conditions, noop);
  const times: Record<string, number[]> = {};
  for (let k = 0; k < 5; k++) {
    let t = performance.now();
    const lap = (name: string) => {
      const now = performance.now();
      (times[name] ??= []).push(now - t);
      t = now;
    };
    const applied = applyChanges(prepared.city, [tree(k)], prepared.buildings);
    lap('apply');
    const derived = deriveCity(prepared, applied.city, applied.changed);
    lap('derive (sky view, block sums)');
    const layers = new Map(
      [...base.layers.keys()].map((s) => [s, sectorLayers(derived.prepared, s, conditions.day)]),
    );
    lap('wind + heat island');
    const result = await computeHeatChange(base, { ...derived, layers }, conditions.hours);
    lap('shade + PET');
    const walk = walkable(derived.prepared.city);
    const cool = coolPlaces(prepared.city.grid, result.pet, walk, roads(derived.prepared.city));
    lap('cool places');
    updateDistances(prepared.city.grid, base.distance, base.cool, cool, walk);
    lap('distances (update)');
    walkingDistances(prepared.city.grid, cool, walk);
    lap('distances (a full search instead)');
  }
  console.log(
    '  stages of one incremental run (median of 5): ' +
      Object.entries(times)
        .map(([name, ts]) => `${name} ${ms(median(ts))}`)
        .join(', '),
  );
}

await main();

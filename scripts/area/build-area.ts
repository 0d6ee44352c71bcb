/**
 * `npm run area -- --bbox west,south,east,north --out dir [--api-base URL [--recorded centre]]`:
 * builds an area's baselines with the same pipeline as the app (src/area/build.ts) and writes
 * heat-baseline.json, pedestrian-network.json, bike-network.json and assumptions.json to `dir`.
 * `--api-base` points every source at one server laid out like the mock API (`npm run mock-api`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildArea, type BuiltArea } from '../../src/area/build.ts';
import { areaEndpoints, areaEndpointsUnder, createAreaSources } from '../../src/sources/area/index.ts';
import { createHttpClient } from '../../src/sources/http/client.ts';
import { createOverpass } from '../../src/sources/overpass/index.ts';

function arg(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export function writeBuiltArea(built: BuiltArea, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const files: [string, unknown][] = [
    ['heat-baseline.json', built.heat],
    ['pedestrian-network.json', built.pedestrian],
    ['bike-network.json', built.bike],
    [
      'assumptions.json',
      {
        baselineId: built.baselineId,
        area: { bbox: built.area.bbox, areaKm2: built.area.areaKm2 },
        counts: built.counts,
        assumed: built.assumed,
        notes: built.notes,
        attribution: built.attribution,
      },
    ],
  ];
  return files.map(([name, value]) => {
    const target = path.join(dir, name);
    writeFileSync(target, `${JSON.stringify(value)}\n`);
    return target;
  });
}

async function main(args: readonly string[]): Promise<void> {
  const bbox = arg(args, '--bbox')?.split(',').map(Number);
  const out = arg(args, '--out');
  if (!bbox || !out) {
    console.error(
      'usage: npm run area -- --bbox west,south,east,north --out dir [--api-base URL] [--recorded name]',
    );
    process.exit(2);
  }
  const apiBase = arg(args, '--api-base');
  const endpoints = apiBase ? areaEndpointsUnder(apiBase, arg(args, '--recorded')) : areaEndpoints;
  const http = createHttpClient();
  const t0 = performance.now();
  try {
    const built = await buildArea(
      { bbox },
      {
        sources: createAreaSources(endpoints, http),
        overpass: createOverpass({ baseUrl: endpoints.overpass, http }),
        created: new Date().toISOString().slice(0, 10),
        onProgress: (p) => {
          if (p.fraction === 0) console.log(`… ${p.step}`);
        },
      },
    );
    for (const file of writeBuiltArea(built, out)) console.log(`wrote ${file}`);
    console.log(`baseline ${built.baselineId}`);
    console.log(JSON.stringify(built.counts));
    for (const line of built.assumed) console.log(`assumed: ${line}`);
    for (const line of built.notes) console.log(`note: ${line}`);
    console.log(`built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}

await main(process.argv.slice(2));

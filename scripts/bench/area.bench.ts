/**
 * Area builder benchmark: prints figures, never passes or fails.
 * Run: `npx tsx scripts/bench/area.bench.ts` (also part of `npm run bench`).
 *
 * Builds 1 × 1 km and 3 × 3 km of dense city (the generator of the recorded responses, scaled up:
 * 80 m blocks with four buildings each, streets, trees) from responses served from memory, so the
 * time is the pipeline's own (parsing, validation, conversion, graph building), network time
 * excluded. Targets (issue 13): 1 km² ≤ 10 s, 9 km² ≤ 60 s in the worker.
 */
import { buildArea } from '../../src/area/build.ts';
import { areaEndpointsUnder, createAreaSources } from '../../src/sources/area/index.ts';
import { createHttpClient } from '../../src/sources/http/client.ts';
import { createOverpass } from '../../src/sources/overpass/index.ts';
import { areaFixtureFor, syntheticArea } from '../area/synthetic-area.ts';

const METRES_PER_DEGREE = { lon: 68_600, lat: 111_250 };
const SW: [number, number] = [5.1, 52.08];

async function bench(km: number, target: number): Promise<void> {
  const name = `bench${km}`;
  const bbox: [number, number, number, number] = [
    SW[0],
    SW[1],
    SW[0] + (km * 1000) / METRES_PER_DEGREE.lon,
    SW[1] + (km * 1000) / METRES_PER_DEGREE.lat,
  ];
  const responses = syntheticArea({ name, bbox });
  const bodies = new Map([...responses].map(([k, v]) => [k, JSON.stringify(v)]));
  const bytes = [...bodies.values()].reduce((s, b) => s + b.length, 0);
  const memoryFetch = (input: RequestInfo | URL): Promise<Response> => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const m = /^\/area\/([a-z0-9]+)\/([a-z0-9-]+)(\/.*)$/.exec(url.pathname);
    const file = m ? areaFixtureFor(m[1]!, m[2]!, m[3]!, url.searchParams) : undefined;
    const body = file ? bodies.get(file) : undefined;
    return Promise.resolve(
      body === undefined
        ? new Response('not found', { status: 404 })
        : new Response(body, { headers: { 'content-type': 'application/json' } }),
    );
  };
  const endpoints = areaEndpointsUnder('http://bench.invalid', name);
  const http = createHttpClient({
    fetch: memoryFetch as typeof fetch,
    overrides: { ttlMs: 0, maxStaleMs: 0 },
  });
  globalThis.gc?.();
  const baseRss = process.memoryUsage().rss;
  let peakRss = baseRss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  const built = await buildArea(
    { bbox },
    {
      sources: createAreaSources(endpoints, http),
      overpass: createOverpass({ baseUrl: endpoints.overpass, http }),
      created: '2026-08-20',
      onProgress: () => (peakRss = Math.max(peakRss, process.memoryUsage().rss)),
    },
  );
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const steps = Object.entries(built.timings)
    .map(([k, v]) => `${k} ${(v / 1000).toFixed(2)} s`)
    .join(', ');
  console.log(
    `${km} × ${km} km (${built.area.areaKm2.toFixed(2)} km², responses ${(bytes / 1048576).toFixed(1)} MB): ` +
      `${seconds.toFixed(2)} s, target ${target} s, ratio ${(seconds / target).toFixed(3)}`,
  );
  console.log(
    `  peak RSS ${(peakRss / 1048576).toFixed(0)} MB (+${((peakRss - baseRss) / 1048576).toFixed(0)} MB during the build)`,
  );
  console.log(`  steps: ${steps}`);
  console.log(`  counts: ${JSON.stringify(built.counts)}`);
}

await bench(1, 10);
await bench(3, 60);

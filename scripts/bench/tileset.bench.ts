/**
 * Benchmark of the sample tileset build (printing only, no pass/fail):
 *   npx tsx scripts/bench/tileset.bench.ts
 * Builds the committed sample GeoJSON into a temp dir three times and prints the median build time,
 * output sizes (raw and gzip), and building/tile/triangle counts.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { SAMPLE_GEOJSON_PATH } from '../sample/generate-sample-city.ts';
import { buildTileset, writeBuildOutput, type BuildOutput } from '../tileset/build.ts';

async function main(): Promise<void> {
  const text = readFileSync(SAMPLE_GEOJSON_PATH, 'utf8');
  const times: number[] = [];
  let last: BuildOutput | null = null;
  for (let i = 0; i < 3; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'tweeling-bench-'));
    try {
      const t0 = performance.now();
      last = await buildTileset(text);
      writeBuildOutput(last, dir);
      times.push(performance.now() - t0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (!last) return;
  times.sort((a, b) => a - b);
  let total = 0;
  let glb = 0;
  let glbGzip = 0;
  for (const [rel, bytes] of last.files) {
    total += bytes.byteLength;
    if (rel.endsWith('.glb')) {
      glb += bytes.byteLength;
      glbGzip += gzipSync(bytes, { level: 9 }).byteLength;
    }
  }
  const s = last.summary;
  const kib = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;
  console.log('tileset build benchmark (sample city)');
  console.log(
    `  build time (median of 3): ${times[1]!.toFixed(0)} ms  [${times.map((t) => t.toFixed(0)).join(', ')}]`,
  );
  console.log(`  total size:               ${total} bytes (${kib(total)})`);
  console.log(
    `  glb size:                 ${glb} bytes (${kib(glb)}), gzip ${glbGzip} bytes (${kib(glbGzip)})`,
  );
  console.log(`  buildings:                ${s.buildings}`);
  console.log(`  tiles:                    ${s.tiles} (${s.contentTiles} with content)`);
  console.log(`  triangles:                ${s.triangles} (${s.vertices} vertices)`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

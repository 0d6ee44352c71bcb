/**
 * Viewer figures on the e2e build (production-minified, with the test hooks) in headless Chromium
 * (software WebGL here):
 * - time from navigation to the first frame with the sample's buildings, and to all tiles loaded;
 * - JS heap after load; tiles and bytes fetched;
 * - production bundle size (dist/, without the hooks), raw and gzip.
 * Run `npm run build` and `npm run build:e2e` first (the script builds what is missing).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { launchOptions } from '../../tests/e2e/browser.ts';
import { ensureBuilt, REPO_ROOT, startPreview } from './preview-server.ts';

const root = REPO_ROOT;
const dist = path.join(root, 'dist');
const PORT = 4179;
const RUNS = 3;

function folderBytes(folder: string): number {
  return readdirSync(folder, { withFileTypes: true }).reduce((sum, entry) => {
    const full = path.join(folder, entry.name);
    return sum + (entry.isDirectory() ? folderBytes(full) : statSync(full).size);
  }, 0);
}

function bundleFigures() {
  ensureBuilt('dist', 'build');
  const assets = path.join(dist, 'assets');
  let raw = 0;
  let gzip = 0;
  for (const file of readdirSync(assets)) {
    if (!/\.(js|css)$/.test(file)) continue;
    const body = readFileSync(path.join(assets, file));
    raw += body.length;
    gzip += gzipSync(body).length;
  }
  return { raw, gzip };
}

const server = await startPreview(PORT);
try {
  const { url } = server;
  const browser = await chromium.launch(launchOptions);
  const results: {
    firstBuildings: number;
    settled: number;
    heapMiB: number;
    glbCount: number;
    glbBytes: number;
  }[] = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const started = Date.now();
    await page.goto(url);
    // First frame with buildings: a rendered frame after the first tile's content is in.
    await page.waitForFunction(
      () =>
        (window.tweeling?.framesRendered() ?? 0) > 0 &&
        performance.getEntriesByType('resource').some((e) => e.name.endsWith('.glb')),
      undefined,
      { timeout: 120_000, polling: 50 },
    );
    const framesAtTile = await page.evaluate(() => window.tweeling!.framesRendered());
    await page.waitForFunction((n) => window.tweeling!.framesRendered() > n, framesAtTile, {
      timeout: 120_000,
      polling: 50,
    });
    const firstBuildings = Date.now() - started;
    await page.waitForFunction(() => window.tweeling?.isSettled() === true, undefined, {
      timeout: 180_000,
      polling: 100,
    });
    const settled = Date.now() - started;
    const heap = await page.evaluate(
      () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN,
    );
    const glb = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.endsWith('.glb'))
        .map((entry) => (entry as PerformanceResourceTiming).decodedBodySize),
    );
    results.push({
      firstBuildings,
      settled,
      heapMiB: heap / 2 ** 20,
      glbCount: glb.length,
      glbBytes: glb.reduce((sum, bytes) => sum + bytes, 0),
    });
    await page.close();
  }
  await browser.close();

  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const bundle = bundleFigures();
  const sampleBytes = folderBytes(path.join(root, 'tilesets/sample'));
  console.log(`runs: ${RUNS} (median shown), headless Chromium, software WebGL, 1280x720, home view`);
  console.log(`page load -> first frame with buildings: ${median(results.map((r) => r.firstBuildings))} ms`);
  console.log(`page load -> all visible tiles loaded:   ${median(results.map((r) => r.settled))} ms`);
  console.log(
    `JS heap after load:                     ${median(results.map((r) => r.heapMiB)).toFixed(1)} MiB`,
  );
  console.log(
    `tiles fetched at home view:             ${median(results.map((r) => r.glbCount))} glb, ${(median(results.map((r) => r.glbBytes)) / 1024).toFixed(0)} KiB`,
  );
  console.log(`sample tileset on disk:                 ${(sampleBytes / 1024).toFixed(0)} KiB`);
  console.log(
    `production JS+CSS:                      ${(bundle.raw / 2 ** 20).toFixed(2)} MiB raw, ${(bundle.gzip / 2 ** 20).toFixed(2)} MiB gzip`,
  );
} finally {
  server.stop();
}

/**
 * Viewer figures on the production build in headless Chromium (software WebGL here):
 * - time from navigation to the first frame with the sample's buildings, and to all tiles loaded;
 * - JS heap after load; tiles and bytes fetched;
 * - production bundle size, raw and gzip.
 * Run `npm run build` first (the script does it when dist/ is missing).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { launchOptions } from '../../tests/e2e/browser.ts';

const root = path.resolve(import.meta.dirname, '../..');
const dist = path.join(root, 'dist');
const PORT = 4179;
const RUNS = 3;

if (!existsSync(dist)) spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });

function bundleFigures() {
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

async function waitForServer(url: string) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`preview server did not start at ${url}`);
}

const server = spawn(
  'npx',
  ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'],
  {
    cwd: root,
    stdio: 'ignore',
    detached: true,
  },
);
try {
  const url = `http://127.0.0.1:${PORT}/`;
  await waitForServer(url);
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
    let glbCount = 0;
    let glbBytes = 0;
    page.on('response', async (response) => {
      if (!response.url().endsWith('.glb')) return;
      glbCount++;
      glbBytes += (await response.body()).length;
    });
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
    results.push({ firstBuildings, settled, heapMiB: heap / 2 ** 20, glbCount, glbBytes });
    await page.close();
  }
  await browser.close();

  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const bundle = bundleFigures();
  const sampleBytes = readdirSync(path.join(root, 'tilesets/sample')).reduce(
    (sum, file) => sum + statSync(path.join(root, 'tilesets/sample', file)).size,
    0,
  );
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
  if (server.pid) process.kill(-server.pid);
}

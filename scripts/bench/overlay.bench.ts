/**
 * deck.gl overlay figures on the e2e build (production-minified, with the test hooks) in headless Chromium (software WebGL here).
 * Prints, never passes or fails:
 * - per-frame cost of the camera bridge (matrices + setProps), of the ground-occlusion path
 *   (ground deck redraw + canvas→texture upload; the full-screen composite pass is inside
 *   Cesium's frame) and of the top (no-occlusion) deck redraw;
 * - whole-frame time with the overlay idle vs. with the crowd sample layer on, as a ratio;
 * - 100k points and 10k paths, on the occluded (ground) path and on the cheap (top) path;
 * - 1,000 residents' pins as the participation layer draws them (clustered): first draw and frame time.
 * Run `npm run build:e2e` first (the script does it when dist-e2e/ is missing).
 */
import { chromium, type Page } from '@playwright/test';
import { launchOptions } from '../../tests/e2e/browser.ts';
import { startPreview } from './preview-server.ts';

const PORT = 4180;
const FRAMES = 12;

/** Renders `FRAMES` frames one after another; returns wall ms per frame and the overlay's own costs. */
async function measure(page: Page) {
  await page.evaluate(() => window.tweelingOverlay!.resetTimings());
  const wall = await page.evaluate(async (frames) => {
    const times: number[] = [];
    for (let i = 0; i < frames; i++) {
      const before = window.tweeling!.framesRendered();
      const started = performance.now();
      window.tweeling!.requestRender();
      while (window.tweeling!.framesRendered() === before) await new Promise((r) => requestAnimationFrame(r));
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)]!;
  }, FRAMES);
  const t = await page.evaluate(() => window.tweelingOverlay!.timings());
  const per = (ms: number) => (t.frames > 0 ? ms / t.frames : NaN);
  return { wall, bridge: per(t.bridgeMs), ground: per(t.groundMs), top: per(t.overlayMs) };
}

async function settle(page: Page) {
  await page.waitForFunction(
    () => window.tweeling?.isSettled() === true && window.tweelingOverlay?.ready(),
    undefined,
    {
      timeout: 180_000,
      polling: 200,
    },
  );
}

const server = await startPreview(PORT);
try {
  const { url } = server;
  const browser = await chromium.launch(launchOptions);
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(url);
  await page.addStyleTag({ content: '.side-panel, .building-info { display: none !important; }' });
  await settle(page);

  const fmt = (n: number) => n.toFixed(1).padStart(7);
  const row = (name: string, r: Awaited<ReturnType<typeof measure>>) =>
    console.log(
      `${name.padEnd(34)} frame ${fmt(r.wall)} ms | bridge ${fmt(r.bridge)} | ground ${fmt(r.ground)} | top ${fmt(r.top)}`,
    );

  console.log(
    `headless Chromium, software WebGL, 1280x720, home view; median of ${FRAMES} frames, overlay costs mean per frame (ms)`,
  );
  const idle = await measure(page);
  row('overlay idle (no layers)', idle);

  await page.goto(`${url}?layers=crowd-sample:80&t=2026-06-17T13:00`);
  await page.addStyleTag({ content: '.side-panel, .building-info { display: none !important; }' });
  await settle(page);
  await page.waitForFunction(() =>
    document.querySelector('[data-layer="crowd-sample"] [data-state="ready"]'),
  );
  const crowd = await measure(page);
  row('crowd sample (ground + labels)', crowd);
  console.log(`frame time ratio, crowd layer on / overlay idle: ${(crowd.wall / idle.wall).toFixed(2)}`);

  await page.goto(url);
  await page.addStyleTag({ content: '.side-panel, .building-info { display: none !important; }' });
  await settle(page);
  for (const [points, paths] of [
    [100_000, 0],
    [0, 10_000],
  ] as const) {
    for (const mode of ['ground', 'none'] as const) {
      const built = await page.evaluate(
        ([n, p, m]) => {
          const started = performance.now();
          window.tweelingOverlay!.setBenchmarkLayers(n, p, m);
          return performance.now() - started;
        },
        [points, paths, mode] as const,
      );
      // First frame includes attribute upload; measure it separately from the steady frames.
      const first = await page.evaluate(async () => {
        const before = window.tweeling!.framesRendered();
        const started = performance.now();
        window.tweeling!.requestRender();
        while (window.tweeling!.framesRendered() === before)
          await new Promise((r) => requestAnimationFrame(r));
        return performance.now() - started;
      });
      const steady = await measure(page);
      const label = `${points ? `${points / 1000}k points` : `${paths / 1000}k paths`} (${mode === 'ground' ? 'occluded' : 'top'})`;
      row(label, steady);
      console.log(
        `${''.padEnd(34)} layer creation ${built.toFixed(0)} ms, first frame ${first.toFixed(0)} ms`,
      );
    }
  }
  await page.evaluate(() => window.tweelingOverlay!.setBenchmarkLayers(0, 0, 'none'));

  // Issue 16: 1,000 residents' pins (clustered on screen) — time to first draw and frame time.
  const pinIdle = await measure(page);
  const pinFirst = await page.evaluate(async () => {
    const started = performance.now();
    window.tweelingOverlay!.setBenchmarkPins(1000);
    const before = window.tweeling!.framesRendered();
    window.tweeling!.requestRender();
    while (window.tweeling!.framesRendered() === before) await new Promise((r) => requestAnimationFrame(r));
    return performance.now() - started;
  });
  const pins = await measure(page);
  row('1,000 pins (clustered, top)', pins);
  const target = (name: string, value: number, goal: number, unit: string) =>
    console.log(
      `${name}: ${value.toFixed(unit === 'x' ? 2 : 0)} ${unit} (target ≤ ${goal} ${unit}, ratio ${(value / goal).toFixed(2)})`,
    );
  target('1,000 pins, time to first draw', pinFirst, 500, 'ms');
  target('1,000 pins, frame time / without pins', pins.wall / pinIdle.wall, 1.1, 'x');
  await page.evaluate(() => window.tweelingOverlay!.setBenchmarkPins(0));
  await browser.close();
} finally {
  server.stop();
}

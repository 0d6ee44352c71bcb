import { expect, test, type Page } from '@playwright/test';
import type { PNG } from 'pngjs';
import { poseLookingAt, type CameraPose } from '../../src/geo/camera-pose.ts';
import {
  hideUiOverMap,
  pixelAt,
  screenshotPixels,
  shareAround,
  waitForSettledScene,
  type Rgb,
} from './helpers.ts';
import { DOMTOREN_ID, sampleBuilding } from './sample-facts.ts';

/**
 * The deck.gl overlay on the Cesium scene: the camera bridge agrees with Cesium's own projection,
 * markers land on Cesium's pixels, buildings hide ground data behind them, clicks go to data
 * features first and to buildings otherwise.
 */
const dom = sampleBuilding(DOMTOREN_ID);
const MAGENTA: [number, number, number] = [255, 0, 255];
const isMagenta = ([r, g, b]: Rgb) => r > 190 && g < 90 && b > 190;

function camParam(pose: CameraPose): string {
  return [
    pose.lon.toFixed(6),
    pose.lat.toFixed(6),
    pose.height.toFixed(1),
    pose.heading,
    pose.pitch,
    pose.roll,
  ].join(',');
}

async function openOverlay(page: Page, pose: CameraPose, extra = ''): Promise<void> {
  await page.goto(`/?cam=${camParam(pose)}${extra}`);
  await hideUiOverMap(page);
  await page.waitForFunction(() => window.tweelingOverlay?.ready() === true, undefined, { timeout: 60_000 });
  await waitForSettledScene(page);
}

/** Moves the camera without reloading: a history entry with the new view, then "back/forward" logic. */
async function moveCamera(page: Page, pose: CameraPose): Promise<void> {
  await page.evaluate((cam) => {
    window.history.pushState(null, '', `?cam=${cam}`);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, camParam(pose));
  await waitForSettledScene(page);
}

/** Redraws and waits until the overlay has drawn at least one more frame in step with Cesium. */
async function waitForOverlayFrame(page: Page): Promise<void> {
  const before = await page.evaluate(() => window.tweelingOverlay!.frames());
  await page.evaluate(() => window.tweeling!.requestRender());
  await page.waitForFunction((n) => window.tweelingOverlay!.frames() > n, before, { timeout: 30_000 });
  await waitForSettledScene(page);
}

/** Point `metres` along the camera's heading from the Dom (negative: towards the camera). */
function alongHeading(heading: number, metres: number) {
  const mPerDegLat = 111_320;
  const mPerDegLon = mPerDegLat * Math.cos((dom.lat * Math.PI) / 180);
  const h = (heading * Math.PI) / 180;
  return {
    lon: dom.lon + (metres * Math.sin(h)) / mPerDegLon,
    lat: dom.lat + (metres * Math.cos(h)) / mPerDegLat,
  };
}

/** Centroid of the pixels passing `test` in a square around a point. */
function centroid(png: PNG, x: number, y: number, radius: number, testColour: (rgb: Rgb) => boolean) {
  let sx = 0;
  let sy = 0;
  let n = 0;
  for (let py = Math.round(y) - radius; py <= Math.round(y) + radius; py++) {
    for (let px = Math.round(x) - radius; px <= Math.round(x) + radius; px++) {
      if (px < 0 || py < 0 || px >= png.width || py >= png.height) continue;
      if (testColour(pixelAt(png, px, py))) {
        sx += px + 0.5;
        sy += py + 0.5;
        n++;
      }
    }
  }
  return n === 0 ? null : { x: sx / n, y: sy / n, n };
}

const CAMERAS: Record<string, CameraPose> = {
  'street, looking up': { lon: 5.12045, lat: 52.08985, height: 2, heading: 35, pitch: 20, roll: 0 },
  'street, looking down': { lon: 5.12045, lat: 52.08985, height: 25, heading: 35, pitch: -20, roll: 0 },
  oblique: poseLookingAt(dom.lon, dom.lat, { distance: 800, heading: 25, pitch: -35 }),
  'top-down': { lon: dom.lon, lat: dom.lat, height: 1500, heading: 0, pitch: -90, roll: 0 },
  far: poseLookingAt(dom.lon, dom.lat, { distance: 15_000, heading: 200, pitch: -30 }),
};

test('deck.gl projects geographic points where Cesium does, within 0.5 px, for every kind of camera', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const points: [number, number, number][] = [];
  for (let i = -3; i <= 3; i++) {
    for (let j = -3; j <= 3; j++) {
      for (const h of [0, 30, 112]) points.push([dom.lon + i * 0.0015, dom.lat + j * 0.001, h]);
    }
  }
  await openOverlay(page, CAMERAS['oblique']!);
  const viewport = page.viewportSize()!;
  for (const [name, pose] of Object.entries(CAMERAS)) {
    await moveCamera(page, pose);
    await waitForOverlayFrame(page);
    const errors = await page.evaluate(
      ({ pts, w, h }) =>
        pts.flatMap(([lon, lat, height]) => {
          const deck = window.tweelingOverlay!.deckProject(lon!, lat!, height!);
          const cesium = window.tweelingOverlay!.cesiumProject(lon!, lat!, height!);
          if (!deck || !cesium || cesium.x < 0 || cesium.y < 0 || cesium.x > w || cesium.y > h) return [];
          return [Math.hypot(deck.x - cesium.x, deck.y - cesium.y)];
        }),
      { pts: points, w: viewport.width, h: viewport.height },
    );
    const max = Math.max(...errors);
    const mean = errors.reduce((a, b) => a + b, 0) / errors.length;
    console.log(
      `bridge error, ${name}: ${errors.length} points, max ${max.toExponential(2)} px, mean ${mean.toExponential(2)} px`,
    );
    expect(errors.length, name).toBeGreaterThanOrEqual(5);
    expect(max, name).toBeLessThan(0.5);
  }
});

test('markers drawn by deck.gl land on the same pixels as Cesium points at the same positions', async ({
  page,
}) => {
  const pose = poseLookingAt(dom.lon, dom.lat, { distance: 600, heading: 25, pitch: -40 });
  await openOverlay(page, pose);
  await page.evaluate(() => window.tweeling!.setBuildingsVisible(false));
  const markers = [-2, -1, 0, 1, 2].map((k, i) => ({
    lon: dom.lon + k * 0.0012,
    lat: dom.lat + (i % 2) * 0.0008,
    height: i * 20,
    radiusPixels: 5,
    color: MAGENTA,
    occlusion: 'none' as const,
  }));
  await page.evaluate((m) => window.tweelingOverlay!.setMarkers(m), markers);
  await waitForOverlayFrame(page);
  const deckShot = await screenshotPixels(page);
  await page.screenshot({ path: test.info().outputPath('markers-deck.png') });
  await page.evaluate((m) => {
    window.tweelingOverlay!.setMarkers([]);
    window.tweelingOverlay!.setCesiumMarkers(m);
  }, markers);
  await waitForOverlayFrame(page);
  const cesiumShot = await screenshotPixels(page);
  await page.screenshot({ path: test.info().outputPath('markers-cesium.png') });

  const offsets: number[] = [];
  for (const m of markers) {
    const expected = await page.evaluate(
      ([lon, lat, h]) => window.tweelingOverlay!.cesiumProject(lon!, lat!, h!),
      [m.lon, m.lat, m.height],
    );
    const a = centroid(deckShot, expected!.x, expected!.y, 12, isMagenta);
    const b = centroid(cesiumShot, expected!.x, expected!.y, 12, isMagenta);
    expect(a, 'deck marker drawn').not.toBeNull();
    expect(b, 'Cesium point drawn').not.toBeNull();
    offsets.push(Math.hypot(a!.x - b!.x, a!.y - b!.y));
    // Both centred on the computed projection too.
    expect(Math.hypot(a!.x - expected!.x, a!.y - expected!.y)).toBeLessThan(1);
  }
  console.log(`deck vs Cesium marker centroids: max ${Math.max(...offsets).toFixed(2)} px`);
  expect(Math.max(...offsets)).toBeLessThan(1);
});

test.describe('occlusion and picking at the Domtoren', () => {
  const heading = 215;
  const pose = poseLookingAt(dom.lon, dom.lat, { distance: 250, heading, pitch: -15, targetHeight: 20 });
  const behind = alongHeading(heading, 50);

  /** A ground point in front of the tower where the camera sees open ground (no building in between). */
  async function openGroundInFront(page: Page) {
    for (const metres of [30, 40, 50, 60, 70, 80, 90, 110]) {
      const candidate = alongHeading(heading, -metres);
      const xy = await page.evaluate(
        ([lon, lat]) => window.tweelingOverlay!.cesiumProject(lon!, lat!, 0),
        [candidate.lon, candidate.lat],
      );
      if (!xy) continue;
      const clear = await page.evaluate(
        ({ x, y }) =>
          [-8, 0, 8].every((dx) =>
            [-8, 0, 8].every((dy) => window.tweelingOverlay!.buildingAt(x + dx, y + dy) === null),
          ),
        xy,
      );
      if (clear) return { ...candidate, ...xy };
    }
    throw new Error('no open ground in front of the tower');
  }

  test('a ground marker behind the Domtoren is hidden, one in front is visible', async ({ page }) => {
    await openOverlay(page, pose);
    const front = await openGroundInFront(page);
    const behindXy = (await page.evaluate(
      ([lon, lat]) => window.tweelingOverlay!.cesiumProject(lon!, lat!, 0),
      [behind.lon, behind.lat],
    ))!;
    // The point behind lies on the tower in the picture: Cesium picks the Domtoren there.
    expect(await page.evaluate(({ x, y }) => window.tweelingOverlay!.buildingAt(x, y), behindXy)).toBe(
      DOMTOREN_ID,
    );

    await page.evaluate(
      ([b, f]) =>
        window.tweelingOverlay!.setMarkers([
          { ...b!, height: 0, radiusPixels: 7, color: [255, 0, 255], occlusion: 'ground', label: 'behind' },
          { ...f!, height: 0, radiusPixels: 7, color: [255, 0, 255], occlusion: 'ground', label: 'front' },
        ]),
      [behind, front],
    );
    await waitForOverlayFrame(page);
    const withBuildings = await screenshotPixels(page);
    await page.screenshot({ path: test.info().outputPath('occlusion-street.png') });
    expect(shareAround(withBuildings, front.x, front.y, 3, isMagenta)).toBeGreaterThan(0.8);
    expect(shareAround(withBuildings, behindXy.x, behindXy.y, 6, isMagenta)).toBe(0);

    // Without the buildings the same marker shows: it is the tower that hides it.
    await page.evaluate(() => window.tweeling!.setBuildingsVisible(false));
    await waitForOverlayFrame(page);
    const withoutBuildings = await screenshotPixels(page);
    expect(shareAround(withoutBuildings, behindXy.x, behindXy.y, 3, isMagenta)).toBeGreaterThan(0.8);

    // The cheap path is not occluded: the same point as a label-type marker shows over the tower.
    await page.evaluate(() => window.tweeling!.setBuildingsVisible(true));
    await page.evaluate(
      (b) =>
        window.tweelingOverlay!.setMarkers([
          { ...b, height: 0, radiusPixels: 7, color: [255, 0, 255], occlusion: 'none', label: 'behind' },
        ]),
      behind,
    );
    await waitForOverlayFrame(page);
    expect(shareAround(await screenshotPixels(page), behindXy.x, behindXy.y, 3, isMagenta)).toBeGreaterThan(
      0.8,
    );
  });

  test('from above, a ground marker at the foot of the tower is hidden by it', async ({ page }) => {
    // Looking north and down at 60°: the tower stands between the camera and its own foot.
    await openOverlay(page, {
      lon: dom.lon,
      lat: dom.lat - 0.0025,
      height: 480,
      heading: 0,
      pitch: -60,
      roll: 0,
    });
    await page.evaluate(
      (d) =>
        window.tweelingOverlay!.setMarkers([
          { lon: d.lon, lat: d.lat, height: 0, radiusPixels: 4, color: [255, 0, 255], occlusion: 'ground' },
        ]),
      dom,
    );
    await waitForOverlayFrame(page);
    await page.screenshot({ path: test.info().outputPath('occlusion-above.png') });
    const foot = (await page.evaluate(
      ([lon, lat]) => window.tweelingOverlay!.cesiumProject(lon!, lat!, 0),
      [dom.lon, dom.lat],
    ))!;
    expect(shareAround(await screenshotPixels(page), foot.x, foot.y, 2, isMagenta)).toBe(0);
    await page.evaluate(() => window.tweeling!.setBuildingsVisible(false));
    await waitForOverlayFrame(page);
    expect(shareAround(await screenshotPixels(page), foot.x, foot.y, 2, isMagenta)).toBeGreaterThan(0.8);
  });

  test('a click on a data feature opens its info; a click beside it picks the building', async ({ page }) => {
    await openOverlay(page, pose);
    const front = await openGroundInFront(page);
    const behindXy = (await page.evaluate(
      ([lon, lat]) => window.tweelingOverlay!.cesiumProject(lon!, lat!, 0),
      [behind.lon, behind.lat],
    ))!;
    await page.evaluate(
      ([b, f]) =>
        window.tweelingOverlay!.setMarkers([
          {
            ...b!,
            height: 0,
            radiusPixels: 7,
            color: [255, 0, 255],
            occlusion: 'ground',
            label: 'Achter de toren',
          },
          {
            ...f!,
            height: 0,
            radiusPixels: 7,
            color: [255, 0, 255],
            occlusion: 'ground',
            label: 'Voor de toren',
          },
        ]),
      [behind, front],
    );
    await waitForOverlayFrame(page);

    await page.mouse.move(front.x, front.y);
    await expect(page.getByTestId('feature-tooltip')).toContainText('Voor de toren');
    await page.mouse.click(front.x, front.y);
    await expect(page.getByTestId('feature-info')).toContainText('Voor de toren');

    // The hidden marker is not clickable: there the tower is what one sees, and gets picked.
    await page.mouse.click(behindXy.x, behindXy.y);
    await expect(page.getByTestId('feature-info')).toHaveCount(0);
    await expect(page.getByTestId('building-info')).toContainText(DOMTOREN_ID);

    // Beside the front marker (open ground, no feature): nothing from the overlay.
    await page.mouse.click(front.x + 40, front.y);
    await expect(page.getByTestId('feature-info')).toHaveCount(0);
  });
});

test('layer visibility, opacity and time round-trip through the link', async ({ page }) => {
  await page.goto('/?layers=crowd-sample:40&t=2026-06-17T13:00');
  const toggle = page.locator('#layer-crowd-sample-toggle');
  await expect(toggle).toBeChecked();
  await expect(page.locator('#layer-crowd-sample-opacity')).toHaveValue('40');
  await expect(page.locator('[data-layer="crowd-sample"] [data-state="ready"]')).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.locator('.time-control')).not.toHaveAttribute('data-mode', 'now');
  await expect(page.locator('#time-slider')).toBeVisible();

  // Keyboard: opacity up one step, the link follows.
  await page.locator('#layer-crowd-sample-opacity').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/layers=crowd-sample:45/);
  await expect(page).toHaveURL(/t=2026-06-17T13:00/);

  // One hour on with the step button.
  await page.getByRole('button', { name: 'Stap vooruit' }).click();
  await expect(page).toHaveURL(/t=2026-06-17T14:00/);

  // Off: the key leaves the link; back restores it.
  await toggle.uncheck();
  await expect(page).not.toHaveURL(/layers=/);
  await page.goBack();
  await expect(toggle).toBeChecked();

  // A reload of the link gives the same state.
  await page.reload();
  await expect(page.locator('#layer-crowd-sample-toggle')).toBeChecked();
  await expect(page.locator('#layer-crowd-sample-opacity')).toHaveValue('45');
  await expect(page.getByTestId('time-shown')).toContainText('14:00');

  // Back to now: the time leaves the link.
  await page.getByRole('button', { name: 'Naar nu' }).click();
  await expect(page).not.toHaveURL(/t=/);
});

test('the crowd layer draws its circles on the map, in legend colours', async ({ page }) => {
  await openOverlay(
    page,
    poseLookingAt(5.1147, 52.0925, { distance: 300, heading: 0, pitch: -70 }),
    '&layers=crowd-sample:100&t=2026-06-17T13:00',
  );
  await expect(page.locator('[data-layer="crowd-sample"] [data-state="ready"]')).toBeAttached({
    timeout: 60_000,
  });
  await waitForOverlayFrame(page);
  await page.screenshot({ path: test.info().outputPath('crowd-layer.png') });
  const shot = await screenshotPixels(page);
  const xy = (await page.evaluate(() => {
    // The Vredenburg counting point, as the data file places it.
    return fetch('/data/layers/crowd-sample.json')
      .then((r) => r.json() as Promise<{ points: { id: string; lon: number; lat: number }[] }>)
      .then((d) => d.points.find((p) => p.id === 'vredenburg')!)
      .then((p) => window.tweelingOverlay!.cesiumProject(p.lon, p.lat, 0));
  }))!;
  // Wednesday 13:00 in a shopping street: 2600 passers-by per hour, the red 1500–3000 class.
  const [r, g, b] = pixelAt(shot, xy.x, xy.y);
  expect(r).toBeGreaterThan(180);
  expect(g).toBeLessThan(80);
  expect(b).toBeLessThan(80);
});

test("1,000 residents' pins draw as numbered clusters that tell their count, and come apart when zoomed in", async ({
  page,
}) => {
  // The bench's pins: 1,000 within about 400 m of the Domplein (src/testing/bench-layers.ts).
  const above = (height: number): CameraPose => ({
    lon: 5.1214,
    lat: 52.0907,
    height,
    heading: 0,
    pitch: -90,
    roll: 0,
  });
  await openOverlay(page, above(2500));
  await page.evaluate(() => window.tweelingOverlay!.setBenchmarkPins(1000));
  await waitForOverlayFrame(page);
  await page.screenshot({ path: test.info().outputPath('pins-clustered.png') });

  /** Titles of what the overlay picks on a 24 px grid over the middle of the map. */
  const titlesOnGrid = async () => {
    const size = page.viewportSize()!;
    return page.evaluate(
      ({ width, height }) => {
        const titles: string[] = [];
        for (let y = height * 0.25; y < height * 0.75; y += 24)
          for (let x = width * 0.25; x < width * 0.75; x += 24) {
            const title = window.tweelingOverlay!.pickTitle(x, y);
            if (title) titles.push(title);
          }
        return titles;
      },
      { width: size.width, height: size.height },
    );
  };
  const clusterCount = (title: string) => /^(\d+) reacties dicht bij elkaar\./.exec(title)?.[1];
  const far = await titlesOnGrid();
  const counts = far
    .map(clusterCount)
    .filter((n) => n !== undefined)
    .map(Number);
  // From 2.5 km up the 800 m square is a few hundred pixels wide: most pins share a circle.
  expect(counts.length).toBeGreaterThan(5);
  expect(Math.max(...counts)).toBeGreaterThan(3);
  // Clusters are dark (36, 36, 36) circles: some of the map's middle is that colour.
  const png = await screenshotPixels(page);
  const size = page.viewportSize()!;
  const dark = shareAround(
    png,
    size.width / 2,
    size.height / 2,
    150,
    ([r, g, b]) => r < 50 && g < 50 && b < 50,
  );
  expect(dark).toBeGreaterThan(0.05);

  // From 250 m up, pins stand apart: single pins (a resident's reaction) are picked.
  await moveCamera(page, above(250));
  await waitForOverlayFrame(page);
  await page.screenshot({ path: test.info().outputPath('pins-apart.png') });
  const near = await titlesOnGrid();
  expect(near.filter((t) => t === 'Reactie van een bewoner').length).toBeGreaterThan(0);
});

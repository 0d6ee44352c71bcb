import { expect, test } from '@playwright/test';
import {
  changedFraction,
  hideUiOverMap,
  isLocal,
  projectToScreen,
  recordRequests,
  screenshotPixels,
  differingShareAround,
  waitForSettledScene,
} from './helpers.ts';
import { DOMTOREN_ID, sampleBuilding } from './sample-facts.ts';

test('the sample view loads with no request leaving this machine', async ({ page }) => {
  const requests = recordRequests(page);
  await page.goto('/');
  await waitForSettledScene(page);
  expect(requests.filter((url) => !isLocal(url))).toEqual([]);
  expect(requests.some((url) => /\/tilesets\/sample\/.+\.glb$/.test(url))).toBe(true);
  await expect(page.getByTestId('attribution')).toContainText(/voorbeeld/i);
});

test('buildings are drawn where the sample has them', async ({ page }) => {
  await page.goto('/');
  await page.locator('[data-viewpoint="domtoren"]').click();
  await waitForSettledScene(page);
  await hideUiOverMap(page);
  const withBuildings = await screenshotPixels(page);
  await page.screenshot({ path: test.info().outputPath('domtoren-view.png') });
  await page.evaluate(() => window.tweeling!.setBuildingsVisible(false));
  await waitForSettledScene(page);
  const withoutBuildings = await screenshotPixels(page);
  // Below the header, a good share of this view is buildings.
  const mapArea = { x: 0, y: 80, width: withBuildings.width, height: withBuildings.height - 80 };
  expect(changedFraction(withBuildings, withoutBuildings, mapArea)).toBeGreaterThan(0.1);
});

test('the Domtoren stands at its place and is 112 m tall', async ({ page }) => {
  const dom = sampleBuilding(DOMTOREN_ID);
  // From 350 m south-west at 40 m up, looking slightly up: the sky is behind the top of the tower.
  const distance = 350;
  const heading = 60;
  const metresPerDegreeLat = 111_320;
  const metresPerDegreeLon = metresPerDegreeLat * Math.cos((dom.lat * Math.PI) / 180);
  const lon = dom.lon - (distance * Math.sin((heading * Math.PI) / 180)) / metresPerDegreeLon;
  const lat = dom.lat - (distance * Math.cos((heading * Math.PI) / 180)) / metresPerDegreeLat;
  await page.goto(`/?v=1&cam=${lon.toFixed(6)},${lat.toFixed(6)},40.0,${heading}.0,10.0,0.0`);
  await waitForSettledScene(page);
  await hideUiOverMap(page);
  const withBuildings = await screenshotPixels(page);
  await page.screenshot({ path: test.info().outputPath('domtoren-from-street.png') });
  await page.evaluate(() => window.tweeling!.setBuildingsVisible(false));
  await waitForSettledScene(page);
  const withoutBuildings = await screenshotPixels(page);

  const nearTop = await projectToScreen(page, dom.lon, dom.lat, dom.heightAboveGround - 6);
  const aboveTop = await projectToScreen(page, dom.lon, dom.lat, dom.heightAboveGround + 6);
  const base = await projectToScreen(page, dom.lon, dom.lat, 60);
  // Drawn just below its top and at mid-height, and nothing just above the top.
  expect(differingShareAround(withBuildings, withoutBuildings, nearTop)).toBeGreaterThan(0.8);
  expect(differingShareAround(withBuildings, withoutBuildings, base)).toBeGreaterThan(0.8);
  expect(differingShareAround(withBuildings, withoutBuildings, aboveTop)).toBeLessThan(0.2);
});

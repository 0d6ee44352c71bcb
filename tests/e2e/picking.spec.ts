import { expect, test } from '@playwright/test';
import {
  hideUiOverMap,
  isHighlightYellow,
  projectToScreen,
  screenshotPixels,
  shareAround,
  waitForSettledScene,
} from './helpers.ts';
import { DOMTOREN_ID, sampleBuilding } from './sample-facts.ts';

const dutchMetres = (value: number) => `${value.toFixed(1).replace('.', ',').replace(/,0$/, '')} m`;

test('clicking the Domtoren shows its id and height, and highlights it', async ({ page }) => {
  const dom = sampleBuilding(DOMTOREN_ID);
  await page.goto('/');
  await page.locator('[data-viewpoint="domtoren"]').click();
  await waitForSettledScene(page);

  const point = await projectToScreen(page, dom.lon, dom.lat, dom.heightAboveGround * 0.7);
  await page.mouse.click(point.x, point.y);
  const info = page.getByTestId('building-info');
  await expect(info.locator('[data-fact="identificatie"]')).toContainText(DOMTOREN_ID);
  await expect(info.locator('[data-fact="height"]')).toContainText(
    dutchMetres(Math.round(dom.heightAboveGround * 10) / 10),
  );
  await expect(info.locator('[data-fact="source"]')).toContainText('Voorbeeld');

  await waitForSettledScene(page);
  await hideUiOverMap(page);
  const shot = await screenshotPixels(page);
  await page.screenshot({ path: test.info().outputPath('domtoren-selected.png') });
  expect(shareAround(shot, point.x, point.y, 3, isHighlightYellow)).toBeGreaterThan(0.8);
});

test('a click on open ground clears the selection', async ({ page }) => {
  const dom = sampleBuilding(DOMTOREN_ID);
  await page.goto('/');
  await page.locator('[data-viewpoint="domtoren"]').click();
  await waitForSettledScene(page);
  const tower = await projectToScreen(page, dom.lon, dom.lat, dom.heightAboveGround * 0.7);
  await page.mouse.click(tower.x, tower.y);
  await expect(page.getByTestId('building-info')).toContainText(DOMTOREN_ID);
  // Straight above the tower is sky: nothing to pick.
  const sky = await projectToScreen(page, dom.lon, dom.lat, dom.heightAboveGround + 40);
  await page.mouse.click(sky.x, sky.y);
  await expect(page.getByTestId('building-info')).not.toContainText(DOMTOREN_ID);
});

test('the keyboard selects the building in the middle of the map', async ({ page }) => {
  await page.goto('/');
  await page.locator('[data-viewpoint="domtoren"]').click();
  await waitForSettledScene(page);
  await page.locator('#map').focus();
  await page.keyboard.press('Enter');
  // The Domtoren viewpoint looks straight at the tower.
  await expect(page.getByTestId('building-info').locator('[data-fact="identificatie"]')).toContainText(
    DOMTOREN_ID,
  );
  // Escape on the map closes what Enter opened (issue 15).
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('building-info').locator('[data-fact="identificatie"]')).toHaveCount(0);
});

import { expect, test } from '@playwright/test';
import { projectToScreen, screenshotPixels, shareAround, waitForSettledScene, type Rgb } from './helpers.ts';

/**
 * The heat scenario end to end: start a new greening scenario, draw a row of trees along a street
 * on the map, and see the difference map (cooler under the crowns, nothing far away) and the summary.
 */
const START = { lon: 5.1226, lat: 52.0898 };
const END = { lon: 5.1232, lat: 52.088 };
const MIDDLE = { lon: (START.lon + END.lon) / 2, lat: (START.lat + END.lat) / 2 };
/** Under the crowns, a few metres beside the drawn line (which is outlined on the map). */
const UNDER = { lon: MIDDLE.lon + 0.00006, lat: MIDDLE.lat };
/** 170 m east of the street: open ground in the sample, well beyond the trees' shade. */
const FAR = { lon: MIDDLE.lon + 0.0025, lat: MIDDLE.lat };

/** The difference map's cooling colours: blue clearly above red. */
const isCooler = ([r, , b]: Rgb) => b > 120 && b - r > 40;

test('a row of trees drawn on a street cools it, shown in the difference map and the summary', async ({
  page,
}) => {
  await page.goto(`/?cam=${MIDDLE.lon.toFixed(6)},${MIDDLE.lat.toFixed(6)},450.0,0.0,-90.0,0.0`);
  await waitForSettledScene(page);
  await page.getByRole('button', { name: 'Nieuw hittescenario' }).click();
  await expect(page.getByTestId('scenario-results')).toBeVisible({ timeout: 120_000 });
  await expect(page.locator('[data-indicator="pet.mean"] td').first()).not.toHaveText('–');
  // The model's notes come from the worker as message keys and read in Dutch, with the date written out.
  const notes = page.locator('.scenario-results__notes');
  await expect(notes).toContainText('Gevoelstemperatuur (PET) op 1,2 m hoogte op 1 juli 2015');
  await expect(notes).not.toContainText('Felt temperature');
  await page.locator('.scenario-results .legend').scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('heat-legend.png') });
  await notes.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('heat-notes.png') });

  await page.getByRole('button', { name: 'Bomenrij', exact: true }).click();
  await expect(page.getByText('Klik op het begin en daarna op het eind van de rij.')).toBeVisible();
  await waitForSettledScene(page);
  for (const point of [START, END]) {
    const at = await projectToScreen(page, point.lon, point.lat, 0);
    await page.mouse.click(at.x, at.y);
  }
  await expect(page.locator('.scenario-panel__changes li')).toContainText(['Bomenrij']);
  const change = page.locator('[data-indicator="drawn.meanPetChange"] td').nth(1);
  await expect(change).toHaveText(/^−|^-/, { timeout: 120_000 });

  await page.evaluate(() => document.getElementById('scenario-display-difference')!.click());
  await page.evaluate(() => window.tweeling!.requestRender());
  await waitForSettledScene(page);
  const shot = await screenshotPixels(page);
  await page.screenshot({ path: test.info().outputPath('heat-difference.png') });
  const under = await projectToScreen(page, UNDER.lon, UNDER.lat, 0);
  const far = await projectToScreen(page, FAR.lon, FAR.lat, 0);
  expect(shareAround(shot, under.x, under.y, 3, isCooler)).toBeGreaterThan(0.5);
  expect(shareAround(shot, far.x, far.y, 4, isCooler)).toBe(0);
});

import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { projectToScreen, screenshotPixels, shareAround, waitForSettledScene, type Rgb } from './helpers.ts';

/**
 * The crowd monitor for an event team: the control room replays the bundled event day at the app's
 * clock time, with large numbers, the warnings list, and the sites coloured on the map beside it.
 */
const eventDay = JSON.parse(
  readFileSync(new URL('../../public/data/crowd/counting-sample-event.json', import.meta.url), 'utf8'),
) as { sites: { id: string; lon: number; lat: number }[] };
const square = eventDay.sites.find((s) => s.id === 'vredenburg-plein')!;

/** Straight down, east of Vredenburg, so the square lies in the map strip left of the control room. */
const CAMERA = '5.119000,52.092650,650.0,0.0,-90.0,0.0';
/** Fruin F / above 2.17 p/m² (dark red, drawn at 75 % over the light ground). */
const isVeryCrowded = ([r, g, b]: Rgb) => r > 120 && g < 100 && b < 100 && r - g > 70;

test('the control room shows the event day at 19:30: alert on Vredenburg, on the map too', async ({
  page,
}) => {
  await page.goto(`/?cam=${CAMERA}&crowd=event&view=control&t=2026-11-21T19:30`);
  const room = page.getByTestId('control-room');
  await expect(room).toBeVisible();
  await expect(room.locator('.control-room__clock')).toHaveText('19:30');
  await expect(room.getByTestId('crowd-status')).toContainText('Tellingen tot 19:30');
  const warnings = room.getByTestId('crowd-warnings');
  await expect(warnings.locator('li').first()).toContainText('Vredenburg (plein): alarm');
  await expect(warnings.locator('li').first()).toContainText('zekerheid');
  const tile = room.locator('[data-site="vredenburg-plein"]');
  await expect(tile).toHaveAttribute('data-warning', 'alert');
  await expect(tile.locator('.site-tile__density')).toContainText('p/m²');
  await expect(room.locator('.site-tile').first()).toHaveAttribute('data-site', 'vredenburg-plein');

  await waitForSettledScene(page);
  const at = await projectToScreen(page, square.lon, square.lat, 0);
  const box = (await room.boundingBox())!;
  expect(at.x).toBeLessThan(box.x - 20);
  const shot = await screenshotPixels(page);
  await page.screenshot({ path: test.info().outputPath('control-room.png') });
  expect(shareAround(shot, at.x, at.y, 6, isVeryCrowded)).toBeGreaterThan(0.5);

  // The same square on an ordinary Saturday at the same time is not in the alert colour.
  await page.getByRole('button', { name: 'Controlekamer sluiten' }).click();
  await page.getByLabel('Voorbeelddag').selectOption('saturday');
  await expect(page).toHaveURL(/crowd=saturday/);
  await page.evaluate(() => window.tweeling!.requestRender());
  await waitForSettledScene(page);
  const ordinary = await screenshotPixels(page);
  const again = await projectToScreen(page, square.lon, square.lat, 0);
  expect(shareAround(ordinary, again.x, again.y, 6, isVeryCrowded)).toBe(0);
});

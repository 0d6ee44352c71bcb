import { expect, test } from '@playwright/test';
import {
  hideUiOverMap,
  recordRequests,
  screenshotPixels,
  shareAround,
  solidPng,
  waitForSettledScene,
} from './helpers.ts';

const TILE_COLOUR: [number, number, number] = [40, 110, 200];

test('the PDOK aerial photo is requested from PDOK, drawn under the buildings and credited', async ({
  page,
}) => {
  const tile = solidPng(TILE_COLOUR);
  await page.route('https://service.pdok.nl/**', (route) =>
    route.fulfill({ body: tile, contentType: 'image/png', headers: { 'access-control-allow-origin': '*' } }),
  );
  const requests = recordRequests(page);
  // Looking down at open ground north of the sample keeps buildings out of the middle of the picture.
  await page.goto('/?v=1&cam=5.150000,52.110000,600.0,0.0,-89.0,0.0');
  await waitForSettledScene(page);
  await page.getByLabel('Luchtfoto PDOK (internet)').check();
  await waitForSettledScene(page);

  expect(requests.some((url) => url.startsWith('https://service.pdok.nl/hwh/luchtfotorgb/wmts/v1_0/'))).toBe(
    true,
  );
  await expect(page.getByTestId('attribution')).toContainText('Beeldmateriaal Nederland / PDOK');

  await hideUiOverMap(page);
  const shot = await screenshotPixels(page);
  const close = ([r, g, b]: [number, number, number]) =>
    Math.abs(r - TILE_COLOUR[0]) + Math.abs(g - TILE_COLOUR[1]) + Math.abs(b - TILE_COLOUR[2]) < 30;
  expect(shareAround(shot, shot.width / 2, shot.height / 2 + 40, 10, close)).toBeGreaterThan(0.9);

  // Back to the plain ground: the tile colour is gone.
  await page.addStyleTag({ content: '.side-panel { visibility: visible !important; }' });
  await page.getByLabel('Effen ondergrond (offline)').check();
  await waitForSettledScene(page);
  await hideUiOverMap(page);
  const plain = await screenshotPixels(page);
  expect(shareAround(plain, plain.width / 2, plain.height / 2 + 40, 10, close)).toBeLessThan(0.05);
});

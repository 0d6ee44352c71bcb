import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { enuToEcefMatrix } from '../../src/geo/enu.ts';
import {
  changedFraction,
  hideUiOverMap,
  recordRequests,
  screenshotPixels,
  shareAround,
  solidPng,
  waitForSettledScene,
} from './helpers.ts';

/** Open ground north-east of the sample, looked at from straight above: nothing is drawn there. */
const OPEN_GROUND = { lon: 5.15, lat: 52.11 };
const CAMERA = `/?v=1&cam=${OPEN_GROUND.lon.toFixed(6)},${OPEN_GROUND.lat.toFixed(6)},700.0,0.0,-89.0,0.0`;
const SAMPLE_DIR = new URL('../../tilesets/sample/', import.meta.url);
const WMS_COLOUR: [number, number, number] = [200, 60, 160];

async function addLayer(page: Page, url: string) {
  const form = page.getByTestId('add-layer-form');
  await form.getByLabel('Adres (URL) van de gegevens').fill(url);
  await form.getByRole('button', { name: 'Laag toevoegen' }).click();
}

test('a WMS added from a URL is drawn on the ground', async ({ page }) => {
  const tile = solidPng(WMS_COLOUR);
  await page.route('https://maps.example.org/**', (route) => {
    const request = new URL(route.request().url()).searchParams.get('request')?.toLowerCase();
    const headers = { 'access-control-allow-origin': '*' };
    if (request === 'getcapabilities') {
      return route.fulfill({
        contentType: 'text/xml',
        headers,
        body: '<?xml version="1.0"?><WMS_Capabilities version="1.3.0"><Capability><Layer><Title>Root</Title><Layer><Name>hittestress</Name><Title>Hittestress</Title></Layer></Layer></Capability></WMS_Capabilities>',
      });
    }
    return route.fulfill({ contentType: 'image/png', headers, body: tile });
  });
  const requests = recordRequests(page);
  await page.goto(CAMERA);
  await waitForSettledScene(page);
  await addLayer(page, 'https://maps.example.org/geoserver/wms');
  await expect(page.locator('[data-user-layer="user-1"]')).toContainText('op de kaart getekend');
  await waitForSettledScene(page);

  expect(requests.some((url) => /request=GetMap/i.test(url) && /layers=hittestress/i.test(url))).toBe(true);
  await hideUiOverMap(page);
  const shot = await screenshotPixels(page);
  const isWmsColour = ([r, g, b]: [number, number, number]) =>
    Math.abs(r - WMS_COLOUR[0]) + Math.abs(g - WMS_COLOUR[1]) + Math.abs(b - WMS_COLOUR[2]) < 30;
  expect(shareAround(shot, shot.width / 2, shot.height / 2 + 40, 10, isWmsColour)).toBeGreaterThan(0.9);
});

test('a 3D Tiles layer added from a URL is streamed and drawn', async ({ page }) => {
  // A recorded tileset: the sample's tiles, placed on the open ground by a new root transform.
  await page.route('https://tiles.example.org/city/**', async (route) => {
    const path = route.request().url().slice('https://tiles.example.org/city/'.length).split('?')[0]!;
    const headers = { 'access-control-allow-origin': '*' };
    const body = readFileSync(new URL(path, SAMPLE_DIR));
    if (path !== 'tileset.json') return route.fulfill({ body, contentType: 'model/gltf-binary', headers });
    const tileset = JSON.parse(body.toString('utf8')) as { root: { transform: number[] } };
    tileset.root.transform = enuToEcefMatrix(OPEN_GROUND.lon, OPEN_GROUND.lat, 0);
    return route.fulfill({ json: tileset, headers });
  });
  const requests = recordRequests(page);
  await page.goto(CAMERA);
  await waitForSettledScene(page);
  await hideUiOverMap(page);
  const before = await screenshotPixels(page);
  await page.addStyleTag({ content: '.side-panel { visibility: visible !important; }' });

  await addLayer(page, 'https://tiles.example.org/city/tileset.json');
  await expect(page.locator('[data-user-layer="user-1"]')).toContainText('op de kaart getekend');
  await waitForSettledScene(page);
  expect(
    requests.some((url) => url.startsWith('https://tiles.example.org/city/') && url.endsWith('.glb')),
  ).toBe(true);

  await hideUiOverMap(page);
  const after = await screenshotPixels(page);
  await page.screenshot({ path: test.info().outputPath('user-tileset.png') });
  const mapArea = { x: 420, y: 80, width: before.width - 420, height: before.height - 80 };
  expect(changedFraction(before, after, mapArea)).toBeGreaterThan(0.1);
});

import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { projectToScreen, recordRequests, waitForSettledScene } from './helpers.ts';
import { DOMTOREN_ID, sampleBuilding } from './sample-facts.ts';

const TILESET_URL = 'https://data.3dbag.nl/v20250903/cesium3dtiles/lod22/tileset.json';
const TILE_ROOT = 'https://data.3dbag.nl/v20250903/cesium3dtiles/lod22/';
const SAMPLE_DIR = new URL('../../tilesets/sample/', import.meta.url);
/** 3DBAG tiles carry NAP heights turned ellipsoidal: ~45 m above this app's ground in central Utrecht. */
const THREEDBAG_VERTICAL_OFFSET = 45;

/**
 * Serves a recorded stand-in for the 3DBAG tileset: the sample's tiles, lifted to the heights
 * 3DBAG tiles have, so the app's own height correction is exercised too.
 */
async function serve3dbagFixture(page: Page) {
  await page.route(`${TILE_ROOT}**`, async (route) => {
    const path = route.request().url().slice(TILE_ROOT.length).split('?')[0]!;
    const body = readFileSync(new URL(path, SAMPLE_DIR));
    if (path !== 'tileset.json') {
      await route.fulfill({
        body,
        contentType: 'model/gltf-binary',
        headers: { 'access-control-allow-origin': '*' },
      });
      return;
    }
    const tileset = JSON.parse(body.toString('utf8')) as { root: { transform: number[] } };
    const t = tileset.root.transform;
    const length = Math.hypot(t[12]!, t[13]!, t[14]!);
    for (const i of [12, 13, 14]) t[i] = t[i]! + (t[i]! / length) * THREEDBAG_VERTICAL_OFFSET;
    await route.fulfill({ json: tileset, headers: { 'access-control-allow-origin': '*' } });
  });
}

test('switching to live 3DBAG streams from the configured URL and picks the same way', async ({ page }) => {
  await serve3dbagFixture(page);
  const requests = recordRequests(page);
  await page.goto('/');
  await waitForSettledScene(page);
  expect(requests.some((url) => url.startsWith('https://data.3dbag.nl'))).toBe(false);

  await page.getByLabel('3DBAG live (internet)').check();
  await expect(page).toHaveURL(/src=3dbag/);
  await page.locator('[data-viewpoint="domtoren"]').click();
  await waitForSettledScene(page);
  expect(requests).toContain(TILESET_URL);
  expect(requests.some((url) => url.startsWith(TILE_ROOT) && url.endsWith('.glb'))).toBe(true);
  await expect(page.getByTestId('attribution')).toContainText('3DBAG');

  const dom = sampleBuilding(DOMTOREN_ID);
  const point = await projectToScreen(page, dom.lon, dom.lat, dom.heightAboveGround * 0.7);
  await page.mouse.click(point.x, point.y);
  const info = page.getByTestId('building-info');
  await expect(info.locator('[data-fact="identificatie"]')).toContainText(DOMTOREN_ID);
  await expect(info.locator('[data-fact="source"]')).toContainText('3DBAG v20250903');
});

test('when 3DBAG cannot be reached the app says so and the sample still works', async ({ page }) => {
  await page.route(`${TILE_ROOT}**`, (route) => route.abort('internetdisconnected'));
  await page.goto('/?src=3dbag');
  const status = page.getByTestId('status');
  await expect(status).toHaveAttribute('data-state', 'error');
  await expect(status).toContainText('geen verbinding met de bron');
  await expect(status).toContainText('Kies het voorbeeld');

  await page.getByLabel('Voorbeeld (offline)').check();
  await waitForSettledScene(page);
  await expect(status).toHaveAttribute('data-state', 'ready');
});

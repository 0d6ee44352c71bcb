import { expect, test } from '@playwright/test';
import { waitForSettledScene } from './helpers.ts';

/**
 * Adding a layer from a URL: the address is checked, the data loaded through the fetch wrapper and
 * drawn; failures are worded like any source's. The "remote" host is answered by `page.route`.
 */
const PARKS_URL = 'https://data.example.org/utrecht/parken.geojson';
const PARKS = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { naam: 'Domplein', soort: 'plein' },
      geometry: { type: 'Point', coordinates: [5.1213, 52.0907] },
    },
    {
      type: 'Feature',
      properties: { naam: 'Lijnmarkt', soort: 'straat' },
      geometry: {
        type: 'LineString',
        coordinates: [
          [5.1185, 52.0912],
          [5.1196, 52.0921],
        ],
      },
    },
    {
      type: 'Feature',
      properties: { naam: 'Janskerkhof' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [5.1222, 52.0929],
            [5.1235, 52.0929],
            [5.1235, 52.0937],
            [5.1222, 52.0937],
            [5.1222, 52.0929],
          ],
        ],
      },
    },
  ],
};

test('a GeoJSON layer can be added from a URL; bad addresses and failing hosts are explained', async ({
  page,
}) => {
  await page.route('https://data.example.org/**', (route) =>
    route.request().url() === PARKS_URL
      ? route.fulfill({ json: PARKS, headers: { 'access-control-allow-origin': '*' } })
      : route.fulfill({
          status: 404,
          json: { error: 'not found' },
          headers: { 'access-control-allow-origin': '*' },
        }),
  );
  await page.goto('/?cam=5.121300,52.085000,900.0,0.0,-50.0,0.0');
  const form = page.getByTestId('add-layer-form');
  const url = form.getByLabel('Adres (URL) van de gegevens');

  await url.fill('ftp://data.example.org/parken.geojson');
  await form.getByRole('button', { name: 'Laag toevoegen' }).click();
  await expect(form.getByRole('alert')).toContainText('Alleen adressen met http:// of https://');

  await url.fill('https://data.example.org/onbekend');
  await form.getByRole('button', { name: 'Laag toevoegen' }).click();
  await expect(form.getByRole('alert')).toContainText('Kies de soort');

  await url.fill(PARKS_URL);
  await form.getByRole('button', { name: 'Laag toevoegen' }).click();
  const entry = page.locator('[data-user-layer="user-1"]');
  await expect(entry).toHaveAttribute('data-state', 'ready');
  await expect(entry).toContainText('3 objecten geladen');
  await expect(page).not.toHaveURL(/user-1/);

  // Drawn on the map: the point on the Domplein can be picked and tells where it comes from.
  await waitForSettledScene(page);
  const point = await page.evaluate(() => window.tweelingOverlay?.deckProject(5.1213, 52.0907, 0) ?? null);
  expect(point).not.toBeNull();
  await expect
    .poll(() => page.evaluate(({ x, y }) => window.tweelingOverlay!.pickTitle(x, y), point!))
    .toBe('Domplein');

  await url.fill('https://data.example.org/weg.geojson');
  await form.getByRole('button', { name: 'Laag toevoegen' }).click();
  const failed = page.locator('[data-user-layer="user-2"]');
  await expect(failed).toHaveAttribute('data-state', 'error');
  await expect(failed).toContainText('data.example.org kent het gevraagde niet (HTTP 404)');
  await failed.getByRole('button', { name: 'Verwijderen' }).click();
  await expect(failed).toHaveCount(0);
  await expect(entry).toBeVisible();
});

import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import proj4 from 'proj4';
import { hideUiOverMap, pixelAt, screenshotPixels, waitForSettledScene } from './helpers.ts';

/**
 * Hard inputs (issue 14): an RD New GeoJSON file is drawn where it belongs, and a scenario file or
 * link past its limit is refused with the limit while the loaded scenario stays and the tab stays
 * responsive.
 */

// RD New as published for EPSG:28992 (the same definition as src/geo/rd.ts).
const RD =
  '+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000 ' +
  '+ellps=bessel +towgs84=565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725 +units=m +no_defs';
const DOMPLEIN: [number, number] = [5.1213, 52.0907];

/** A 60 m square on the Domplein, in RD metres, as GDAL writes it (GeoJSON 2008 crs member). */
function rdSquare(): object {
  const [x, y] = proj4('WGS84', RD, DOMPLEIN) as [number, number];
  const h = 30;
  return {
    type: 'FeatureCollection',
    crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
    features: [
      {
        type: 'Feature',
        properties: { naam: 'Domplein (RD)' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [x - h, y - h],
              [x + h, y - h],
              [x + h, y + h],
              [x - h, y + h],
              [x - h, y - h],
            ],
          ],
        },
      },
    ],
  };
}

/** The layer's orange fill (255, 120, 0 at 160/255 over the scene). */
function isOrange([r, g, b]: [number, number, number]): boolean {
  return r > 170 && g > 50 && g < 180 && b < 110 && r - b > 110;
}

/** Milliseconds for a round trip through the page's event loop: the tab is alive and responsive. */
async function responsiveness(page: Page): Promise<number> {
  const started = Date.now();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  return Date.now() - started;
}

test('an RD New GeoJSON file is converted and drawn at its place on the map', async ({ page }) => {
  await page.goto('/?cam=5.121300,52.085000,900.0,0.0,-50.0,0.0');
  await page.getByLabel('Of kies een GeoJSON-bestand').setInputFiles({
    name: 'domplein-rd.geojson',
    mimeType: 'application/geo+json',
    buffer: Buffer.from(JSON.stringify(rdSquare())),
  });
  const entry = page.locator('[data-user-layer="user-1"]');
  await expect(entry).toHaveAttribute('data-state', 'ready');
  await expect(entry).toContainText('1 objecten geladen');
  await expect(entry).toContainText('Omgerekend van RD');

  await waitForSettledScene(page);
  const point = await page.evaluate(
    ([lon, lat]) => window.tweelingOverlay?.deckProject(lon, lat, 0) ?? null,
    DOMPLEIN,
  );
  expect(point).not.toBeNull();
  await expect
    .poll(() => page.evaluate(({ x, y }) => window.tweelingOverlay!.pickTitle(x, y), point!))
    .toBe('Domplein (RD)');
  // Pixels: the square's fill is at the Domplein in the screenshot, and not far away from it.
  await hideUiOverMap(page);
  await waitForSettledScene(page);
  const png = await screenshotPixels(page);
  let near = 0;
  for (let dy = -4; dy <= 4; dy++)
    for (let dx = -4; dx <= 4; dx++) if (isOrange(pixelAt(png, point!.x + dx, point!.y + dy))) near++;
  expect(near, `orange pixels around (${point!.x}, ${point!.y})`).toBeGreaterThan(60);
  const far = await page.evaluate(() => window.tweelingOverlay!.deckProject(5.1213, 52.0967, 0));
  if (far && far.y > 0 && far.y < png.height)
    expect(isOrange(pixelAt(png, far.x, far.y)), '660 m north of the square').toBe(false);
});

test('a scenario file or link past its limit is refused with the limit; nothing changes', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByLabel('Voorbeeldscenario').selectOption('vredenburg-stage');
  await page.getByRole('button', { name: 'Voorbeeld openen' }).click();
  await expect(page.getByTestId('scenario-results')).toBeVisible({ timeout: 90_000 });
  const name = 'Podium op het Vredenburg (zaterdag)';
  await expect(page.locator('#scenario-name')).toHaveText(name);

  // A file over 1 MB: refused before it is read.
  const example = JSON.parse(
    readFileSync(new URL('../../scenarios/vredenburg-stage.json', import.meta.url), 'utf8'),
  ) as Record<string, unknown>;
  const big = { ...example, description: 'x'.repeat(1_100_000) };
  await page.getByLabel('Scenariobestand openen (.json)').setInputFiles({
    name: 'te-groot.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(big)),
  });
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('“te-groot.json” is niet geladen. Er is niets veranderd.');
  await expect(alert).toContainText('groter dan 1 MB');
  await expect(page.locator('#scenario-name')).toHaveText(name);
  await expect(page.getByTestId('scenario-results')).toBeVisible();

  // A link that inflates to 4 MB (~5 KB of address; servers refuse much longer ones): refused while inflating.
  const bomb = Buffer.alloc(4 * 1024 * 1024, 0x20);
  bomb.write('{"name":"', 0);
  const token = 'd' + deflateRawSync(bomb, { level: 9 }).toString('base64url');
  const started = Date.now();
  await page.goto(`/?sc=${token}`);
  await expect(page.getByRole('alert')).toContainText('Het scenario in de link is niet geladen');
  await expect(page.getByRole('alert')).toContainText('wordt uitgepakt groter dan 1 MB');
  const refusedMs = Date.now() - started;
  const roundTrip = await responsiveness(page);
  console.info(
    `[input-limits e2e] ${token.length}-character link of 4 MB refused ${refusedMs} ms after navigation; ` +
      `event-loop round trip after: ${roundTrip} ms`,
  );
  expect(roundTrip).toBeLessThan(2_000);
});

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test, type Page } from '@playwright/test';
import {
  differingShareAround,
  hideUiOverMap,
  pixelAt,
  projectToScreen,
  screenshotPixels,
  shareAround,
  waitForSettledScene,
  type Rgb,
} from './helpers.ts';

/**
 * The cycling scenario end to end: start a new one, pick the morning peak, close Vredenburg to bikes
 * from the map popup (or, without a mouse, from the street list), and see the flows move: the
 * Oudegracht band east of the Neude widens and turns red, the Potterstraat empties, and the
 * travel-time table shows the longer trip from the Neude to Utrecht Centraal, over the detour limit.
 * A new link drawn with two clicks on the map joins the network.
 */
const network = JSON.parse(
  readFileSync(
    new URL('../../public/data/cycling/utrecht-centre-bike-network.json', import.meta.url),
    'utf8',
  ),
) as {
  nodes: { id: string; lon: number; lat: number }[];
  links: { id: string; geometry: [number, number][] }[];
};
const junction = (id: string) => network.nodes.find((n) => n.id === id)!;

const METRES_PER_DEGREE = 111_320;

/** A point part of the way along a link's drawn line, moved `side` metres to its left. */
function alongLink(id: string, fraction: number, side = 0): { lon: number; lat: number } {
  const line = network.links.find((l) => l.id === id)!.geometry;
  const cos = Math.cos((line[0]![1] * Math.PI) / 180);
  const metres = (a: [number, number], b: [number, number]) =>
    Math.hypot((b[0] - a[0]) * cos, b[1] - a[1]) * METRES_PER_DEGREE;
  let left = line.slice(1).reduce((sum, p, i) => sum + metres(line[i]!, p), 0) * fraction;
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1]!;
    const b = line[i]!;
    const length = metres(a, b);
    if (left > length && i < line.length - 1) {
      left -= length;
      continue;
    }
    const f = left / length;
    // Unit normal to the left of a → b, in metres east and north.
    const east = ((b[0] - a[0]) * cos * METRES_PER_DEGREE) / length;
    const north = ((b[1] - a[1]) * METRES_PER_DEGREE) / length;
    return {
      lon: a[0] + (b[0] - a[0]) * f + (-north * side) / (METRES_PER_DEGREE * cos),
      lat: a[1] + (b[1] - a[1]) * f + (east * side) / METRES_PER_DEGREE,
    };
  }
  throw new Error(`no link ${id}`);
}

/** Straight down over the Oudegracht between Vredenburg and the Dom: streets open to the sky. */
const TOP_DOWN = '5.117500,52.092500,650.0,0.0,-90.0,0.0';
const NEUDE_TO_CENTRAAL = 'Neude (binnenstad noord) → Utrecht Centraal (station en stallingen)';

/**
 * Band colours of the legend, in × the volume where level of service F begins (Botma 1995): ≥ 1.5
 * dark red, below 0.8 blue.
 */
const isDarkRed = ([r, g, b]: Rgb) => r > 120 && r < 200 && g < 40 && b < 80;
const isBlue = ([r, , b]: Rgb) => b > 140 && b - r > 80;

async function newCyclingScenario(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Nieuw fietsscenario' }).click();
  await expect(page.getByTestId('cycling-od-table')).toBeVisible({ timeout: 90_000 });
}

/** Waits for the run an edit started (the panel's status says done, the change is listed). */
async function waitForRun(page: Page, change: string): Promise<void> {
  await expect(page.locator('.scenario-panel__changes')).toContainText(change);
  await expect(page.locator('.scenario-panel__status')).toHaveAttribute('data-status', 'done');
}

/** WCAG 2.1 A/AA rules of axe-core that the page breaks now, as "rule: element" lines. */
async function wcagProblems(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: {
        run: (
          context: unknown,
          options: unknown,
        ) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
      };
    };
    const { violations } = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

const odRow = (page: Page) => page.locator(`[data-od="${NEUDE_TO_CENTRAAL}"]`);

test('closing a street on the map moves the flows to its neighbours and lengthens trips', async ({
  page,
}) => {
  await page.goto(`/?cam=${TOP_DOWN}`);
  await newCyclingScenario(page);
  await page.getByLabel('Uur voor de reistijden en knelpunten').selectOption('8');
  await expect(page.getByTestId('scenario-time')).toHaveText('Getoond: 08:00');
  await expect(page.getByTestId('cycling-od-table')).toContainText('werkdag, 08:00–09:00');
  await expect(odRow(page).locator('td').nth(1)).toHaveText('4,2');
  await expect(odRow(page)).not.toContainText('te veel omweg');

  await hideUiOverMap(page);
  await waitForSettledScene(page);
  // The Oudegracht east of the Neude, and a point 6 m beside it (outside today's band); clear of
  // the hotspot markers in the middle of each street.
  const oudegracht = alongLink('oudegracht-oost', 0.3);
  const beside = alongLink('oudegracht-oost', 0.3, 6);
  const potterstraat = alongLink('potterstraat', 0.25);
  const vredenburg = alongLink('vredenburg', 0.2);
  const at = {
    oudegracht: await projectToScreen(page, oudegracht.lon, oudegracht.lat, 0),
    beside: await projectToScreen(page, beside.lon, beside.lat, 0),
    potterstraat: await projectToScreen(page, potterstraat.lon, potterstraat.lat, 0),
    vredenburg: await projectToScreen(page, vredenburg.lon, vredenburg.lat, 0),
  };
  const before = await screenshotPixels(page);
  await page.screenshot({ path: test.info().outputPath('cycling-before.png') });
  // At 08:00 the Oudegracht (1,309/h on 3.5 m, 1.8 × where LoS F begins) and Vredenburg (1.7 ×) are dark red.
  expect(shareAround(before, at.oudegracht.x, at.oudegracht.y, 1, isDarkRed)).toBeGreaterThan(0.5);
  expect(shareAround(before, at.beside.x, at.beside.y, 1, isDarkRed)).toBe(0);
  expect(shareAround(before, at.potterstraat.x, at.potterstraat.y, 1, isDarkRed)).toBeGreaterThan(0.5);
  expect(shareAround(before, at.vredenburg.x, at.vredenburg.y, 1, isDarkRed)).toBeGreaterThan(0.5);

  // Click Vredenburg: the popup names it and offers to close it to cyclists.
  await page.mouse.click(at.vredenburg.x, at.vredenburg.y);
  const popup = page.getByTestId('feature-info');
  await expect(popup).toContainText('Vredenburg');
  await expect(popup).toContainText('Fietsers, werkdag 08:00–09:00');
  await popup.getByRole('button', { name: 'Afsluiten voor fietsers' }).click();
  await waitForRun(page, 'Afgesloten voor fietsers: Vredenburg');

  await page.evaluate(() => window.tweeling!.requestRender());
  await waitForSettledScene(page);
  const after = await screenshotPixels(page);
  await page.screenshot({ path: test.info().outputPath('cycling-after.png') });
  const report = (name: keyof typeof at) =>
    `${name}: ${pixelAt(before, at[name].x, at[name].y).join(',')} → ${pixelAt(after, at[name].x, at[name].y).join(',')}`;
  test.info().annotations.push({
    type: 'pixels',
    description: (['oudegracht', 'beside', 'potterstraat', 'vredenburg'] as const).map(report).join('; '),
  });
  // The Oudegracht takes Vredenburg's cyclists: its dark red band is wider than before.
  expect(shareAround(after, at.oudegracht.x, at.oudegracht.y, 1, isDarkRed)).toBeGreaterThan(0.5);
  expect(shareAround(after, at.beside.x, at.beside.y, 1, isDarkRed)).toBeGreaterThan(0.5);
  // The Potterstraat, only reached over Vredenburg from the station, empties; Vredenburg is closed.
  expect(shareAround(after, at.potterstraat.x, at.potterstraat.y, 1, isBlue)).toBeGreaterThan(0.5);
  expect(shareAround(after, at.vredenburg.x, at.vredenburg.y, 1, isDarkRed)).toBe(0);

  // The difference map: red where cyclists are gained, blue where they are lost.
  await page.evaluate(() => document.getElementById('scenario-display-difference')!.click());
  await page.evaluate(() => window.tweeling!.requestRender());
  await waitForSettledScene(page);
  const change = await screenshotPixels(page);
  await page.screenshot({ path: test.info().outputPath('cycling-difference.png') });
  test.info().annotations.push({
    type: 'pixels',
    description: `difference: oudegracht ${pixelAt(change, at.oudegracht.x, at.oudegracht.y).join(',')}, potterstraat ${pixelAt(change, at.potterstraat.x, at.potterstraat.y).join(',')}`,
  });
  expect(shareAround(change, at.oudegracht.x, at.oudegracht.y, 1, isDarkRed)).toBeGreaterThan(0.5);
  expect(shareAround(change, at.potterstraat.x, at.potterstraat.y, 1, isBlue)).toBeGreaterThan(0.5);

  // The trip from the Neude to the station now takes longer, over the detour limit.
  await expect(odRow(page).locator('td').nth(1)).toHaveText('6,0');
  await expect(odRow(page).locator('td').nth(2)).toHaveText('+1,9');
  await expect(odRow(page)).toContainText('te veel omweg');
});

test('without a mouse: close a street from the list, see the table change, and undo', async ({ page }) => {
  await page.goto('/');
  await newCyclingScenario(page);
  await expect(odRow(page).locator('td').nth(1)).toHaveText('4,2');
  const street = page.getByLabel('Straat', { exact: true });
  await street.selectOption({ label: 'Vredenburg' });
  await expect(page.getByTestId('cycling-street-status')).toHaveText(
    'Nu: open, twee richtingen, 18 km/u, 10 m breed.',
  );
  // The first button after the list closes the street; Tab and Enter reach it.
  await street.focus();
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveText('Afsluiten voor fietsers');
  await page.keyboard.press('Enter');
  await waitForRun(page, 'Afgesloten voor fietsers: Vredenburg');
  await expect(page.getByTestId('cycling-street-status')).toHaveText('Nu: afgesloten voor fietsers.');
  // Focus stays on the button, which now reopens the street.
  await expect(page.locator(':focus')).toHaveText('Weer openstellen voor fietsers');
  await expect(odRow(page).locator('td').nth(1)).toHaveText('6,0');
  await expect(page.locator('[data-indicator="tripsOverDetour"] td').nth(2)).not.toHaveText('0');

  // The editor with every part open, and the results, meet the WCAG rules axe-core checks.
  for (const fold of await page.locator('details.cycling-editor__more > summary').all()) await fold.click();
  expect(await wcagProblems(page)).toEqual([]);

  await page.getByRole('button', { name: 'Ongedaan maken' }).click();
  await expect(page.locator('.scenario-panel__changes')).not.toContainText('Vredenburg');
  await expect(page.locator('.scenario-panel__status')).toHaveAttribute('data-status', 'done');
  await expect(odRow(page).locator('td').nth(1)).toHaveText('4,2');
});

test('a new link drawn on the map with two clicks joins the network and carries cyclists', async ({
  page,
}) => {
  await page.goto(`/?cam=${TOP_DOWN}`);
  await newCyclingScenario(page);
  await page.getByRole('button', { name: 'Verbinding tekenen op de kaart' }).click();
  await expect(page.getByTestId('cycling-draw-status')).toContainText('waar de verbinding begint');
  await hideUiOverMap(page);
  await waitForSettledScene(page);
  const from = junction('vredenburg-zw');
  const to = junction('bakkerbrug');
  const mid = { lon: from.lon + (to.lon - from.lon) * 0.7, lat: from.lat + (to.lat - from.lat) * 0.7 };
  const at = await projectToScreen(page, mid.lon, mid.lat, 0);
  const before = await screenshotPixels(page);

  // Each click lands a few metres off the junction and snaps to it.
  const start = await projectToScreen(page, from.lon + 0.0001, from.lat, 0);
  await page.mouse.click(start.x, start.y);
  await expect(page.getByTestId('cycling-draw-status')).toContainText(
    'Begin: Vredenburg (zuid, TivoliVredenburg)',
  );
  const end = await projectToScreen(page, to.lon, to.lat - 0.0001, 0);
  await page.mouse.click(end.x, end.y);
  await waitForRun(
    page,
    'Nieuwe verbinding: Nieuwe verbinding Vredenburg (zuid, TivoliVredenburg) – Bakkerbrug',
  );

  await page.evaluate(() => window.tweeling!.requestRender());
  await waitForSettledScene(page);
  const after = await screenshotPixels(page);
  await page.screenshot({ path: test.info().outputPath('cycling-new-link.png') });
  test.info().annotations.push({
    type: 'pixels',
    description: `new link: ${pixelAt(before, at.x, at.y).join(',')} → ${pixelAt(after, at.x, at.y).join(',')}`,
  });
  // Where there was no street, the new link's band (or its white dashes) is drawn now.
  expect(differingShareAround(before, after, at, 2)).toBeGreaterThan(0.5);
  await expect(page.locator('[data-indicator="meanTripMinutes"] td').nth(2)).not.toHaveText('0');
});

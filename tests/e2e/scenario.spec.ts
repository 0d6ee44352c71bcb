import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import {
  hideUiOverMap,
  projectToScreen,
  screenshotPixels,
  shareAround,
  waitForSettledScene,
  type Rgb,
} from './helpers.ts';

/**
 * The crowd event scenario end to end: open an example from the panel, it runs in the worker,
 * the warnings list names the bottlenecks, the streets are coloured by Level of Service on the
 * map (checked in the pixels), and the address carries the scenario so a link reopens the same result.
 */
const network = JSON.parse(
  readFileSync(new URL('../../public/data/crowd/pedestrian-network.json', import.meta.url), 'utf8'),
) as { nodes: { id: string; lon: number; lat: number }[]; links: { id: string; from: string; to: string }[] };

/** A point part of the way along a link (clear of the bottleneck marker at its middle). */
function alongLink(id: string, fraction: number): { lon: number; lat: number } {
  const link = network.links.find((l) => l.id === id)!;
  const a = network.nodes.find((n) => n.id === link.from)!;
  const b = network.nodes.find((n) => n.id === link.to)!;
  return { lon: a.lon + (b.lon - a.lon) * fraction, lat: a.lat + (b.lat - a.lat) * fraction };
}

/** Straight down over Vredenburg: no building stands between the camera and the streets. */
const TOP_DOWN = '5.116500,52.092800,650.0,0.0,-90.0,0.0';

/** Fruin LoS F (dark red) and E (red-orange): the colours of a jammed street. */
const isJammed = ([r, g, b]: Rgb) => r > 120 && g < 110 && b < 90 && r - g > 80;
/** LoS A–C: blue to pale yellow, never a saturated red. */
const isCalm = ([r, , b]: Rgb) => b > 80 && r - b < 120;

async function openExample(page: Page, id: string): Promise<void> {
  await page.getByLabel('Voorbeeldscenario').selectOption(id);
  await page.getByRole('button', { name: 'Voorbeeld openen' }).click();
  await expect(page.getByTestId('scenario-results')).toBeVisible({ timeout: 90_000 });
}

test('an event scenario runs, lists its bottlenecks and colours the streets', async ({ page }) => {
  await page.goto(`/?cam=${TOP_DOWN}`);
  await waitForSettledScene(page);
  await openExample(page, 'vredenburg-concert-exit');

  const warnings = page.getByTestId('scenario-warnings');
  // Worst first: the north side of Vredenburg, where the west exit's Neude-bound visitors queue for
  // Lange Viestraat (narrowed to 4.5 m), passes 4 p/m²; the east side, shared by the crowds to the
  // station and to Neude in two lanes, reaches LoS F; Lange Viestraat itself is busy (LoS E).
  const items = warnings.getByRole('listitem');
  await expect(items.first()).toContainText('Vredenburg (noordzijde, langs de gevels): gevaar (≥ 4 p/m²)');
  await expect(warnings).toContainText('Vredenburg (oostzijde, langs de gevels): alarm (Fruin F)');
  await expect(warnings).toContainText('Lange Viestraat (west)');
  await expect(page.locator('[data-indicator="peakDensity"] td').nth(2)).not.toHaveText('0');
  await expect(page.getByTestId('scenario-time')).toContainText('22:');

  // Compared with the other Vredenburg example: an extra column with its own, lower peak.
  await page
    .getByLabel('Vergelijk met een ander scenario')
    .selectOption({ label: 'Podium op het Vredenburg (zaterdag)' });
  await page.getByRole('button', { name: 'Vergelijken', exact: true }).click();
  const table = page.locator('.scenario-results__table');
  await expect(table.locator('thead th').nth(4)).toHaveText('Podium op het Vredenburg (zaterdag)');
  const peaks = await table.locator('[data-indicator="peakDensity"] td').allInnerTexts();
  const number = (text: string) => Number(text.replace(',', '.'));
  expect(number(peaks[3]!)).toBeLessThan(number(peaks[1]!));

  await hideUiOverMap(page);
  await waitForSettledScene(page);
  // The east side of Vredenburg, between its buildings: open to the sky in the sample.
  const point = alongLink('vredenburg-gevels-oost', 0.65);
  const at = await projectToScreen(page, point.lon, point.lat, 0);
  const scenarioShot = await screenshotPixels(page);
  await page.screenshot({ path: test.info().outputPath('scenario-peak.png') });
  expect(shareAround(scenarioShot, at.x, at.y, 2, isJammed)).toBeGreaterThan(0.5);

  // The ordinary Saturday at the same moment: the same street is calm.
  await page.evaluate(() => document.getElementById('scenario-display-baseline')!.click());
  await page.evaluate(() => window.tweeling!.requestRender());
  await waitForSettledScene(page);
  const normalShot = await screenshotPixels(page);
  expect(shareAround(normalShot, at.x, at.y, 2, isJammed)).toBe(0);
  expect(shareAround(normalShot, at.x, at.y, 2, isCalm)).toBeGreaterThan(0.5);
});

test('a share link reopens the same scenario at the same moment with the same result', async ({
  page,
  context,
}) => {
  await page.goto(`/?cam=${TOP_DOWN}`);
  await openExample(page, 'vredenburg-concert-exit');
  await page
    .getByRole('button', { name: /^Toon / })
    .first()
    .click();
  await expect(page).toHaveURL(/sc=d[A-Za-z0-9_-]+/);
  await expect(page).toHaveURL(/sct=\d\d:\d\d/);
  const table = await page.locator('.scenario-results__table').innerText();
  const shown = await page.getByTestId('scenario-time').innerText();
  const link = page.url();

  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByTestId('scenario-warnings')).toBeVisible({ timeout: 90_000 });
  await expect(other.getByText('Geladen scenario: gedeelde link')).toBeVisible();
  await expect(other.getByTestId('scenario-time')).toHaveText(shown);
  expect(await other.locator('.scenario-results__table').innerText()).toBe(table);
  expect(other.url()).toBe(link);
});

test('a malformed scenario file is refused with its problems and nothing changes', async ({ page }) => {
  await page.goto('/');
  await openExample(page, 'vredenburg-stage');
  const bad = JSON.parse(
    readFileSync(new URL('../../scenarios/vredenburg-stage.json', import.meta.url), 'utf8'),
  ) as {
    changes: { visitors?: number; link?: string }[];
  };
  bad.changes[0]!.visitors = -10;
  bad.changes[1]!.link = 'lange-viestraatt';
  await page.getByLabel('Scenariobestand openen (.json)').setInputFiles({
    name: 'kapot.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bad)),
  });
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('“kapot.json” is niet geladen. Er is niets veranderd.');
  await expect(alert).toContainText('changes[0].visitors');
  await expect(page.locator('#scenario-name')).toHaveText('Podium op het Vredenburg (zaterdag)');
  await expect(page.getByTestId('scenario-results')).toBeVisible();
});

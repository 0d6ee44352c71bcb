import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { isLocal, recordRequests, waitForSettledScene } from './helpers.ts';

const places = JSON.parse(
  readFileSync(new URL('../../public/data/sample-places.json', import.meta.url), 'utf8'),
) as {
  name: string;
  lon: number;
  lat: number;
}[];

test('offline search finds a sample place and flies there', async ({ page }) => {
  const requests = recordRequests(page);
  await page.goto('/');
  await waitForSettledScene(page);
  await page.getByRole('searchbox', { name: 'Zoek een plek of adres' }).fill('neude');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  const result = page.locator('.search-results button').first();
  await expect(result).toContainText('Neude');
  await result.click();
  await waitForSettledScene(page);
  const camera = await page.evaluate(() => window.tweeling!.camera());
  // The camera looks at Neude from a few hundred metres.
  const neude = places.find((place) => place.name === 'Neude')!;
  const distance = Math.hypot((camera.lon - neude.lon) * 68_600, (camera.lat - neude.lat) * 111_320);
  expect(distance).toBeLessThan(600);
  expect(requests.filter((url) => !isLocal(url))).toEqual([]);
});

test('a search with no match says so', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('searchbox', { name: 'Zoek een plek of adres' }).fill('Maastricht Vrijthof');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page.getByText('Niets gevonden voor “Maastricht Vrijthof”.')).toBeVisible();
});

import { expect, test } from '@playwright/test';
import { waitForSettledScene, wcagViolations, type AxeViolation } from './helpers.ts';

const summary = (violations: AxeViolation[]) =>
  violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );

test('the viewer meets WCAG 2.1 A/AA rules (axe-core) in Dutch, with a building selected, and in English', async ({
  page,
}) => {
  await page.goto('/?v=1&layers=crowd-sample:80');
  await waitForSettledScene(page);
  expect(summary(await wcagViolations(page))).toEqual([]);

  await page.locator('#map').focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect(summary(await wcagViolations(page))).toEqual([]);
});

test('on a tablet the menu folds away and opens from the header', async ({ page }) => {
  await page.setViewportSize({ width: 820, height: 1180 });
  await page.goto('/');
  await expect(page.locator('#panel')).toBeHidden();
  await page.getByRole('button', { name: 'Menu', exact: true }).click();
  await expect(page.locator('#panel')).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Zoek een plek of adres' })).toBeVisible();
});

test('the accessibility check itself notices a problem (an unlabelled field)', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => document.querySelector('#panel')?.append(document.createElement('input')));
  expect((await wcagViolations(page)).map((v) => v.id)).toContain('label');
});

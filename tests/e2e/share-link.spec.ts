import { expect, test, type Page } from '@playwright/test';
import type { CameraPose } from '../../src/geo/camera-pose.ts';
import { waitForSettledScene } from './helpers.ts';

function expectSamePose(actual: CameraPose, expected: CameraPose, metres = 0.5, degrees = 0.1) {
  const mPerDegLat = 111_320;
  const mPerDegLon = mPerDegLat * Math.cos((expected.lat * Math.PI) / 180);
  const angle = (a: number, b: number) => Math.abs(((((a - b) % 360) + 540) % 360) - 180);
  expect(Math.abs(actual.lon - expected.lon) * mPerDegLon).toBeLessThan(metres);
  expect(Math.abs(actual.lat - expected.lat) * mPerDegLat).toBeLessThan(metres);
  expect(Math.abs(actual.height - expected.height)).toBeLessThan(metres);
  expect(angle(actual.heading, expected.heading)).toBeLessThan(degrees);
  expect(angle(actual.pitch, expected.pitch)).toBeLessThan(degrees);
}

/** Back/forward are applied by the app after the browser's history step: wait for the camera to get there. */
async function waitForPose(page: Page, expected: CameraPose) {
  const metresOff = (pose: CameraPose) =>
    Math.hypot(
      (pose.lon - expected.lon) * 68_600,
      (pose.lat - expected.lat) * 111_320,
      pose.height - expected.height,
    );
  await expect
    .poll(async () => metresOff(await page.evaluate(() => window.tweeling!.camera())), { timeout: 60_000 })
    .toBeLessThan(0.5);
  await waitForSettledScene(page);
  expectSamePose(await page.evaluate(() => window.tweeling!.camera()), expected);
}

test('a view link opens the same camera', async ({ page }) => {
  await page.goto('/?v=1&cam=5.118000,52.086000,350.0,40.0,-25.0,0.0');
  await waitForSettledScene(page);
  const pose = await page.evaluate(() => window.tweeling!.camera());
  expectSamePose(pose, { lon: 5.118, lat: 52.086, height: 350, heading: 40, pitch: -25, roll: 0 });
});

test('the copied link reproduces the view on another page, and back/forward work', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await waitForSettledScene(page);
  await page.locator('[data-viewpoint="neude"]').click();
  await waitForSettledScene(page);
  const neude = await page.evaluate(() => window.tweeling!.camera());

  await page.locator('[data-viewpoint="vredenburg"]').click();
  await waitForSettledScene(page);
  const link = await page.locator('#share-link').inputValue();
  const vredenburg = await page.evaluate(() => window.tweeling!.camera());
  expect(link).toContain('cam=');

  const other = await context.newPage();
  await other.goto(link);
  await waitForSettledScene(other);
  expectSamePose(await other.evaluate(() => window.tweeling!.camera()), vredenburg);
  await other.close();

  await page.goBack();
  await waitForPose(page, neude);
  await page.goForward();
  await waitForPose(page, vredenburg);
});

test('the copied link carries the visible layers and the time, not only the camera', async ({ page }) => {
  await page.goto('/?v=1&layers=crowd-sample:80&t=2026-06-17T13:00');
  await waitForSettledScene(page);
  const link = await page.locator('#share-link').inputValue();
  expect(link).toContain('layers=crowd-sample:80');
  expect(link).toContain('t=2026-06-17T13:00');
  expect(link).toBe(page.url());
});

test('a broken link still opens the app and says what was ignored', async ({ page }) => {
  await page.goto('/?v=1&cam=abc&src=nowhere');
  await waitForSettledScene(page);
  await expect(page.getByTestId('status')).toContainText('cam, src');
});

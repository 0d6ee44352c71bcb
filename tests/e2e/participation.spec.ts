import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import jsQR from 'jsqr';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { projectToScreen, screenshotPixels, shareAround, waitForSettledScene, type Rgb } from './helpers.ts';
import { E2E_MODERATOR_TOKEN } from './participation-server.ts';

/**
 * Participation end to end, on a tablet (1024×768, touch) against the real participation server
 * (tests/e2e/participation-server.ts: a fresh PGlite database with the example Mariaplaats plan).
 * A resident follows the tour, places a pin (a tap, then the middle of the map by keyboard), comments,
 * votes, all by keyboard; a second browser sees the pin; a moderator hides it; the export has it,
 * flagged hidden. axe-core checks each view. Then the server "goes down" while a comment is written.
 */
test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true });
test.describe.configure({ mode: 'serial' });

const PLAN_TITLE = 'Mariaplaats: park of parkeergarage?';
/** Markup in a comment must come back as the same characters, shown as text. */
const COMMENT = 'Te weinig bomen op het plein <b>echt</b>';
/** Inside the plan's area (server/seed.ts: 5.1172–5.1194 E, 52.0892–52.0905 N). */
const TAP_POINT = { lon: 5.1188, lat: 52.0901 };
/** The pin colour for "against" (src/layers/participation/pin-layers.ts: 204, 0, 0). */
const isPinRed = ([r, g, b]: Rgb) => r > 150 && g < 80 && b < 80;

/** WCAG 2.1 A and AA rules on the participation panel as it is now. */
async function expectNoAxeViolations(page: Page) {
  const result = await new AxeBuilder({ page })
    .include('[data-testid="participation"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = result.violations.map(
    (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary).toEqual([]);
}

/** Presses Tab until `target` has focus: proves it is reachable by keyboard. */
async function tabTo(page: Page, target: Locator, maxPresses = 80) {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

async function residentPage(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

let resident: Page;

test('a resident follows the tour, pins a comment, agrees and votes, by keyboard on a tablet', async ({
  browser,
}) => {
  // Software WebGL on a shared machine: the tour's flights and the park scenario take their time.
  test.setTimeout(420_000);
  resident = await residentPage(browser, '/');
  const page = resident;
  const panel = page.getByTestId('participation');
  const planButton = panel.getByRole('button', { name: PLAN_TITLE });
  await expect(planButton).toBeVisible();
  await expectNoAxeViolations(page);

  await page.locator('body').focus();
  await tabTo(page, planButton);
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('heading', { name: PLAN_TITLE })).toBeVisible();

  // The tour: four steps, each with its text; the step title takes focus.
  await tabTo(page, panel.getByRole('button', { name: 'Start de rondleiding' }));
  await page.keyboard.press('Enter');
  const step = page.getByTestId('participation-step');
  await expect(step).toContainText('Stap 1 van 4');
  await expect(step.getByRole('heading', { name: 'De binnenstad' })).toBeFocused();
  for (const [n, title] of [
    [2, 'Het plein nu'],
    [3, 'Idee 1: een park'],
  ] as const) {
    await tabTo(page, panel.getByRole('button', { name: 'Volgende stap' }));
    await page.keyboard.press('Enter');
    await expect(step).toContainText(`Stap ${n} van 4`);
    await expect(step.getByRole('heading', { name: title })).toBeFocused();
  }
  // The park step shows the park alternative (chosen in the list) and its scenario.
  await expect(panel.getByRole('radio', { name: 'Park', exact: true })).toBeChecked();
  await waitForSettledScene(page);
  await page.screenshot({ path: test.info().outputPath('participation-tour-step.png') });
  await expectNoAxeViolations(page);
  await tabTo(page, panel.getByRole('button', { name: 'Volgende stap' }));
  await page.keyboard.press('Enter');
  await expect(step).toContainText('Stap 4 van 4');

  // A tap on the map places a pin (touch); then the keyboard way: the middle of the map.
  await tabTo(page, panel.getByRole('button', { name: 'Zet een speld op de kaart' }));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('participation-placing')).toBeVisible();
  await waitForSettledScene(page);
  const tap = await projectToScreen(page, TAP_POINT.lon, TAP_POINT.lat, 0);
  await page.touchscreen.tap(tap.x, tap.y);
  await expect(page.getByTestId('participation-pin-state')).toHaveText('Uw speld staat op de kaart (geel).');
  await tabTo(page, panel.getByRole('button', { name: 'Speld in het midden van de kaart' }));
  await page.keyboard.press('Enter');

  // The comment: text (with markup, kept as text), against, sent.
  await tabTo(page, panel.getByLabel('Uw reactie'));
  await page.keyboard.type(COMMENT);
  await tabTo(page, panel.getByRole('radio', { name: 'Neutraal' }));
  await page.keyboard.press('ArrowUp');
  await expect(panel.getByRole('radio', { name: 'Tegen' })).toBeChecked();
  await tabTo(page, panel.getByRole('button', { name: 'Reactie versturen' }));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('participation-notice')).toHaveText('Bedankt! Uw reactie staat erbij.');
  const item = page.getByTestId('participation-comments').locator('li').first();
  await expect(item.locator('.participation__comment-text')).toHaveText(COMMENT);
  await expect(item.locator('b')).toHaveCount(0);

  // Agree (once), and the thread opens with a reply.
  await tabTo(page, item.getByRole('button', { name: 'Mee eens' }));
  await page.keyboard.press('Enter');
  await expect(item.getByRole('button', { name: 'U bent het eens' })).toHaveAttribute('aria-pressed', 'true');
  await expect(item).toContainText('1 keer mee eens');
  await tabTo(page, item.getByRole('button', { name: 'Toon op de kaart' }));
  await page.keyboard.press('Enter');
  await tabTo(page, item.getByLabel('Uw antwoord'));
  await page.keyboard.type('Eens, en meer schaduw graag.');
  await tabTo(page, item.getByRole('button', { name: 'Antwoord versturen' }));
  await page.keyboard.press('Enter');
  await expect(item.locator('.participation__reply')).toContainText('Eens, en meer schaduw graag.');
  await waitForSettledScene(page);
  await page.screenshot({ path: test.info().outputPath('participation-pin-thread.png') });
  await expectNoAxeViolations(page);

  // The vote: once; the running count shows (the example plan shows it).
  await tabTo(page, panel.getByRole('button', { name: 'Stem op Park', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('participation-vote')).toContainText('U heeft gestemd op Park. Bedankt!');
  // One vote is "1 stem", not "1 stemmen".
  await expect(
    page.getByTestId('participation-vote-counts').getByText('Park: 1 stem', { exact: true }),
  ).toBeVisible();
  await page.getByTestId('participation-vote').scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('participation-vote.png') });
  await expectNoAxeViolations(page);
});

test('a second browser sees the pin on the map; a moderator hides it; the export flags it hidden', async ({
  browser,
  request,
}) => {
  const other = await residentPage(browser, '/?plan=1');
  const item = other.getByTestId('participation-comments').locator('li', { hasText: COMMENT });
  await expect(item).toBeVisible();
  // Opening it flies to the view it was written in, where the pin (red: against) is drawn.
  await item.getByRole('button', { name: 'Toon op de kaart' }).click();
  await waitForSettledScene(other);
  const comments = (await (await request.get('/api/project/1/comment')).json()) as {
    text: string;
    location: { lon: number; lat: number; height: number };
  }[];
  const pin = comments.find((c) => c.text === COMMENT)!.location;
  const at = await projectToScreen(other, pin.lon, pin.lat, pin.height);
  expect(shareAround(await screenshotPixels(other), at.x, at.y, 3, isPinRed)).toBeGreaterThan(0.5);

  // The moderator: same app, the moderator view of the plan, a key that is never in the link.
  const moderator = await residentPage(browser, '/?plan=1&mod=1');
  const view = moderator.getByTestId('participation-moderation');
  await expect(view.getByLabel('Moderatorsleutel')).toBeVisible();
  await expectNoAxeViolations(moderator);
  await view.getByLabel('Moderatorsleutel').fill(E2E_MODERATOR_TOKEN);
  await view.getByRole('button', { name: 'Inloggen' }).click();
  const moderated = view.locator('li', { hasText: COMMENT });
  await expect(moderated).toContainText('Zichtbaar');
  await moderated.getByLabel('Reden om te verbergen').fill('Bevat opmaakcode; graag opnieuw zonder.');
  await moderated.getByRole('button', { name: 'Verbergen' }).click();
  await expect(moderated).toContainText('Verborgen');
  await expect(moderated).toContainText('Reden: Bevat opmaakcode; graag opnieuw zonder.');
  expect(moderator.url()).not.toContain(E2E_MODERATOR_TOKEN);
  await moderator.screenshot({ path: test.info().outputPath('participation-moderator.png') });
  await expectNoAxeViolations(moderator);

  // Residents no longer see it.
  await other.reload();
  await expect(other.getByTestId('participation-plan')).toBeVisible();
  await expect(other.getByTestId('participation-comments').locator('li', { hasText: COMMENT })).toHaveCount(
    0,
  );

  // The export (the moderator's buttons) keeps it, flagged hidden with the reason.
  const saved = async (name: string) => {
    const [download] = await Promise.all([
      moderator.waitForEvent('download'),
      view.getByRole('button', { name }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^tweeling-plan-1-reacties\.(csv|geojson)$/);
    return readFile((await download.path())!, 'utf8');
  };
  const csv = await saved('Als tabel (CSV)');
  const line = csv.split('\n').find((l) => l.includes('Te weinig bomen'))!;
  expect(line).toContain('"hidden"');
  expect(line).toContain('"true"');
  expect(line).toContain('Bevat opmaakcode');
  const geojson = JSON.parse(await saved('Als kaartbestand (GeoJSON)')) as {
    features: { properties: { text: string; hidden: boolean; hiddenReason: string | null } }[];
  };
  const feature = geojson.features.find((f) => f.properties.text === COMMENT)!;
  expect(feature.properties.hidden).toBe(true);
  expect(feature.properties.hiddenReason).toBe('Bevat opmaakcode; graag opnieuw zonder.');
});

test('when the server goes down while writing, the comment is kept on the device and sent later', async () => {
  const page = resident;
  await page.reload();
  const panel = page.getByTestId('participation');
  await expect(panel.getByLabel('Uw reactie')).toBeVisible();
  await panel.getByLabel('Uw reactie').fill('Een bankje bij de boom, alstublieft');
  // The server stops answering (as Vite's proxy does without a server behind it).
  await page.route('**/api/**', (route) => route.fulfill({ status: 502, body: '' }));
  await panel.getByRole('button', { name: 'Reactie versturen' }).click();
  await expect(page.getByTestId('participation-notice')).toContainText(
    'Uw reactie is bewaard op dit apparaat',
  );
  await expect(panel).toContainText('Meedoen kan nu niet');

  // A reload while it is still down: the viewer works, participation says it is unavailable.
  await page.reload();
  await expect(panel).toContainText('Meedoen kan nu niet');
  await expect(page.getByRole('heading', { name: 'Plekken' })).toBeVisible();

  // The server is back: try again, the draft is there, send it.
  await page.unroute('**/api/**');
  await panel.getByRole('button', { name: 'Opnieuw proberen' }).click();
  await expect(panel.getByLabel('Uw reactie')).toHaveValue('Een bankje bij de boom, alstublieft');
  await panel.getByRole('button', { name: 'Reactie versturen' }).click();
  await expect(page.getByTestId('participation-notice')).toHaveText('Bedankt! Uw reactie staat erbij.');
  await expect(page.getByTestId('participation-comments')).toContainText(
    'Een bankje bij de boom, alstublieft',
  );
});

test('the room screen shows how to join; a resident joins by code and the pin appears on it without a reload', async ({
  browser,
}) => {
  const room = await residentPage(browser, '/?plan=1&room=1');
  const screen = room.getByTestId('participation-room');
  // server/projects.ts: six characters from an alphabet without look-alikes.
  await expect(screen.getByTestId('participation-room-code')).toHaveText(/^[A-Z0-9]{6}$/);
  const code = await screen.getByTestId('participation-room-code').innerText();
  await expect(room.getByTestId('participation-live')).toHaveText('Nieuwe reacties verschijnen vanzelf.');
  // The QR code opens this viewer with the plan (its label says where to, for those who cannot see it).
  const qr = screen.getByTestId('participation-room-qr');
  await expect(qr).toHaveAttribute('aria-label', /^QR-code die http:\/\/127\.0\.0\.1:\d+\/\?plan=1 opent$/);
  const before = await screen.getByTestId('participation-room-latest').innerText();

  // A resident types the code from the big screen (lower case, without the dash: both are fine).
  const phone = await residentPage(browser, '/');
  const panel = phone.getByTestId('participation');
  await panel.getByLabel('Code van de bijeenkomst').fill('zzz');
  await panel.getByRole('button', { name: 'Meedoen' }).click();
  await expect(phone.getByTestId('participation-join-failed')).toBeVisible();
  await panel
    .getByLabel('Code van de bijeenkomst')
    .fill(`${code.slice(0, 3)}-${code.slice(3)}`.toLowerCase());
  await panel.getByRole('button', { name: 'Meedoen' }).click();
  await expect(phone.getByTestId('participation-plan')).toBeVisible();
  const text = 'Meer schaduw bij de bushalte';
  await panel.getByLabel('Uw reactie').fill(text);
  await panel.getByRole('button', { name: 'Reactie versturen' }).click();
  await expect(phone.getByTestId('participation-notice')).toBeVisible();

  // The big screen gets it from the live stream: no reload, no polling.
  await expect(screen.getByTestId('participation-room-latest')).toContainText(text);
  expect(before).not.toContain(text);
  await room.screenshot({ path: test.info().outputPath('participation-room.png') });
  await expectNoAxeViolations(room);

  // The QR code is a real one: a decoder (jsQR) reads this viewer's address with the plan from the screenshot.
  await qr.scrollIntoViewIfNeeded();
  const shot = await screenshotPixels(room);
  const decoded = jsQR(new Uint8ClampedArray(shot.data), shot.width, shot.height);
  expect(decoded?.data).toBe(new URL('/?plan=1', room.url()).href);
});

import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { createMockApiServer, type MockApiServer } from '../../scripts/mock-api/server.ts';
import {
  projectToScreen,
  screenshotPixels,
  shareAround,
  waitForSettledScene,
  wcagViolations,
  type AxeViolation,
  type Rgb,
} from './helpers.ts';

/**
 * The crowd monitor for an event team: the control room replays the bundled event day at the app's
 * clock time, with large numbers, the warnings list, and the sites coloured on the map beside it.
 */
const eventDay = JSON.parse(
  readFileSync(new URL('../../public/data/crowd/counting-sample-event.json', import.meta.url), 'utf8'),
) as { sites: { id: string; lon: number; lat: number }[] };
const square = eventDay.sites.find((s) => s.id === 'vredenburg-plein')!;

/** Straight down, east of Vredenburg, so the square lies in the map strip left of the control room. */
const CAMERA = '5.119000,52.092650,650.0,0.0,-90.0,0.0';
/** Fruin F / above 2.17 p/m² (dark red, drawn at 75 % over the light ground). */
const isVeryCrowded = ([r, g, b]: Rgb) => r > 120 && g < 100 && b < 100 && r - g > 70;

test('the control room shows the event day at 19:30: alert on Vredenburg, on the map too', async ({
  page,
}) => {
  await page.goto(`/?cam=${CAMERA}&crowd=event&view=control&t=2026-11-21T19:30`);
  const room = page.getByTestId('control-room');
  await expect(room).toBeVisible();
  await expect(room.locator('.control-room__clock')).toHaveText('19:30');
  await expect(room.getByTestId('crowd-status')).toContainText('Tellingen tot 19:30');
  const warnings = room.getByTestId('crowd-warnings');
  await expect(warnings.locator('li').first()).toContainText('Vredenburg (plein): alarm');
  await expect(warnings.locator('li').first()).toContainText('zekerheid');
  const tile = room.locator('[data-site="vredenburg-plein"]');
  await expect(tile).toHaveAttribute('data-warning', 'alert');
  await expect(tile.locator('.site-tile__density')).toContainText('p/m²');
  await expect(room.locator('.site-tile').first()).toHaveAttribute('data-site', 'vredenburg-plein');

  await waitForSettledScene(page);
  const at = await projectToScreen(page, square.lon, square.lat, 0);
  const box = (await room.boundingBox())!;
  expect(at.x).toBeLessThan(box.x - 20);
  const shot = await screenshotPixels(page);
  await page.screenshot({ path: test.info().outputPath('control-room.png') });
  expect(shareAround(shot, at.x, at.y, 6, isVeryCrowded)).toBeGreaterThan(0.5);

  // The same square on an ordinary Saturday at the same time is not in the alert colour.
  await page.getByRole('button', { name: 'Controlekamer sluiten' }).click();
  await page.getByLabel('Voorbeelddag').selectOption('saturday');
  await expect(page).toHaveURL(/crowd=saturday/);
  await page.evaluate(() => window.tweeling!.requestRender());
  await waitForSettledScene(page);
  const ordinary = await screenshotPixels(page);
  const again = await projectToScreen(page, square.lon, square.lat, 0);
  expect(shareAround(ordinary, again.x, again.y, 6, isVeryCrowded)).toBe(0);
});

/**
 * The live feed stops mid-event. The browser's clock is Playwright's fake clock, so the test steps
 * through an outage of minutes in a few seconds, and waits on what the page shows, never on time.
 * The counting service's host does not exist (.env.e2e): every request is routed here, to the mock
 * API (recorded counts up to 12:00 UTC, 14:00 in Utrecht), to its failure injection, or nowhere.
 */
const COUNTS_BASE = 'https://telpunten.example.org/FROST-Server/v1.1';
/** The newest count in the fixtures: the 11:55–12:00 UTC interval. */
const NEWEST = Date.parse('2026-06-13T12:00:00Z');
const MINUTE = 60_000;
/** The default staleness limit (event-settings.ts). */
const LIMIT = 10 * MINUTE;

type FeedMode =
  | { kind: 'ok' }
  | { kind: 'errors' }
  | { kind: 'down' }
  /** The counts resume: every observation moved forward by `shiftMs`. */
  | { kind: 'fresh'; shiftMs: number };

function shiftObservations(text: string, shiftMs: number): string {
  const body = JSON.parse(text) as { value?: { phenomenonTime?: string; resultTime?: string }[] };
  const shift = (iso: string) => new Date(Date.parse(iso) + shiftMs).toISOString().replace('.000Z', 'Z');
  for (const o of body.value ?? []) {
    if (o.phenomenonTime) o.phenomenonTime = o.phenomenonTime.split('/').map(shift).join('/');
    if (o.resultTime) o.resultTime = shift(o.resultTime);
  }
  return JSON.stringify(body);
}

async function routeCounts(
  page: Page,
  server: MockApiServer,
  mode: { current: FeedMode },
): Promise<string[]> {
  const seen: string[] = [];
  await page.route(
    (url) => url.href.startsWith(COUNTS_BASE),
    async (route) => {
      const rest = route.request().url().slice(COUNTS_BASE.length);
      const m = mode.current;
      seen.push(`${m.kind} ${rest.split('?')[0]}`);
      if (m.kind === 'down') {
        await route.abort('connectionrefused');
        return;
      }
      const prefix = m.kind === 'errors' ? '/__fail/500/crowd-counts/v1.1' : '/crowd-counts/v1.1';
      const response = await route.fetch({ url: server.url + prefix + rest });
      // Next links point back at the real host, so every page goes through this route too.
      let body = (await response.text()).split(`${server.url}/crowd-counts/v1.1`).join(COUNTS_BASE);
      if (m.kind === 'fresh' && rest.includes('/Observations') && response.ok())
        body = shiftObservations(body, m.shiftMs);
      await route.fulfill({ status: response.status(), headers: response.headers(), body });
    },
  );
  return seen;
}

/** "14:05": a UTC instant on Utrecht's summer clock (June, UTC+2). */
const clockOf = (ms: number) => new Date(ms + 2 * 3_600_000).toISOString().slice(11, 16);

const axeSummary = (violations: AxeViolation[]) =>
  violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

const fakeNow = (page: Page) => page.evaluate(() => Date.now());

/** Moves the paused fake clock on to `t`, firing every timer due on the way. */
async function runUntil(page: Page, t: number): Promise<void> {
  const now = await fakeNow(page);
  if (t > now) await page.clock.runFor(t - now);
}

/** Every moment "no warnings" stood in the control room while the feed was not live or late. */
async function watchForFalseAllClear(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const record: string[] = [];
    (window as unknown as { falseAllClear: string[] }).falseAllClear = record;
    new MutationObserver(() => {
      const room = document.querySelector('[data-testid="control-room"]');
      const state = room?.querySelector('[data-testid="crowd-status"]')?.getAttribute('data-feed-state');
      if (!room || !state) return;
      const text = room.textContent ?? '';
      if (state !== 'live' && state !== 'late' && /Geen waarschuwingen|No warnings/.test(text))
        record.push(`${state} @ ${new Date().toISOString()}`);
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

test.describe('the feed stops mid-event', () => {
  let server: MockApiServer;
  test.beforeAll(async () => {
    server = await createMockApiServer({ port: 0 });
  });
  test.afterAll(async () => {
    await server?.close();
  });

  test('alarm within the limit, last values kept with their time, never "no warnings", acknowledged and logged, recovery announced', async ({
    page,
  }) => {
    const mode: { current: FeedMode } = { current: { kind: 'ok' } };
    const requests = await routeCounts(page, server, mode);
    await watchForFalseAllClear(page);
    await page.clock.install({ time: NEWEST + 90_000 });
    await page.goto(`/?cam=${CAMERA}&live=1&view=control`);
    const room = page.getByTestId('control-room');
    const status = room.getByTestId('crowd-status');
    const alarm = room.getByTestId('crowd-alarm');
    const announcer = room.getByTestId('crowd-announcer');
    await expect(status).toHaveAttribute('data-feed-state', 'live');
    await expect(room.getByTestId('crowd-feed-state')).toHaveText(
      /^Telfeed: live Tellingen tot 14:00 \(\d min oud\)\.$/,
    );
    await expect(room.getByTestId('crowd-no-warnings')).toContainText('Onbekend bij: Domplein');
    await expect(room.locator('.site-tile', { hasText: 'Domplein' })).toHaveAttribute('data-fresh', 'stale');
    // From here the test moves the clock itself.
    await page.clock.pauseAt((await fakeNow(page)) + 10_000);

    // The event team lowers Steenweg's "busy" threshold, so the recorded counts give a warning.
    await room.getByText('Instellingen van dit evenement').click();
    const threshold = room.getByLabel('Steenweg: druk (Fruin D)');
    await threshold.fill('0.1');
    await threshold.press('Enter');
    const warning = room.getByTestId('crowd-warnings').locator('li').first();
    await expect(warning).toContainText('Steenweg: druk (Fruin D), nu');
    await warning.getByRole('button', { name: /^Gezien: Steenweg/ }).click();
    await expect(warning).toContainText(/gezien om 14:0\d/);
    await expect(room.getByTestId('event-log').locator('li').first()).toContainText('Gezien: Steenweg, druk');
    const steenweg = room.locator('[data-site="steenweg"]');
    const liveDensity = await steenweg.locator('.site-tile__density').textContent();
    await room.locator('.event-settings__details summary').click();
    await room.evaluate((el) => (el.scrollTop = 0));
    await room.screenshot({ path: test.info().outputPath('control-room-1-before.png') });

    // The service starts answering 500. Just under the limit: late, no alarm yet.
    mode.current = { kind: 'errors' };
    await runUntil(page, NEWEST + LIMIT - 31_000);
    await expect(room.locator('.control-room__clock')).toHaveText('14:09');
    await expect(status).toHaveAttribute('data-feed-state', 'late');
    await expect(room.locator('.crowd-status__error')).toContainText('Ophalen mislukt');
    await expect(alarm).toHaveAttribute('data-alarm', 'false');
    // Past the limit: the alarm, within one tick of the monitor (30 s).
    await page.clock.runFor(61_000);
    await expect(alarm).toHaveAttribute('data-alarm', 'true');
    await expect(status).toHaveAttribute('data-feed-state', 'stopped');
    await expect(announcer).toHaveText(
      'Verbindingsalarm: geen actuele tellingen sinds 14:00. Waarschuwingen zijn onbekend.',
    );
    await expect(announcer).toHaveAttribute('aria-live', 'assertive');
    const alarmEntry = room.getByTestId('event-log').locator('li[data-kind="alarm"]').first();
    const alarmAt = Date.parse((await alarmEntry.locator('time').getAttribute('datetime'))!);
    console.log(
      `Alarm logged ${(alarmAt - NEWEST) / 1000} s after the newest count (limit ${LIMIT / 1000} s): ` +
        `${(alarmAt - NEWEST - LIMIT) / 1000} s after the limit`,
    );
    expect(alarmAt - NEWEST).toBeGreaterThan(LIMIT);
    expect(alarmAt - NEWEST - LIMIT).toBeLessThanOrEqual(30_000);
    // The last values stay, greyed, with their time; the warnings are unknown, the last known kept.
    await expect(steenweg).toHaveAttribute('data-fresh', 'stale');
    await expect(steenweg.locator('.site-tile__density')).toHaveText(liveDensity!);
    await expect(steenweg.getByTestId('site-last-value')).toHaveText('Laatst gemeten om 14:00 (10 min oud)');
    await expect(room.getByTestId('crowd-warnings-unknown')).toContainText('Waarschuwingen onbekend');
    await expect(room.getByTestId('crowd-warnings-last-known')).toContainText('Steenweg: druk (Fruin D)');
    await expect(room).not.toContainText('Geen waarschuwingen');
    await room.evaluate((el) => (el.scrollTop = 0));
    await room.screenshot({ path: test.info().outputPath('control-room-2-during.png') });
    // The alarm, the greyed tiles and the settings meet WCAG 2.1 A/AA (axe runs on real timers).
    await page.clock.resume();
    expect(axeSummary(await wcagViolations(page))).toEqual([]);
    await page.clock.pauseAt((await fakeNow(page)) + 10_000);

    // The service answers again, with the same old counts: still stopped, still the alarm.
    mode.current = { kind: 'ok' };
    await page.clock.runFor(2 * MINUTE);
    await expect(room.locator('.crowd-status__error')).toHaveCount(0);
    await expect(status).toHaveAttribute('data-feed-state', 'stopped');
    await expect(alarm).toHaveAttribute('data-alarm', 'true');
    await expect(room).not.toContainText('Geen waarschuwingen');
    // And the service gone altogether (connection refused): the same.
    mode.current = { kind: 'down' };
    await page.clock.runFor(MINUTE);
    await expect(room.locator('.crowd-status__error')).toContainText('Ophalen mislukt');
    await expect(alarm).toHaveAttribute('data-alarm', 'true');
    await alarm.getByRole('button', { name: 'Alarm gezien' }).click();
    await expect(alarm).toContainText('Alarm gezien om 14:1');

    // Counts resume, up to the last whole 5 minutes: the alarm goes, and the recovery is announced.
    const switchedAt = await fakeNow(page);
    const resumed = Math.floor((switchedAt - NEWEST) / (5 * MINUTE)) * 5 * MINUTE;
    mode.current = { kind: 'fresh', shiftMs: resumed };
    await page.clock.runFor(2 * MINUTE);
    await expect(status).toHaveAttribute('data-feed-state', 'live');
    await expect(alarm).toHaveAttribute('data-alarm', 'false');
    const recoveredEntry = room.getByTestId('event-log').locator('li[data-kind="recovered"]');
    const recoveredAt = Date.parse((await recoveredEntry.locator('time').getAttribute('datetime'))!);
    console.log(
      `Recovery logged ${(recoveredAt - switchedAt) / 1000} s (fake clock) after the service answered again`,
    );
    await expect(announcer).toHaveText(
      `Verbinding hersteld om ${clockOf(recoveredAt)}: tellingen tot ${clockOf(NEWEST + resumed)}.`,
    );
    await expect(steenweg).toHaveAttribute('data-fresh', 'current');
    await room.evaluate((el) => (el.scrollTop = 0));
    await room.screenshot({ path: test.info().outputPath('control-room-3-after.png') });

    // The log has it all, and downloads as CSV.
    const kinds = await room
      .getByTestId('event-log')
      .locator('li')
      .evaluateAll((items) => items.map((li) => li.getAttribute('data-kind')));
    expect(kinds).toEqual(['recovered', 'alarm-acknowledged', 'alarm', 'acknowledged']);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      room.getByRole('button', { name: 'Logboek downloaden (CSV)' }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    const rows = csv.trim().split('\r\n');
    expect(rows[0]).toBe('tijdstip (UTC),datum,tijd,soort,teller,omschrijving');
    expect(rows.slice(1).map((r) => r.split(',')[3])).toEqual([
      'acknowledged',
      'alarm',
      'alarm-acknowledged',
      'recovered',
    ]);
    expect(csv).toContain('Alarm: gestopt; tellingen tot 13 juni 2026 14:00.');

    expect(
      await page.evaluate(() => (window as unknown as { falseAllClear: string[] }).falseAllClear),
    ).toEqual([]);
    // Every kind of answer was given, and nothing left this machine.
    for (const kind of ['ok', 'errors', 'down', 'fresh'])
      expect(requests.some((r) => r.startsWith(`${kind} `))).toBe(true);
  });
});

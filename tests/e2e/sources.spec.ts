import { expect, test, type Page } from '@playwright/test';
import { createMockApiServer, type MockApiServer } from '../../scripts/mock-api/server.ts';
import { isLocal, recordRequests, waitForSettledScene } from './helpers.ts';

/**
 * Source-backed layers against the production build's real API URLs: the browser asks the real
 * hosts, `page.route` hands each request to the mock API server (recorded fixtures), so nothing
 * reaches the internet while the live code paths (fetch wrapper, paging, zod, provenance) run.
 */
const LAYERS = ['air-quality', 'bgt-trees', 'cbs-buurten', 'telraam-bikes'] as const;
const LAYERS_PARAM = `layers=${LAYERS.join(',')}`;
/** Looking north over central Utrecht, high enough to see every recorded feature. */
const CAM = 'cam=5.128000,52.060000,2600.0,350.0,-45.0,0.0';

/** Real base URL → mock server prefix (see scripts/mock-api/routes.ts). */
const HOSTS: { real: string; prefix: string; source: string }[] = [
  { real: 'https://api.pdok.nl/lv/bgt/ogc/v1', prefix: '/pdok-bgt', source: 'pdok-bgt' },
  {
    real: 'https://api.pdok.nl/cbs/wijken-en-buurten-2024/ogc/v1',
    prefix: '/cbs-wijkenbuurten',
    source: 'cbs-wijkenbuurten',
  },
  { real: 'https://api.pdok.nl/kadaster/bag/ogc/v2', prefix: '/pdok-bag', source: 'pdok-bag' },
  {
    real: 'https://api.pdok.nl/bzk/locatieserver/search/v3_1',
    prefix: '/pdok-locatieserver',
    source: 'pdok-locatieserver',
  },
  { real: 'https://api-samenmeten.rivm.nl/v1.0', prefix: '/samen-meten/v1.0', source: 'samen-meten' },
  { real: 'https://api.luchtmeetnet.nl/open_api', prefix: '/luchtmeetnet', source: 'luchtmeetnet' },
  { real: 'https://api.3dbag.nl', prefix: '/3dbag-api', source: '3dbag-api' },
  // Telraam's key-less default: a static export served next to the app (written server-side).
  {
    real: '/data/telraam/export.json',
    prefix: '/telraam/export.json',
    source: 'telraam',
  },
];

let server: MockApiServer;
/** Per source: how long each request took through the mock server (ms). */
const timings = new Map<string, number[]>();

test.beforeAll(async () => {
  server = await createMockApiServer({ port: 0 });
});
test.afterAll(async () => {
  await server?.close();
  const lines = [...timings].map(([source, ms]) => {
    const total = ms.reduce((a, b) => a + b, 0);
    return `  ${source}: ${ms.length} requests, ${total} ms in total, slowest ${Math.max(...ms)} ms`;
  });
  if (lines.length) console.log(`Mock API request times per source:\n${lines.join('\n')}`);
});

/** Sends the real hosts to the mock server, or fails them like an unreachable network. */
async function routeApis(page: Page, mode: 'mock' | 'down'): Promise<string[]> {
  const routed: string[] = [];
  for (const host of HOSTS) {
    // App-relative bases (the Telraam export) are matched on the path, whatever port serves the app.
    const relative = host.real.startsWith('/');
    const rest = (url: URL) => (relative ? url.search : url.href.slice(host.real.length));
    await page.route(
      (url) => (relative ? url.pathname === host.real : url.href.startsWith(host.real)),
      async (route) => {
        routed.push(route.request().url());
        if (mode === 'down') {
          await route.abort('internetdisconnected');
          return;
        }
        const target = server.url + host.prefix + rest(new URL(route.request().url()));
        const started = Date.now();
        const response = await route.fetch({ url: target });
        timings.set(host.source, [...(timings.get(host.source) ?? []), Date.now() - started]);
        await route.fulfill({ response });
      },
    );
  }
  return routed;
}

const liveState = (page: Page, id: string) => page.getByTestId(`layer-live-${id}`);

test('default mode shows every source-backed layer from its snapshot, with no request off this machine', async ({
  page,
}) => {
  const requests = recordRequests(page);
  await page.goto(`/?${CAM}&${LAYERS_PARAM}`);
  for (const id of LAYERS) {
    await expect(liveState(page, id)).toHaveAttribute('data-state', 'snapshot');
    await expect(liveState(page, id)).toContainText('Opgenomen voorbeeld van 20 augustus 2026');
    await expect(page.locator(`[data-layer="${id}"] [data-testid="layer-provenance"]`)).toBeVisible();
  }
  await waitForSettledScene(page);
  expect(requests.filter((url) => !isLocal(url))).toEqual([]);
  expect(requests.some((url) => url.includes('/data/snapshots/samen-meten.json'))).toBe(true);
});

test('live data loads every source-backed layer through the real API URLs', async ({ page }) => {
  const routed = await routeApis(page, 'mock');
  await page.goto(`/?${CAM}&${LAYERS_PARAM}`);
  for (const id of LAYERS) await expect(liveState(page, id)).toHaveAttribute('data-state', 'snapshot');

  await page.getByLabel('Live gegevens (internet)').check();
  await expect(page).toHaveURL(/live=1/);
  const durations: Record<string, string | null> = {};
  for (const id of LAYERS) {
    const state = liveState(page, id);
    await expect(state).toHaveAttribute('data-state', 'ok');
    await expect(state).toContainText(/Live, opgehaald om \d{2}:\d{2}/);
    durations[id] = await state.getAttribute('data-duration-ms');
  }
  console.log(`Live load time per layer (ms, in the browser): ${JSON.stringify(durations)}`);
  for (const prefix of [
    'https://api-samenmeten.rivm.nl/v1.0/Things',
    'https://api.pdok.nl/lv/bgt/ogc/v1/collections/vegetatieobject_punt/items',
    'https://api.pdok.nl/cbs/wijken-en-buurten-2024/ogc/v1/collections/buurten/items',
    '/data/telraam/export.json',
  ]) {
    expect(routed.some((url) => url.startsWith(prefix) || new URL(url).pathname === prefix)).toBe(true);
  }
  // Provenance of live data: the real source and licence, next to the layer.
  const provenance = page.locator('[data-layer="cbs-buurten"] [data-testid="layer-provenance"]');
  await expect(provenance).toContainText('CBS Wijken en Buurten');
  await expect(provenance).toContainText('CC-BY-4.0');

  // The catalog sums it up per source.
  await page.getByTestId('data-catalog').locator('summary').click();
  for (const source of ['samen-meten', 'pdok-bgt', 'cbs-wijkenbuurten', 'telraam'])
    await expect(page.getByTestId(`catalog-status-${source}`)).toHaveAttribute('data-state', 'ok');
  await expect(page.getByTestId('catalog-status-luchtmeetnet')).toHaveAttribute('data-state', 'unused');

  await waitForSettledScene(page);
  await page.screenshot({ path: test.info().outputPath('sources-live.png') });
  await page.locator('[data-layer="air-quality"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('sources-live-panel.png') });
});

test('when the sources are down each layer says so, and the map keeps the snapshot data', async ({
  page,
}) => {
  await routeApis(page, 'down');
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  await page.goto(`/?${CAM}&${LAYERS_PARAM}&live=1`);
  for (const id of LAYERS) {
    const state = liveState(page, id);
    await expect(state).toHaveAttribute('data-state', 'error');
    await expect(state).toContainText('niet bereikbaar');
    await expect(state).toContainText('Op de kaart staat nu: het opgenomen voorbeeld van 20 augustus 2026');
  }
  await expect(liveState(page, 'air-quality')).toContainText('RIVM Samen Meten');
  await page.locator('[data-layer="air-quality"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('sources-down-panel.png') });
  await page.getByTestId('data-catalog').locator('summary').click();
  await expect(page.getByTestId('catalog-status-samen-meten')).toHaveAttribute('data-state', 'error');
  expect(warnings.some((w) => w.includes('[tweeling] layer'))).toBe(true);

  // The rest of the app keeps working, and the snapshot's sensor is on the map and can be picked.
  await waitForSettledScene(page);
  const point = await page.evaluate(() => window.tweelingOverlay?.deckProject(5.1181, 52.0889, 2) ?? null);
  expect(point).not.toBeNull();
  await expect
    .poll(() => page.evaluate(({ x, y }) => window.tweelingOverlay!.pickTitle(x, y), point!))
    .toBe('LTD_52011');
  await page
    .getByLabel('English')
    .or(page.getByRole('button', { name: 'English' }))
    .first()
    .click();
  await expect(liveState(page, 'air-quality')).toContainText('cannot be reached');
});

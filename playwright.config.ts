import { defineConfig } from '@playwright/test';
import { launchOptions } from './tests/e2e/browser.ts';
import { participationPort } from './tests/e2e/participation-server.ts';

// E2E_PORT lets two checkouts run their browser tests side by side.
const PORT = Number(process.env['E2E_PORT'] ?? 4173);
const isCI = Boolean(process.env['CI']);
// The participation server of these tests (fresh database each start); the preview proxies /api to it.
const PARTICIPATION_PORT = participationPort(PORT);

/**
 * End-to-end tests run against the e2e build (`npm run build:e2e` first: minified like production,
 * plus the test hooks, in dist-e2e/), served by `vite preview --mode e2e`.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  timeout: 180_000,
  expect: { timeout: 60_000 },
  // One browser at a time: software WebGL on two cores is slow enough with one.
  workers: 1,
  fullyParallel: false,
  retries: isCI ? 1 : 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1280, height: 720 },
    launchOptions,
    trace: 'off',
  },
  webServer: [
    {
      command: 'npx tsx tests/e2e/participation-server.ts',
      env: { PORT: String(PARTICIPATION_PORT) },
      url: `http://127.0.0.1:${PARTICIPATION_PORT}/api/health`,
      reuseExistingServer: !isCI,
      timeout: 60_000,
    },
    {
      command: `npx vite preview --mode e2e --host 127.0.0.1 --port ${PORT} --strictPort`,
      env: { PARTICIPATION_PORT: String(PARTICIPATION_PORT) },
      url: `http://127.0.0.1:${PORT}`,
      reuseExistingServer: !isCI,
      timeout: 60_000,
    },
  ],
});

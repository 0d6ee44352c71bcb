/**
 * Takes a screenshot of a running Tweeling page once its tiles have settled:
 *   tsx scripts/dev/screenshot.ts [url] [out.png]
 * Used to make the README picture and to look at changes by eye. It waits on `window.tweeling`, so
 * the page must come from the e2e build (`npm run build:e2e && npx vite preview --mode e2e`).
 */
import { chromium } from '@playwright/test';
import { launchOptions } from '../../tests/e2e/browser.ts';

const url = process.argv[2] ?? 'http://127.0.0.1:4173/';
const out = process.argv[3] ?? 'screenshot.png';

const browser = await chromium.launch(launchOptions);
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
page.on('console', (message) => {
  if (message.type() === 'error' || message.type() === 'warning')
    console.log(`[page ${message.type()}]`, message.text());
});
page.on('pageerror', (error) => console.log('[page error]', error.message));
const started = Date.now();
await page.goto(url);
await page.waitForFunction(() => window.tweeling?.isSettled() === true, undefined, { timeout: 120_000 });
await page.waitForTimeout(500);
await page.screenshot({ path: out });
console.log(`settled after ${Date.now() - started} ms; wrote ${out}`);
await browser.close();

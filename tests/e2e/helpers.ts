import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { PNG } from 'pngjs';

export type Rgb = [number, number, number];

/** Waits until the camera stands still, every tile is in, and a few more frames were drawn. */
export async function waitForSettledScene(page: Page, timeout = 120_000): Promise<void> {
  await page.waitForFunction(() => window.tweeling?.isSettled() === true, undefined, {
    timeout,
    polling: 250,
  });
  const frames = await page.evaluate(() => window.tweeling!.framesRendered());
  await page.evaluate(() => window.tweeling!.requestRender());
  await page.waitForFunction((before) => window.tweeling!.framesRendered() > before, frames, { timeout });
  await page.waitForFunction(() => window.tweeling?.isSettled() === true, undefined, {
    timeout,
    polling: 250,
  });
}

/** Hides the panels that float over the map, so a screenshot shows only the scene. */
export async function hideUiOverMap(page: Page): Promise<void> {
  await page.addStyleTag({
    content: '.side-panel, .building-info, .status-bar, .attribution { visibility: hidden !important; }',
  });
}

export async function screenshotPixels(page: Page): Promise<PNG> {
  return PNG.sync.read(await page.screenshot());
}

export function pixelAt(png: PNG, x: number, y: number): Rgb {
  const i = (Math.round(y) * png.width + Math.round(x)) * 4;
  return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
}

/** Fraction of pixels in a rectangle whose colour differs by more than `threshold` between two shots. */
export function changedFraction(
  a: PNG,
  b: PNG,
  area = { x: 0, y: 0, width: a.width, height: a.height },
  threshold = 24,
): number {
  let changed = 0;
  for (let y = area.y; y < area.y + area.height; y++) {
    for (let x = area.x; x < area.x + area.width; x++) {
      const [r1, g1, b1] = pixelAt(a, x, y);
      const [r2, g2, b2] = pixelAt(b, x, y);
      if (Math.abs(r1 - r2) + Math.abs(g1 - g2) + Math.abs(b1 - b2) > threshold) changed++;
    }
  }
  return changed / (area.width * area.height);
}

/** The selection highlight (#f2b705, shaded by light): a saturated yellow-orange hue. */
export function isHighlightYellow([r, g, b]: Rgb): boolean {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  if (max < 60 || (max - min) / max < 0.45) return false;
  if (max !== r) return false;
  const hue = (60 * (g - b)) / (max - min);
  return hue >= 25 && hue <= 60;
}

/** Share of pixels in a small square around a point that pass a test. */
export function shareAround(
  png: PNG,
  x: number,
  y: number,
  radius: number,
  test: (rgb: Rgb) => boolean,
): number {
  let hits = 0;
  let total = 0;
  for (let dy = -radius; dy <= radius; dy++) {
    for (let dx = -radius; dx <= radius; dx++) {
      const px = x + dx;
      const py = y + dy;
      if (px < 0 || py < 0 || px >= png.width || py >= png.height) continue;
      total++;
      if (test(pixelAt(png, px, py))) hits++;
    }
  }
  return total === 0 ? 0 : hits / total;
}

/** Records every request the page makes (not the browser's own background traffic). */
export function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

export function isLocal(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  const { hostname } = new URL(url);
  return hostname === '127.0.0.1' || hostname === 'localhost';
}

export async function projectToScreen(page: Page, lon: number, lat: number, height: number) {
  const point = await page.evaluate(
    ([x, y, h]) => window.tweeling!.projectToScreen(x!, y!, h!),
    [lon, lat, height],
  );
  if (!point) throw new Error(`(${lon}, ${lat}, ${height}) is not on screen`);
  return point;
}

/** Share of pixels in a small square around a point whose colour differs between two shots. */
export function differingShareAround(
  a: PNG,
  b: PNG,
  point: { x: number; y: number },
  radius = 2,
  threshold = 24,
): number {
  let differing = 0;
  let total = 0;
  for (let dy = -radius; dy <= radius; dy++) {
    for (let dx = -radius; dx <= radius; dx++) {
      const x = Math.round(point.x) + dx;
      const y = Math.round(point.y) + dy;
      if (x < 0 || y < 0 || x >= a.width || y >= a.height) continue;
      total++;
      const [r1, g1, b1] = pixelAt(a, x, y);
      const [r2, g2, b2] = pixelAt(b, x, y);
      if (Math.abs(r1 - r2) + Math.abs(g1 - g2) + Math.abs(b1 - b2) > threshold) differing++;
    }
  }
  return total === 0 ? 0 : differing / total;
}

/** A 256×256 PNG of one flat colour: a recorded stand-in for an imagery tile that is easy to find in a screenshot. */
export function solidPng([r, g, b]: Rgb): Buffer {
  const png = new PNG({ width: 256, height: 256 });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([r, g, b, 255], i);
  return PNG.sync.write(png);
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core's WCAG 2.0/2.1 A and AA rules on the page as it is now. */
export async function wcagViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: unknown, options: unknown) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations;
  });
}

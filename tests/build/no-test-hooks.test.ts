/**
 * The production build (`npm run build` → dist/) must not ship the test and benchmark hooks: they
 * belong to the e2e build only (`__TEST_HOOKS__`, vite.config.ts). Reads every built script and looks
 * for names only the hooks use.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const assets = path.resolve(import.meta.dirname, '../../dist/assets');
// `npm run test:build` runs after `npm run build`: a missing build is a failure, not a skip.
const built = existsSync(assets);

/**
 * Property and layer names that survive minification (they are strings or object keys) and that
 * only the hook modules in src/testing/ contain.
 */
const HOOK_MARKERS = [
  'tweelingOverlay',
  '.tweeling=',
  'window.tweeling',
  'isSettled',
  'projectToScreen',
  'framesRendered',
  'setBuildingsVisible',
  'deckProject',
  'cesiumProject',
  'setCesiumMarkers',
  'setBenchmarkLayers',
  'test-markers',
  'bench-points',
  'bench-paths',
];

describe('production build', () => {
  it('exists', () => {
    expect(built, `${assets} is missing: run \`npm run build\` first`).toBe(true);
  });

  const scripts = built ? readdirSync(assets).filter((file) => file.endsWith('.js')) : [];

  it('has scripts to check', () => {
    expect(scripts.length).toBeGreaterThan(0);
  });

  it('ships no test hooks', () => {
    const found = scripts.flatMap((file) => {
      const text = readFileSync(path.join(assets, file), 'utf8');
      return HOOK_MARKERS.filter((marker) => text.includes(marker)).map((marker) => `${file}: ${marker}`);
    });
    expect(found).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bikeNetworkFileSchema } from '../../src/scenarios/cycling/network-file.ts';
import { runCyclingScenario } from '../../src/scenarios/cycling/run.ts';
import {
  routeCoordinates,
  SAMPLE_NETWORK_PATH,
  sampleNetworkText,
  VREDENBURG_WEEKDAY,
} from './build-sample.ts';
import { JUNCTIONS, ROUTES } from './sample-layout.ts';

describe('embedded sample bike network', () => {
  const text = sampleNetworkText();
  const file = bikeNetworkFileSchema.parse(JSON.parse(text));

  it('is up to date with the layout (run `npx tsx scripts/cycling/build-sample.ts` after changing it)', () => {
    expect(readFileSync(SAMPLE_NETWORK_PATH, 'utf8')).toBe(text);
  });

  it('has every route of the layout, split at its junctions', () => {
    for (const r of ROUTES)
      expect(
        file.links.some((l) => l.id === r.id || l.id.startsWith(`${r.id}-`)),
        r.id,
      ).toBe(true);
    const junctions = new Set(JUNCTIONS.map((j) => j.id));
    for (const l of file.links) {
      expect(junctions.has(l.from), l.id).toBe(true);
      expect(junctions.has(l.to), l.id).toBe(true);
    }
  });

  it('follows the layout’s streets where it names one', () => {
    // Lange Viestraat runs from Vredenburg to the Viebrug along the layout street's vertices.
    const coords = routeCoordinates(['vredenburg-no', { street: 'lange-viestraat' }, 'viebrug']);
    expect(coords[0]).toEqual([5.1168, 52.0932]);
    expect(coords.at(-1)).toEqual([5.1182, 52.0937]);
  });

  it('makes Vredenburg one of the busiest links, with volumes in the range reported for Utrecht', async () => {
    const out = await runCyclingScenario(
      { version: 1, kind: 'cycling-route', name: 'base', baseline: file.meta.id, changes: [], run: {} },
      file,
    );
    const daily = out.fields['daily']!;
    const vredenburg = daily.values[daily.ids.indexOf('vredenburg')]!;
    expect(vredenburg).toBe(VREDENBURG_WEEKDAY);
    // models.md §3.2: 32,000 on an average working day, 37,000 the most ever counted.
    expect(Math.max(...daily.values)).toBeLessThanOrEqual(37_000);
    const ranked = [...daily.values].sort((a, b) => b - a);
    expect(ranked.indexOf(vredenburg)).toBeLessThan(3);
    // About 125,000 cyclists a day ride through the centre (models.md §3.2); the sample's zones are of that order.
    expect(out.indicators['totalTrips']!.value!).toBeGreaterThan(80_000);
    expect(out.indicators['totalTrips']!.value!).toBeLessThan(200_000);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SAMPLE_GROUND_PATH } from './generate-sample-city.ts';
import { groundMapText } from './ground-map.ts';

interface GroundFeature {
  properties: { kind: string; name: string; width?: number };
  geometry: { type: string; coordinates: unknown };
}

describe('sample ground map', () => {
  const map = JSON.parse(groundMapText()) as { features: GroundFeature[]; bbox: number[] };

  it('is up to date with the layout (run `npm run sample` after changing it)', () => {
    expect(readFileSync(SAMPLE_GROUND_PATH, 'utf8')).toBe(groundMapText());
  });

  it('has the Oudegracht as a canal with its corridor width, inside the sample bounds', () => {
    const oudegracht = map.features.find((f) => f.properties.name === 'Oudegracht');
    expect(oudegracht?.properties.kind).toBe('canal');
    expect(oudegracht?.properties.width).toBeGreaterThan(10);
    const [west, south, east, north] = map.bbox as [number, number, number, number];
    const coordinates = oudegracht!.geometry.coordinates as [number, number][];
    const inside = coordinates.filter(
      ([lon, lat]) => lon >= west && lon <= east && lat >= south && lat <= north,
    );
    expect(inside.length).toBeGreaterThan(2);
  });

  it('paints areas before streets before canals', () => {
    const order = map.features.map((f) =>
      f.geometry.type === 'Polygon' ? 0 : f.properties.kind === 'street' ? 1 : 2,
    );
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(order).toContain(0);
    expect(order).toContain(2);
  });
});

import { describe, expect, it } from 'vitest';
import { lonLatToRd } from '../../geo/rd.ts';
import { createHttpClient } from '../http/client.ts';
import { describeBadInput } from '../../../tests/support/bad-input-suite.ts';
import { createTestClock } from '../../../tests/support/clock.ts';
import { createFakeFetch, jsonResponse } from '../../../tests/support/fake-fetch.ts';
import { fixtureJson } from '../../../tests/support/fixtures.ts';
import { cityJsonFeatureSchema, collectionSchema } from './schema.ts';
import {
  applyTransform,
  createThreeDBagApi,
  parseCityJsonFeature,
  rdBBoxFromLonLat,
  threeDBagTilesetUrl,
} from './index.ts';

const BASE = 'https://api.3dbag.nl';
const ITEMS = `${BASE}/collections/pand/items`;
const page = (n: number) => fixtureJson(`3dbag-api/items-dom-page${n}.json`);

function api() {
  const fake = createFakeFetch([
    {
      match: (u) => u.pathname === '/collections/pand/items' && !u.searchParams.has('offset'),
      replies: [jsonResponse(page(1))],
    },
    { match: (u) => u.searchParams.get('offset') === '3', replies: [jsonResponse(page(2))] },
    { match: (u) => u.searchParams.get('offset') === '5', replies: [jsonResponse(page(3))] },
    {
      match: `${ITEMS}/NL.IMBAG.Pand.0344100000031316`,
      replies: [jsonResponse(fixtureJson('3dbag-api/item-0344100000031316.json'))],
    },
  ]);
  const http = createHttpClient({ fetch: fake.fetch, clock: createTestClock(), random: () => 0.5 });
  return { bag: createThreeDBagApi({ baseUrl: BASE, http }), calls: fake.calls };
}

describe('3dbag tiles', () => {
  it('pins the version from endpoints and swaps the LoD', () => {
    expect(threeDBagTilesetUrl()).toBe('https://data.3dbag.nl/v20250903/cesium3dtiles/lod22/tileset.json');
    expect(threeDBagTilesetUrl('lod12')).toBe(
      'https://data.3dbag.nl/v20250903/cesium3dtiles/lod12/tileset.json',
    );
  });
});

describe('3dbag api', () => {
  it('collects all pages through rel=next (1-based offset) and applies the transform', async () => {
    const { bag, calls } = api();
    const r = await bag.buildingsInBBox([136700, 455840, 136850, 455960], { limit: 2 });
    expect(calls.map((c) => new URL(c.url).searchParams.get('offset'))).toEqual([null, '3', '5']);
    expect(new URL(calls[0]?.url ?? '').searchParams.get('bbox')).toBe('136700,455840,136850,455960');
    expect(new URL(calls[0]?.url ?? '').searchParams.get('limit')).toBe('2');
    expect(r.data.buildings.map((b) => b.bagId)).toEqual([
      '0344100000031316',
      '0344100000031317',
      '0344100000012345',
      '0344100000054321',
      '0344100000098765',
    ]);
    expect(r.data.numberMatched).toBe(5);
    expect(r.data.truncated).toBe(false);
    expect(r.provenance.licence).toBe('CC-BY-4.0');
    expect(r.provenance.url).toBe(calls[0]?.url);
  });

  it('stops at maxFeatures and says so', async () => {
    const { bag, calls } = api();
    const r = await bag.buildingsInBBox([136700, 455840, 136850, 455960], { limit: 2, maxFeatures: 3 });
    expect(r.data.buildings).toHaveLength(3);
    expect(r.data.truncated).toBe(true);
    expect(calls).toHaveLength(2);
  });

  it('caps the page size at 100', async () => {
    const { bag, calls } = api();
    await bag.buildingsInBBox([136700, 455840, 136850, 455960], { limit: 500, maxFeatures: 1 });
    expect(new URL(calls[0]?.url ?? '').searchParams.get('limit')).toBe('100');
  });

  it('parses the footprint (LoD0) and heights; RD lands in WGS84 where it should', async () => {
    const { bag } = api();
    const r = await bag.building('0344100000031316');
    const b = r.data;
    expect(b.identificatie).toBe('NL.IMBAG.Pand.0344100000031316');
    expect(b.footprintLod).toBe('0');
    expect(b.footprintRd).toHaveLength(5);
    expect(b.footprintRd[0]?.[0]).toBeCloseTo(136712.4, 3);
    expect(b.footprintRd[0]?.[1]).toBeCloseTo(455854.1, 3);
    expect(b.footprintRd[2]?.[0]).toBeCloseTo(136726.6, 3);
    expect(b.footprintRd[4]).toEqual(b.footprintRd[0]);
    // Near the Dom: lon ≈ 5.120, lat ≈ 52.090; and converting back gives the RD vertex.
    const [lon, lat] = b.footprint[0] ?? [0, 0];
    expect(lon).toBeGreaterThan(5.11);
    expect(lon).toBeLessThan(5.13);
    expect(lat).toBeGreaterThan(52.08);
    expect(lat).toBeLessThan(52.1);
    const [x, y] = lonLatToRd(lon, lat);
    expect(x).toBeCloseTo(136712.4, 2);
    expect(y).toBeCloseTo(455854.1, 2);
    expect(b.heights).toMatchObject({ ground: 2.1, roofMax: 14.6, roof70p: 13.8, datum: 'NAP' });
    expect(b.heights.geometryMinZ).toBeCloseTo(2.1, 6);
    expect(b.heights.geometryMaxZ).toBeCloseTo(14.6, 6);
    expect(b.attributes.oorspronkelijkbouwjaar).toBe(1925);
  });

  it('uses the GroundSurface of a solid when there is no LoD0', () => {
    const item = fixtureJson('3dbag-api/item-0344100000031316.json') as {
      feature: { CityObjects: Record<string, { geometry?: unknown[] }> };
      metadata: unknown;
    };
    const root = item.feature.CityObjects['NL.IMBAG.Pand.0344100000031316'];
    if (root) delete root.geometry;
    const feature = cityJsonFeatureSchema.parse(item.feature);
    const b = parseCityJsonFeature(feature, { scale: [0.001, 0.001, 0.001], translate: [136500, 455700, 0] });
    expect(b.footprintLod).toBe('1.2');
    expect(b.footprintRd).toHaveLength(5);
    expect(b.footprintRd[0]?.[0]).toBeCloseTo(136712.4, 3);
  });

  it('applies scale and translate to integer vertices', () => {
    expect(
      applyTransform([[1000, 2000, 3000]], { scale: [0.001, 0.01, 0.1], translate: [10, 20, 30] }),
    ).toEqual([[11, 40, 330]]);
  });

  it('rejects vertex indices out of range with a path', () => {
    const p = structuredClone(page(3)) as { features: { vertices: unknown[] }[] };
    const f = p.features[0];
    if (f) f.vertices = f.vertices.slice(0, 2);
    const r = collectionSchema.safeParse(p);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path.slice(0, 3)).toEqual(['features', 0, 'CityObjects']);
  });

  it('converts a WGS84 bbox to an RD envelope containing the corners', () => {
    const [minX, minY, maxX, maxY] = rdBBoxFromLonLat([5.117, 52.089, 5.125, 52.093]);
    expect(minX).toBeLessThan(maxX);
    expect(minY).toBeLessThan(maxY);
    expect(minX).toBeGreaterThan(136000);
    expect(maxX).toBeLessThan(137500);
  });
});

const good = page(3) as { features: Record<string, unknown>[] };
const missing = structuredClone(good);
delete missing.features[0]?.CityObjects;

describeBadInput('3dbag-api items', {
  sourceId: '3dbag-api',
  call: (http, signal) =>
    createThreeDBagApi({ baseUrl: BASE, http }).buildingsInBBox([1, 2, 3, 4], signal ? { signal } : {}),
  good,
  wrongShape: { body: { type: 'FeatureCollection', features: {} }, path: 'metadata' },
  missingField: { body: missing, path: 'features[0].CityObjects' },
  empty: { body: fixtureJson('3dbag-api/items-empty.json'), expect: 'empty-list' },
  items: (data) => (data as { buildings: unknown[] }).buildings,
});

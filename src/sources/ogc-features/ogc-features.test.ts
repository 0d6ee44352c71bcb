import { describe, expect, it } from 'vitest';
import { rdToLonLat } from '../../geo/rd.ts';
import { createHttpClient } from '../http/client.ts';
import { describeBadInput } from '../../../tests/support/bad-input-suite.ts';
import { createTestClock } from '../../../tests/support/clock.ts';
import { createFakeFetch, jsonResponse, type FakeRoute } from '../../../tests/support/fake-fetch.ts';
import { fixtureJson } from '../../../tests/support/fixtures.ts';
import {
  anyProperties,
  cbsNumber,
  createCbsWijkenBuurten,
  createOgcFeaturesClient,
  createPdokBag,
  createPdokBgt,
  RD_NEW_URI,
  splitGebruiksdoel,
} from './index.ts';

const BAG = 'https://api.pdok.nl/kadaster/bag/ogc/v2';
const BGT = 'https://api.pdok.nl/lv/bgt/ogc/v1';
const CBS = 'https://api.pdok.nl/cbs/wijken-en-buurten-2024/ogc/v1';

function http(routes: FakeRoute[]) {
  const fake = createFakeFetch(routes);
  return {
    http: createHttpClient({ fetch: fake.fetch, clock: createTestClock(), random: () => 0.5 }),
    calls: fake.calls,
  };
}

const bagRoutes: FakeRoute[] = [
  {
    match: (u) => u.pathname.endsWith('/pand/items') && u.searchParams.has('cursor'),
    replies: [jsonResponse(fixtureJson('pdok-bag/pand-page2.json'))],
  },
  {
    match: (u) => u.pathname.endsWith('/pand/items'),
    replies: [jsonResponse(fixtureJson('pdok-bag/pand-page1.json'))],
  },
];

describe('ogc-features: PDOK BAG panden', () => {
  it('follows the cursor link rel=next and types the properties', async () => {
    const t = http(bagRoutes);
    const r = await createPdokBag({ baseUrl: BAG, http: t.http }).panden([5.115, 52.088, 5.125, 52.094], {
      limit: 2,
    });
    expect(t.calls).toHaveLength(2);
    const first = new URL(t.calls[0]?.url ?? '');
    expect(first.pathname).toBe('/kadaster/bag/ogc/v2/collections/pand/items');
    expect(first.searchParams.get('bbox')).toBe('5.115,52.088,5.125,52.094');
    expect(first.searchParams.get('limit')).toBe('2');
    expect(first.searchParams.has('bbox-crs')).toBe(false);
    expect(new URL(t.calls[1]?.url ?? '').searchParams.get('cursor')).toBe('Dv4|NrJx');
    expect(r.data.features.map((f) => f.properties.identificatie)).toEqual([
      '0344100000031316',
      '0344100000031317',
      '0344100000012345',
    ]);
    expect(r.data.truncated).toBe(false);
    expect(splitGebruiksdoel(r.data.features[1]?.properties.gebruiksdoel)).toEqual([
      'woonfunctie',
      'winkelfunctie',
    ]);
    const ring =
      r.data.features[0]?.geometry?.type === 'Polygon' ? r.data.features[0].geometry.coordinates[0] : [];
    // The fixture's first corner is RD (136712.4, 455854.1), near the Dom.
    const [lon, lat] = rdToLonLat(136712.4, 455854.1);
    expect(ring?.[0]?.[0]).toBeCloseTo(lon, 6);
    expect(ring?.[0]?.[1]).toBeCloseTo(lat, 6);
    expect(r.provenance.sourceId).toBe('pdok-bag');
  });

  it('stops at maxFeatures without fetching the next page', async () => {
    const t = http(bagRoutes);
    const r = await createPdokBag({ baseUrl: BAG, http: t.http }).panden([5.1, 52.0, 5.2, 52.1], {
      limit: 2,
      maxFeatures: 2,
    });
    expect(r.data.features).toHaveLength(2);
    expect(r.data.truncated).toBe(true);
    expect(t.calls).toHaveLength(1);
  });

  it('re-roots next links on a proxy base', async () => {
    const t = http(bagRoutes);
    await createPdokBag({ baseUrl: 'http://localhost:8787/pdok-bag', http: t.http }).panden([
      5.1, 52.0, 5.2, 52.1,
    ]);
    expect(t.calls[1]?.url.startsWith('http://localhost:8787/pdok-bag/collections/pand/items?')).toBe(true);
  });
});

describe('ogc-features: BGT', () => {
  it('asks for trees with an RD bbox and bbox-crs, returns lon/lat points', async () => {
    const t = http([
      {
        match: /vegetatieobject_punt/,
        replies: [jsonResponse(fixtureJson('pdok-bgt/vegetatieobject_punt.json'))],
      },
    ]);
    const r = await createPdokBgt({ baseUrl: BGT, http: t.http }).trees([136700, 455800, 136900, 456000], {
      bboxCrs: 'EPSG:28992',
    });
    const url = new URL(t.calls[0]?.url ?? '');
    expect(url.searchParams.get('bbox-crs')).toBe(RD_NEW_URI);
    expect(r.data).toHaveLength(3);
    const [lon, lat] = rdToLonLat(136720.5, 455830.2);
    expect(r.data[0]?.lon).toBeCloseTo(lon, 6);
    expect(r.data[0]?.lat).toBeCloseTo(lat, 6);
    expect(r.provenance.licence).toBe('CC0-1.0');
  });

  it.each([
    ['begroeidterreindeel', 'grasland overig'],
    ['wegdeel', 'gesloten verharding'],
    ['waterdeel', 'watergang'],
  ] as const)('parses %s areas with a best-effort kind', async (collection, kind) => {
    const t = http([
      { match: () => true, replies: [jsonResponse(fixtureJson(`pdok-bgt/${collection}.json`))] },
    ]);
    const r = await createPdokBgt({ baseUrl: BGT, http: t.http }).areas(collection, [5.1, 52.0, 5.2, 52.1]);
    expect(r.data[0]?.kind).toBe(kind);
    expect(r.data[0]?.geometry?.type).toBe('Polygon');
    expect(new URL(t.calls[0]?.url ?? '').pathname).toBe(`/lv/bgt/ogc/v1/collections/${collection}/items`);
  });
});

describe('ogc-features: CBS buurten', () => {
  it('filters on gemeentecode and turns negative sentinels into null', async () => {
    const t = http([
      { match: () => true, replies: [jsonResponse(fixtureJson('cbs-wijkenbuurten/buurten-gm0344.json'))] },
    ]);
    const r = await createCbsWijkenBuurten({ baseUrl: CBS, http: t.http }).buurten();
    expect(new URL(t.calls[0]?.url ?? '').searchParams.get('gemeentecode')).toBe('GM0344');
    expect(r.data.map((b) => b.buurtcode)).toEqual(['BU03440533', 'BU03440000']);
    expect(r.data[0]?.stats.aantal_inwoners).toBe(4321);
    expect(r.data[0]?.stats.gemiddelde_woningwaarde).toBeNull();
    expect(r.data[1]?.stats.percentage_personen_65_jaar_en_ouder).toBeNull();
    expect(r.data[0]?.geometry?.type).toBe('MultiPolygon');
    expect(cbsNumber(0)).toBe(0);
  });
});

describe('ogc-features: generic client', () => {
  it('converts RD answers to WGS84 when crs=EPSG:28992 is requested', async () => {
    const body = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: 1,
          properties: {},
          geometry: { type: 'Point', coordinates: [140547.812, 454887.397, 3.2] },
        },
      ],
    };
    const t = http([{ match: () => true, replies: [jsonResponse(body)] }]);
    const client = createOgcFeaturesClient({ sourceId: 'pdok-bgt', baseUrl: BGT, http: t.http });
    const r = await client.items('x', { properties: anyProperties, crs: 'EPSG:28992' });
    expect(new URL(t.calls[0]?.url ?? '').searchParams.get('crs')).toBe(RD_NEW_URI);
    const g = r.data.features[0]?.geometry;
    const c = g?.type === 'Point' ? g.coordinates : [];
    expect(c[0]).toBeCloseTo(5.17636456, 5);
    expect(c[1]).toBeCloseTo(52.08206803, 5);
    expect(c[2]).toBe(3.2);
  });

  it('stops when a server repeats the same next link', async () => {
    const body = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry: null }],
      links: [{ rel: 'next', href: `${BGT}/collections/x/items?cursor=same` }],
    };
    const t = http([{ match: () => true, replies: [jsonResponse(body)] }]);
    const client = createOgcFeaturesClient({ sourceId: 'pdok-bgt', baseUrl: BGT, http: t.http });
    const r = await client.items('x', { properties: anyProperties });
    expect(t.calls).toHaveLength(2);
    expect(r.data.features).toHaveLength(2);
  });
});

const page1 = fixtureJson('pdok-bag/pand-page2.json') as {
  features: { geometry: { coordinates: unknown[][] } }[];
};
const brokenGeometry = structuredClone(page1);
const g0 = brokenGeometry.features[0];
if (g0) g0.geometry.coordinates = [[[5.1, 52.1]]];
const noId = structuredClone(page1) as unknown as { features: { properties: Record<string, unknown> }[] };
delete noId.features[0]?.properties.identificatie;

describeBadInput('ogc-features (PDOK BAG)', {
  sourceId: 'pdok-bag',
  call: (h, signal) =>
    createPdokBag({ baseUrl: BAG, http: h }).panden([5.1, 52.0, 5.2, 52.1], signal ? { signal } : {}),
  good: page1,
  wrongShape: { body: brokenGeometry, path: 'features[0].geometry.coordinates[0]' },
  missingField: { body: noId, path: 'features[0].properties.identificatie' },
  empty: { body: fixtureJson('pdok-bag/pand-empty.json'), expect: 'empty-list' },
  items: (d) => (d as { features: unknown[] }).features,
});

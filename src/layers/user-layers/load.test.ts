import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../../sources/http/client.ts';
import { isSourceError } from '../../sources/http/errors.ts';
import { describeSourceError } from '../../sources/messages.ts';
import { createTestClock } from '../../../tests/support/clock.ts';
import { createFakeFetch, jsonResponse, type FakeRoute } from '../../../tests/support/fake-fetch.ts';
import { fixtureJson, fixtureText } from '../../../tests/support/fixtures.ts';
import { loadUserLayer } from './load.ts';

const routes: FakeRoute[] = [
  { match: /parken\.geojson/, replies: [jsonResponse(fixtureJson('pdok-bgt/vegetatieobject_punt.json'))] },
  { match: /wrong\.geojson/, replies: [jsonResponse({ type: 'Feature', geometry: null })] },
  {
    match: /collections\/vegetatieobject_punt\/items/,
    replies: [jsonResponse(fixtureJson('pdok-bgt/vegetatieobject_punt.json'))],
  },
  {
    match: (u) => u.pathname.endsWith('/Things') && u.searchParams.get('$skip') === '2',
    replies: [jsonResponse(fixtureJson('samen-meten/things-344-page2.json'))],
  },
  {
    match: (u) => u.pathname.endsWith('/Things'),
    replies: [jsonResponse(fixtureJson('samen-meten/things-344-page1.json'))],
  },
  {
    match: /tileset\.json/,
    replies: [jsonResponse({ asset: { version: '1.1' }, root: { geometricError: 10 } })],
  },
  {
    match: /\/wms/,
    replies: [
      new Response(fixtureText('klimaateffectatlas/wms-capabilities.xml'), {
        headers: { 'content-type': 'text/xml' },
      }),
    ],
  },
];

function load(url: string, kind: Parameters<typeof loadUserLayer>[1]) {
  const fake = createFakeFetch(routes);
  const http = createHttpClient({ fetch: fake.fetch, clock: createTestClock(), random: () => 0.5 });
  return { result: loadUserLayer(new URL(url), kind, new AbortController().signal, http), calls: fake.calls };
}

describe('loading a user layer', () => {
  it('reads GeoJSON, OGC API Features and SensorThings into WGS84 features with provenance', async () => {
    const geojson = await load('https://data.example.org/parken.geojson', 'geojson').result;
    expect(geojson.data).toHaveLength(3);
    expect(geojson.provenance.sourceId).toBe('data.example.org');

    const ogc = load(
      'https://api.pdok.nl/lv/bgt/ogc/v1/collections/vegetatieobject_punt/items?bbox=5.1,52,5.2,52.1',
      'ogc-features',
    );
    expect((await ogc.result).data[0]?.geometry.type).toBe('Point');
    expect(new URL(ogc.calls[0]!.url).searchParams.get('bbox')).toBe('5.1,52,5.2,52.1');

    const things = await load('https://api-samenmeten.rivm.nl/v1.0/Things', 'sensorthings').result;
    expect(things.data.map((f) => f.properties['name'])).toEqual([
      'LTD_52011',
      'SSK_UT031',
      'HLL_hl_device_512',
    ]);
  });

  it('checks 3D Tiles and WMS without drawing them', async () => {
    expect((await load('https://example.org/tiles/tileset.json', '3dtiles').result).data).toEqual([]);
    const wms = load('https://example.org/kea/wms', 'wms');
    expect((await wms.result).data).toEqual([]);
    expect(wms.calls[0]!.url).toContain('request=GetCapabilities');
  });

  it('fails with a SourceError the panel can word', async () => {
    const error = await load('https://data.example.org/wrong.geojson', 'geojson').result.catch(
      (e: unknown) => e,
    );
    expect(isSourceError(error)).toBe(true);
    if (!isSourceError(error)) return;
    expect(error.kind).toBe('invalid-shape');
    expect(describeSourceError(error, 'nl')).toMatch(
      /^data\.example\.org stuurde gegevens in een onverwachte vorm/,
    );
  });
});

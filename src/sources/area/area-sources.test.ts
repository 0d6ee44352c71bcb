import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../http/client.ts';
import { createTestClock } from '../../../tests/support/clock.ts';
import { createFakeFetch, jsonResponse } from '../../../tests/support/fake-fetch.ts';
import { fixtureJson } from '../../../tests/support/fixtures.ts';
import { areaEndpointsUnder, createAreaSources } from './index.ts';

const endpoints = areaEndpointsUnder('http://mock.test', 'centre');

function sources(routes: [RegExp, string][]) {
  const fake = createFakeFetch(
    routes.map(([match, file]) => ({ match, replies: [jsonResponse(fixtureJson(file))] })),
  );
  const http = createHttpClient({ fetch: fake.fetch, clock: createTestClock(), random: () => 0.5 });
  return { calls: fake.calls, sources: createAreaSources(endpoints, http) };
}

describe('area sources on their recorded responses', () => {
  it('3DBAG: follows offset paging with limit 100 and no other parameters', async () => {
    const t = sources([
      [/offset=101/, '3dbag-api/area-centre-page2.json'],
      [/3dbag-api/, '3dbag-api/area-centre-page1.json'],
    ]);
    const r = await t.sources.buildings([136481, 455561, 136894, 456060]);
    const first = new URL(t.calls[0]!.url);
    expect([...first.searchParams.keys()].sort()).toEqual(['bbox', 'limit']);
    expect(first.searchParams.get('limit')).toBe('100');
    // Page 1 holds 100, page 2 the other 16 plus the repeated boundary building.
    expect(r.data).toHaveLength(117);
    expect(r.data[0]!.heights.ground).toBe(1);
    expect(r.data[0]!.footprint).toHaveLength(5);
  });

  it('BGT: follows the cursor to the second page', async () => {
    const t = sources([
      [/cursor=centrep2/, 'pdok-bgt/area-centre-wegdeel-page2.json'],
      [/wegdeel/, 'pdok-bgt/area-centre-wegdeel.json'],
    ]);
    const r = await t.sources.bgt('wegdeel', [5.117, 52.088, 5.123, 52.0925]);
    expect(t.calls).toHaveLength(2);
    // 6 north–south and 7 east–west street strips.
    expect(r.data).toHaveLength(13);
    expect(r.data[0]!.geometry?.type).toBe('Polygon');
  });

  it('CBS: buurten by bbox with the secret population as null', async () => {
    const t = sources([[/buurten/, 'cbs-wijkenbuurten/area-centre-buurten.json']]);
    const r = await t.sources.buurten([5.117, 52.088, 5.123, 52.0925]);
    expect(new URL(t.calls[0]!.url).searchParams.get('bbox')).toBe('5.117,52.088,5.123,52.0925');
    expect(r.data.map((b) => [b.code, b.population])).toEqual([
      ['BU03440001', 2310],
      ['BU03440002', 1875],
      ['BU03440003', 3020],
      ['BU03440004', null],
    ]);
  });
});

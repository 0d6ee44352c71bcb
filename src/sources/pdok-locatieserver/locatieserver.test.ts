import { describe, expect, it } from 'vitest';
import { rdToLonLat } from '../../geo/rd.ts';
import { createHttpClient } from '../http/client.ts';
import { describeBadInput } from '../../../tests/support/bad-input-suite.ts';
import { createTestClock } from '../../../tests/support/clock.ts';
import { createFakeFetch, jsonResponse } from '../../../tests/support/fake-fetch.ts';
import { fixtureJson } from '../../../tests/support/fixtures.ts';
import { createLocatieserver, sanitiseQuery, toLocation } from './index.ts';

const BASE = 'https://api.pdok.nl/bzk/locatieserver/search/v3_1';

function client(routes: Parameters<typeof createFakeFetch>[0]) {
  const fake = createFakeFetch(routes);
  const http = createHttpClient({ fetch: fake.fetch, clock: createTestClock(), random: () => 0.5 });
  return { ls: createLocatieserver({ baseUrl: BASE, http }), calls: fake.calls };
}

describe('pdok-locatieserver suggest', () => {
  it('builds the Utrecht-restricted URL and parses lon-first WKT', async () => {
    const { ls, calls } = client([
      {
        match: `${BASE}/suggest`,
        replies: [jsonResponse(fixtureJson('pdok-locatieserver/suggest-bolognalaan.json'))],
      },
    ]);
    const r = await ls.suggest('Bolognalaan 101');
    const url = new URL(calls[0]?.url ?? '');
    expect(url.pathname).toBe('/bzk/locatieserver/search/v3_1/suggest');
    expect(url.searchParams.get('q')).toBe('Bolognalaan 101');
    expect(url.searchParams.getAll('fq')).toEqual(['gemeentenaam:Utrecht']);
    expect(url.searchParams.get('fl')?.split(',')).toEqual(
      expect.arrayContaining(['id', 'weergavenaam', 'type', 'centroide_ll']),
    );
    expect(r.data).toHaveLength(3);
    expect(r.data[0]).toEqual({
      id: 'adr-b68c0c21140e5370ff2834cefde4a17c',
      label: 'Bolognalaan 101, 3584CJ Utrecht',
      type: 'adres',
      lon: 5.17636456,
      lat: 52.08206803,
    });
    expect(r.data[1]?.type).toBe('weg');
    expect(r.provenance).toMatchObject({ sourceId: 'pdok-locatieserver', attribution: 'Kadaster / PDOK' });
    expect(r.provenance.fetchedAt).toBe('2026-08-20T10:00:00.000Z');
  });

  it('accepts the real Utrecht-frontend mock (no type field) and adds type filters on request', async () => {
    const { ls, calls } = client([
      {
        match: `${BASE}/suggest`,
        replies: [jsonResponse(fixtureJson('pdok-locatieserver/suggest-annas.json'))],
      },
    ]);
    const r = await ls.suggest('annas', { types: ['adres', 'weg'], rows: 5 });
    expect(r.data[0]).toMatchObject({
      label: 'Annastraat 3A, 3512GP Utrecht',
      lon: 5.12053157,
      lat: 52.09192137,
    });
    const url = new URL(calls[0]?.url ?? '');
    expect(url.searchParams.getAll('fq')).toEqual(['gemeentenaam:Utrecht', 'type:(adres OR weg)']);
    expect(url.searchParams.get('rows')).toBe('5');
  });

  it('answers a blank query locally without a request', async () => {
    const { ls, calls } = client([]);
    const r = await ls.suggest('  :: ');
    expect(r.data).toEqual([]);
    expect(calls).toHaveLength(0);
  });

  it('drops Solr syntax from user input', () => {
    expect(sanitiseQuery('Oudegracht 1-3 (Utrecht) "x":y')).toBe('Oudegracht 1 3 Utrecht x y');
  });

  it('keeps a suggestion whose point is malformed, without coordinates', async () => {
    const body = {
      response: { numFound: 1, docs: [{ id: 'adr-1', weergavenaam: 'X', centroide_ll: 'POINT(nope)' }] },
    };
    const { ls } = client([{ match: `${BASE}/suggest`, replies: [jsonResponse(body)] }]);
    const r = await ls.suggest('x');
    expect(r.data).toEqual([{ id: 'adr-1', label: 'X', type: 'onbekend' }]);
  });
});

describe('pdok-locatieserver lookup', () => {
  it('returns lon/lat and RD for Bolognalaan 101, consistent with proj4', async () => {
    const { ls, calls } = client([
      {
        match: `${BASE}/lookup`,
        replies: [jsonResponse(fixtureJson('pdok-locatieserver/lookup-bolognalaan-101.json'))],
      },
    ]);
    const r = await ls.lookup('adr-b68c0c21140e5370ff2834cefde4a17c');
    expect(new URL(calls[0]?.url ?? '').searchParams.get('id')).toBe('adr-b68c0c21140e5370ff2834cefde4a17c');
    expect(r.data).toEqual({
      id: 'adr-b68c0c21140e5370ff2834cefde4a17c',
      label: 'Bolognalaan 101, 3584CJ Utrecht',
      lon: 5.17636456,
      lat: 52.08206803,
      rd: [140547.812, 454887.397],
    });
    const [lon, lat] = rdToLonLat(...(r.data.rd as [number, number]));
    expect(lon).toBeCloseTo(r.data.lon, 5);
    expect(lat).toBeCloseTo(r.data.lat, 5);
  });

  it('falls back to converting centroide_rd when centroide_ll is missing', () => {
    const loc = toLocation({ id: 'a', weergavenaam: 'A', centroide_rd: 'POINT(140547.812 454887.397)' });
    expect(loc.lon).toBeCloseTo(5.17636456, 5);
    expect(loc.lat).toBeCloseTo(52.08206803, 5);
  });

  it('a second lookup of the same id is served from the cache', async () => {
    const { ls, calls } = client([
      {
        match: `${BASE}/lookup`,
        replies: [jsonResponse(fixtureJson('pdok-locatieserver/lookup-bolognalaan-101.json'))],
      },
    ]);
    await ls.lookup('adr-b68c0c21140e5370ff2834cefde4a17c');
    await ls.lookup('adr-b68c0c21140e5370ff2834cefde4a17c');
    expect(calls).toHaveLength(1);
  });
});

describe('pdok-locatieserver reverse', () => {
  it('returns the nearest addresses with distance', async () => {
    const { ls, calls } = client([
      {
        match: `${BASE}/reverse`,
        replies: [jsonResponse(fixtureJson('pdok-locatieserver/reverse-dom.json'))],
      },
    ]);
    const r = await ls.reverse(5.1216, 52.0908, { rows: 2 });
    const url = new URL(calls[0]?.url ?? '');
    expect(url.searchParams.get('lon')).toBe('5.1216000');
    expect(url.searchParams.get('lat')).toBe('52.0908000');
    expect(r.data.map((h) => h.label)).toEqual(['Domplein 9, 3512JC Utrecht', 'Domplein 4, 3512JC Utrecht']);
    expect(r.data[0]?.distanceM).toBe(12.4);
    expect(r.data[0]?.rd).toEqual([136799.123, 455887.456]);
  });
});

const lookupFixture = fixtureJson('pdok-locatieserver/lookup-bolognalaan-101.json') as {
  response: { docs: Record<string, unknown>[] };
};
const withoutLabel = structuredClone(lookupFixture);
delete withoutLabel.response.docs[0]?.weergavenaam;

describeBadInput('pdok-locatieserver lookup', {
  sourceId: 'pdok-locatieserver',
  call: (http, signal) =>
    createLocatieserver({ baseUrl: BASE, http }).lookup('adr-x', signal ? { signal } : {}),
  good: lookupFixture,
  wrongShape: { body: { docs: [] }, path: 'response' },
  missingField: { body: withoutLabel, path: 'response.docs[0].weergavenaam' },
  empty: { body: fixtureJson('pdok-locatieserver/lookup-empty.json'), expect: 'error' },
});

const suggestFixture = fixtureJson('pdok-locatieserver/suggest-bolognalaan.json') as {
  response: { docs: Record<string, unknown>[] };
};
const suggestWithoutId = structuredClone(suggestFixture);
delete suggestWithoutId.response.docs[2]?.id;

describeBadInput('pdok-locatieserver suggest', {
  sourceId: 'pdok-locatieserver',
  call: (http, signal) =>
    createLocatieserver({ baseUrl: BASE, http }).suggest('bolo', signal ? { signal } : {}),
  good: suggestFixture,
  wrongShape: { body: { response: { numFound: '3', docs: [] } }, path: 'response.numFound' },
  missingField: { body: suggestWithoutId, path: 'response.docs[2].id' },
  empty: { body: fixtureJson('pdok-locatieserver/suggest-empty.json'), expect: 'empty-list' },
});

import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../http/client.ts';
import { describeBadInput } from '../../../tests/support/bad-input-suite.ts';
import { createTestClock } from '../../../tests/support/clock.ts';
import { createFakeFetch, jsonResponse } from '../../../tests/support/fake-fetch.ts';
import { fixtureJson } from '../../../tests/support/fixtures.ts';
import { createLuchtmeetnet } from './index.ts';

const BASE = 'https://api.luchtmeetnet.nl/open_api';

function setup() {
  const fake = createFakeFetch([
    {
      match: (u) => u.pathname.endsWith('/stations') && u.searchParams.get('page') === '2',
      replies: [jsonResponse(fixtureJson('luchtmeetnet/stations-page2.json'))],
    },
    {
      match: (u) => u.pathname.endsWith('/stations'),
      replies: [jsonResponse(fixtureJson('luchtmeetnet/stations-page1.json'))],
    },
    {
      match: (u) => u.pathname.endsWith('/stations/NL10636'),
      replies: [jsonResponse(fixtureJson('luchtmeetnet/station-NL10636.json'))],
    },
    {
      match: (u) => u.pathname.endsWith('/measurements'),
      replies: [jsonResponse(fixtureJson('luchtmeetnet/measurements-NL10636-NO2.json'))],
    },
  ]);
  const http = createHttpClient({ fetch: fake.fetch, clock: createTestClock(), random: () => 0.5 });
  return { lmn: createLuchtmeetnet({ baseUrl: BASE, http }), calls: fake.calls };
}

describe('luchtmeetnet', () => {
  it('pages stations by page number until last_page', async () => {
    const { lmn, calls } = setup();
    const r = await lmn.stations();
    expect(calls.map((c) => new URL(c.url).searchParams.get('page'))).toEqual(['1', '2']);
    expect(r.data.map((s) => s.number)).toEqual(['NL10636', 'NL10639', 'NL10641', 'NL10643']);
  });

  it('reads a station point lon-first', async () => {
    const { lmn } = setup();
    const r = await lmn.station('NL10636');
    expect(r.data).toEqual({
      number: 'NL10636',
      name: 'Utrecht-Kardinaal de Jongweg',
      lon: 5.124464,
      lat: 52.105031,
      municipality: 'Utrecht',
      components: ['NO2', 'NO', 'PM10', 'PM25'],
    });
  });

  it('asks for the newest measurements first', async () => {
    const { lmn, calls } = setup();
    const r = await lmn.latestMeasurements('NL10636', 'NO2');
    const url = new URL(calls[0]?.url ?? '');
    expect(url.pathname).toBe('/open_api/stations/NL10636/measurements');
    expect(url.searchParams.get('order_direction')).toBe('desc');
    expect(r.data[0]).toEqual({
      stationNumber: 'NL10636',
      formula: 'NO2',
      value: 23.4,
      time: '2026-08-20T09:00:00+00:00',
    });
  });
});

const m = fixtureJson('luchtmeetnet/measurements-NL10636-NO2.json') as { data: Record<string, unknown>[] };
const noValue = structuredClone(m);
delete noValue.data[1]?.value;

describeBadInput('luchtmeetnet measurements', {
  sourceId: 'luchtmeetnet',
  call: (http, signal) =>
    createLuchtmeetnet({ baseUrl: BASE, http }).latestMeasurements(
      'NL10636',
      'NO2',
      signal ? { signal } : {},
    ),
  good: m,
  wrongShape: { body: { data: { station_number: 'NL10636' } }, path: 'data' },
  missingField: { body: noValue, path: 'data[1].value' },
  empty: { body: fixtureJson('luchtmeetnet/stations-empty.json'), expect: 'empty-list' },
});

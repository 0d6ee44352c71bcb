import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHttpClient } from '../http/client.ts';
import { createSensorThingsClient, entityKey, odataString } from '../sensorthings/index.ts';
import { describeBadInput } from '../../../tests/support/bad-input-suite.ts';
import { createTestClock } from '../../../tests/support/clock.ts';
import { createFakeFetch, jsonResponse, type FakeRoute } from '../../../tests/support/fake-fetch.ts';
import { fixtureJson } from '../../../tests/support/fixtures.ts';
import { createSamenMeten } from './index.ts';

const BASE = 'https://api-samenmeten.rivm.nl/v1.0';

const routes: FakeRoute[] = [
  {
    match: (u) => u.pathname.endsWith('/Things') && u.searchParams.get('$skip') === '2',
    replies: [jsonResponse(fixtureJson('samen-meten/things-344-page2.json'))],
  },
  {
    match: (u) => u.pathname.endsWith('/Things'),
    replies: [jsonResponse(fixtureJson('samen-meten/things-344-page1.json'))],
  },
  ...['40101', '40201', '40301'].map((id) => ({
    match: (u: URL) => u.pathname.endsWith(`/Datastreams(${id})/Observations`),
    replies: [jsonResponse(fixtureJson(`samen-meten/observations-${id}-latest.json`))],
  })),
];

function setup(base = BASE) {
  const fake = createFakeFetch(routes);
  const http = createHttpClient({ fetch: fake.fetch, clock: createTestClock(), random: () => 0.5 });
  return { sm: createSamenMeten({ baseUrl: base, http }), http, calls: fake.calls };
}

describe('samen-meten sensors', () => {
  it("filters on codegemeente '344', expands, follows @iot.nextLink and normalises", async () => {
    const { sm, calls } = setup();
    const r = await sm.sensors();
    const first = new URL(calls[0]?.url ?? '');
    expect(first.searchParams.get('$filter')).toBe("properties/codegemeente eq '344'");
    expect(first.searchParams.get('$expand')).toBe('Locations,Datastreams');
    expect(calls).toHaveLength(2);
    // The fourth thing has no location and is dropped.
    expect(r.data.map((s) => s.sensorId)).toEqual(['8101', '8102', '8103']);
    expect(r.data[0]).toMatchObject({ name: 'LTD_52011', lon: 5.1181, lat: 52.0889 });
    expect(r.data[0]?.datastreams[0]).toEqual({ id: '40101', observedProperty: 'pm25_kal', unit: 'ug/m3' });
    expect(r.data[0]?.datastreams.map((d) => d.observedProperty)).toEqual([
      'pm25_kal',
      'pm25',
      'pm10_kal',
      'temp',
      'rh',
    ]);
    expect(r.data[0]?.latest).toBeUndefined();
    expect(r.provenance.sourceId).toBe('samen-meten');
  });

  it('adds the latest value of the preferred datastream on request', async () => {
    const { sm, calls } = setup();
    const r = await sm.sensors({ latestOf: ['pm25_kal', 'pm25'] });
    expect(r.data[0]?.latest).toEqual({
      time: '2026-08-20T09:00:00.000Z',
      value: 7.4,
      observedProperty: 'pm25_kal',
    });
    expect(r.data[1]?.latest?.value).toBe(11.2);
    // No observations yet: no latest, but the sensor stays.
    expect(r.data[2]?.latest).toBeUndefined();
    const obsCall = new URL(calls.find((c) => c.url.includes('Datastreams(40101)'))?.url ?? '');
    expect(obsCall.searchParams.get('$orderby')).toBe('phenomenonTime desc');
    expect(obsCall.searchParams.get('$top')).toBe('1');
  });

  it('re-roots @iot.nextLink on a proxy base', async () => {
    const { sm, calls } = setup('http://localhost:8787/samen-meten/v1.0');
    await sm.sensors();
    expect(calls[1]?.url.startsWith('http://localhost:8787/samen-meten/v1.0/Things?')).toBe(true);
  });
});

describe('sensorthings generic client', () => {
  it('quotes OData strings and keys', () => {
    expect(odataString("O'Brien")).toBe("'O''Brien'");
    expect(entityKey(38617)).toBe('38617');
    expect(entityKey('abc')).toBe("'abc'");
  });

  it('lists any entity path with a caller schema and respects maxItems', async () => {
    const { http, calls } = setup();
    const st = createSensorThingsClient({ sourceId: 'crowd-sensors', baseUrl: BASE, http });
    const r = await st.list('Things', z.looseObject({ name: z.string() }), { top: 2 }, { maxItems: 2 });
    expect(r.data.map((t) => t.name)).toEqual(['LTD_52011', 'SSK_UT031']);
    expect(calls).toHaveLength(1);
    // Unknown sources still get provenance.
    expect(r.provenance).toMatchObject({ sourceId: 'crowd-sensors', licence: 'unknown' });
  });
});

const page2 = fixtureJson('samen-meten/things-344-page2.json') as { value: Record<string, unknown>[] };
const noName = structuredClone(page2);
delete noName.value[0]?.name;

describeBadInput('samen-meten (SensorThings)', {
  sourceId: 'samen-meten',
  call: (http, signal) => createSamenMeten({ baseUrl: BASE, http }).sensors(signal ? { signal } : {}),
  good: page2,
  wrongShape: { body: { values: [] }, path: 'value' },
  missingField: { body: noName, path: 'value[0].name' },
  empty: { body: fixtureJson('samen-meten/things-empty.json'), expect: 'empty-list' },
});

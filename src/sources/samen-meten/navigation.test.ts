/**
 * Samen Meten Things whose related entities did not come expanded, or came in pages: the recorded
 * Things of Utrecht are reshaped as a FROST server answers then (navigation links instead of
 * arrays; `Datastreams@iot.nextLink` inside a Thing). Without following them a map shows 0 sensors.
 */
import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../http/client.ts';
import { createTestClock } from '../../../tests/support/clock.ts';
import { createFakeFetch, jsonResponse, type FakeRoute } from '../../../tests/support/fake-fetch.ts';
import { fixtureJson } from '../../../tests/support/fixtures.ts';
import { createSamenMeten } from './index.ts';

const BASE = 'https://api-samenmeten.rivm.nl/v1.0';
type Thing = Record<string, unknown> & { '@iot.id': number; Locations?: unknown[]; Datastreams?: unknown[] };
const page1 = fixtureJson('samen-meten/things-344-page1.json') as { value: Thing[] };
const page2 = fixtureJson('samen-meten/things-344-page2.json') as { value: Thing[] };
const things = [...page1.value, ...page2.value];
const byId = new Map(things.map((t) => [String(t['@iot.id']), t]));

/** The Things as a server that ignores $expand sends them: only navigation links. */
function unexpanded(t: Thing): Thing {
  const { Locations: _l, Datastreams: _d, ...rest } = t;
  return rest as Thing;
}

function setup(thingsReply: Thing[], extra: FakeRoute[] = []) {
  const fake = createFakeFetch([
    ...extra,
    { match: (u) => u.pathname.endsWith('/Things'), replies: [jsonResponse({ value: thingsReply })] },
  ]);
  // A navigation link without a query answers with the recorded expanded array of that Thing.
  const fetchImpl: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    const m = /\/Things\((\d+)\)\/(Locations|Datastreams)$/.exec(url.pathname);
    if (m && url.search === '') {
      fake.calls.push({ url: url.href, init });
      const t = byId.get(m[1]!);
      return jsonResponse({ value: (t?.[m[2]!] as unknown[] | undefined) ?? [] });
    }
    return fake.fetch(input, init);
  };
  const http = createHttpClient({ fetch: fetchImpl, clock: createTestClock(), random: () => 0.5 });
  return { sm: createSamenMeten({ baseUrl: BASE, http }), calls: fake.calls };
}

describe('samen-meten navigation links and nested paging', () => {
  it('still asks the server to expand Locations and Datastreams', async () => {
    const { sm, calls } = setup(things);
    await sm.sensors();
    expect(new URL(calls[0]!.url).searchParams.get('$expand')).toBe('Locations,Datastreams');
  });

  it('Things without $expand: follows each navigation link instead of reporting 0 sensors', async () => {
    const { sm, calls } = setup(things.map(unexpanded));
    const r = await sm.sensors();
    expect(r.data.map((s) => s.sensorId)).toEqual(['8101', '8102', '8103']);
    expect(r.data[0]).toMatchObject({ lon: 5.1181, lat: 52.0889 });
    expect(r.data[0]?.datastreams.map((d) => d.observedProperty)).toEqual([
      'pm25_kal',
      'pm25',
      'pm10_kal',
      'temp',
      'rh',
    ]);
    expect(calls.some((c) => c.url.endsWith('/Things(8101)/Datastreams'))).toBe(true);
  });

  it('follows Datastreams@iot.nextLink inside a Thing, with a page cap', async () => {
    const first = things[0]!;
    const streams = first.Datastreams as Record<string, unknown>[];
    const nested: Thing = {
      ...first,
      Datastreams: streams.slice(0, 2),
      'Datastreams@iot.nextLink': `${BASE}/Things(8101)/Datastreams?$top=2&$skip=2`,
    };
    const pageAt = (skip: number) => ({
      value: streams.slice(skip, skip + 2),
      ...(skip + 2 < streams.length
        ? { '@iot.nextLink': `${BASE}/Things(8101)/Datastreams?$top=2&$skip=${skip + 2}` }
        : {}),
    });
    const { sm, calls } = setup(
      [nested, ...things.slice(1)],
      [
        {
          match: (u) =>
            u.pathname.endsWith('/Things(8101)/Datastreams') && u.searchParams.get('$skip') === '2',
          replies: [jsonResponse(pageAt(2))],
        },
        {
          match: (u) =>
            u.pathname.endsWith('/Things(8101)/Datastreams') && u.searchParams.get('$skip') === '4',
          replies: [jsonResponse(pageAt(4))],
        },
      ],
    );
    const r = await sm.sensors();
    expect(r.data[0]?.datastreams.map((d) => d.id)).toEqual(streams.map((s) => String(s['@iot.id'])));
    expect(calls.filter((c) => c.url.includes('/Things(8101)/Datastreams')).length).toBe(2);
  });

  it('a nested nextLink that never ends stops at the page cap', async () => {
    const first = things[0]!;
    let served = 0;
    const endless: FakeRoute = {
      match: (u) => u.pathname.endsWith('/Things(8101)/Datastreams'),
      replies: [
        () => {
          served++;
          return jsonResponse({
            value: [(first.Datastreams as unknown[])[0]],
            '@iot.nextLink': `${BASE}/Things(8101)/Datastreams?$skip=${served}`,
          });
        },
      ],
    };
    const { sm } = setup(
      [
        { ...first, 'Datastreams@iot.nextLink': `${BASE}/Things(8101)/Datastreams?$skip=0` },
        ...things.slice(1),
      ],
      [endless],
    );
    const r = await sm.sensors();
    expect(served).toBe(10);
    expect(r.data).toHaveLength(3);
  });
});

import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../http/client.ts';
import { describeBadInput } from '../../../tests/support/bad-input-suite.ts';
import { createTestClock } from '../../../tests/support/clock.ts';
import { createFakeFetch, jsonResponse } from '../../../tests/support/fake-fetch.ts';
import { fixtureJson } from '../../../tests/support/fixtures.ts';
import { createUtrechtPortal } from './index.ts';

const BASE = 'https://open.utrecht.nl/api';

function setup() {
  const fake = createFakeFetch([
    {
      match: (u) => u.searchParams.get('start') === '3',
      replies: [jsonResponse(fixtureJson('utrecht-portal/datasets-start-3.json'))],
    },
    {
      match: (u) => u.pathname.endsWith('/datasets'),
      replies: [jsonResponse(fixtureJson('utrecht-portal/datasets-start-0.json'))],
    },
  ]);
  const http = createHttpClient({ fetch: fake.fetch, clock: createTestClock(), random: () => 0.5 });
  return { portal: createUtrechtPortal({ baseUrl: BASE, http }), calls: fake.calls };
}

describe('utrecht-portal (tolerant: shape uncertain)', () => {
  it('pages by start/total and tolerates missing or language-map attributes', async () => {
    const { portal, calls } = setup();
    const r = await portal.datasets();
    expect(calls.map((c) => new URL(c.url).searchParams.get('start'))).toEqual(['0', '3']);
    expect(r.data.map((d) => d.id)).toEqual([
      'fietstellingen',
      'bomen',
      'utrecht-geo-werfkelders',
      'luchtmeetnet-utrecht',
      'evenementen',
    ]);
    expect(r.data[2]?.title).toBe('Werfkelders');
    // No attributes at all: the id stands in for the title.
    expect(r.data[4]).toEqual({
      id: 'evenementen',
      title: 'evenementen',
      keywords: [],
      url: 'https://open.utrecht.nl/dataset/evenementen',
    });
  });

  it('searches id, title, description and keywords client-side', async () => {
    const { portal } = setup();
    const r = await portal.search('fiets');
    expect(r.data.map((d) => d.id)).toEqual(['fietstellingen']);
    expect((await portal.search('groen')).data.map((d) => d.id)).toEqual(['bomen']);
  });
});

const p0 = fixtureJson('utrecht-portal/datasets-start-3.json') as { data: Record<string, unknown>[] };
const noId = structuredClone(p0);
delete noId.data[1]?.id;

describeBadInput('utrecht-portal datasets', {
  sourceId: 'utrecht-portal',
  call: (http, signal) => createUtrechtPortal({ baseUrl: BASE, http }).datasets(signal ? { signal } : {}),
  good: p0,
  wrongShape: { body: { data: 'datasets' }, path: 'data' },
  missingField: { body: noId, path: 'data[1].id' },
  empty: { body: { meta: { start: 0, rows: 0, total: 0 }, data: [] }, expect: 'empty-list' },
});

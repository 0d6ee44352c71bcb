import { describe, expect, it } from 'vitest';
import { assessCrowd } from '../../monitor/monitor.ts';
import { createHttpClient } from '../http/client.ts';
import { SourceError } from '../http/errors.ts';
import { describeBadInput } from '../../../tests/support/bad-input-suite.ts';
import { createTestClock } from '../../../tests/support/clock.ts';
import {
  createFakeFetch,
  jsonResponse,
  type FakeReply,
  type FakeRoute,
} from '../../../tests/support/fake-fetch.ts';
import { fixtureJson } from '../../../tests/support/fixtures.ts';
import { alignSite, parseInterval } from './align.ts';
import { createCrowdCounts } from './index.ts';

const BASE = 'https://telpunten.example.org/FROST-Server/v1.1';
const SINCE = Date.parse('2026-06-13T10:00:00Z');
const fixture = (name: string) => jsonResponse(fixtureJson(`crowd-counts/${name}`));

function routes(overrides: Record<string, FakeReply[]> = {}): FakeRoute[] {
  const obs = (id: string, replies: FakeReply[]): FakeRoute => ({
    match: (u) => u.pathname.endsWith(`/Datastreams(${id})/Observations`),
    replies: overrides[id] ?? replies,
  });
  return [
    {
      match: (u) => u.pathname.endsWith('/Things') && u.searchParams.get('$skip') === '2',
      replies: [fixture('things-page2.json')],
    },
    {
      match: (u) => u.pathname.endsWith('/Things'),
      replies: overrides['things'] ?? [fixture('things-page1.json')],
    },
    {
      match: (u) =>
        u.pathname.endsWith('/Datastreams(5011)/Observations') && u.searchParams.get('$skip') === '12',
      replies: [fixture('observations-5011-page2.json')],
    },
    obs('5011', [fixture('observations-5011-page1.json')]),
    ...['5012', '5021', '5022', '5031', '5032'].map((id) => obs(id, [fixture(`observations-${id}.json`)])),
  ];
}

function setup(overrides: Record<string, FakeReply[]> = {}, base = BASE) {
  const fake = createFakeFetch(routes(overrides));
  const clock = createTestClock(Date.parse('2026-06-13T12:00:30Z'));
  const http = createHttpClient({ fetch: fake.fetch, clock, random: () => 0.5 });
  return { counts: createCrowdCounts({ baseUrl: base, http }), calls: fake.calls };
}

describe('crowd counts from SensorThings: sites', () => {
  it('expands Locations and Datastreams, follows @iot.nextLink and reads the convention', async () => {
    const { counts, calls } = setup();
    const r = await counts.sites();
    const first = new URL(calls[0]!.url);
    expect(first.searchParams.get('$expand')).toBe('Locations,Datastreams($expand=ObservedProperty)');
    expect(calls).toHaveLength(2);
    expect(r.data.sites.map((s) => s.site)).toEqual([
      {
        id: 'steenweg',
        name: 'Steenweg',
        kind: 'line',
        lon: 5.1184,
        lat: 52.09135,
        crowdKind: 'moving',
        widthM: 5,
        linkId: 'steenweg',
      },
      {
        id: 'neude-plein',
        name: 'Neude (plein)',
        kind: 'area',
        lon: 5.11995,
        lat: 52.09345,
        crowdKind: 'moving',
        areaM2: 3000,
      },
      // No siteId: the Thing id; direction from the Datastream properties.
      {
        id: 'thing-503',
        name: 'Domplein',
        kind: 'line',
        lon: 5.12132,
        lat: 52.0909,
        crowdKind: 'moving',
        widthM: 6,
        linkId: 'servetstraat',
      },
    ]);
    expect(r.data.sites.map((s) => s.streams)).toEqual([
      { in: '5011', out: '5012' },
      { in: '5021', out: '5022' },
      { in: '5031', out: '5032' },
    ]);
    // Lijnmarkt lacks a width; the air-quality Thing is not a counter and is not mentioned.
    expect(r.data.issues).toEqual([
      'Thing 504 "Lijnmarkt" is a line site without a properties.widthM above 0.',
    ]);
    expect(r.provenance).toMatchObject({ sourceId: 'crowd-counts', confidence: 'low' });
  });
});

describe('crowd counts from SensorThings: feed', () => {
  it('asks for the counts since a moment, in time order, and follows paging', async () => {
    const { counts, calls } = setup();
    await counts.feed({ since: SINCE });
    const obs = calls.map((c) => new URL(c.url)).filter((u) => u.pathname.includes('Datastreams(5011)'));
    expect(obs).toHaveLength(2);
    expect(obs[0]!.searchParams.get('$filter')).toBe('phenomenonTime ge 2026-06-13T10:00:00.000Z');
    expect(obs[0]!.searchParams.get('$orderby')).toBe('phenomenonTime asc');
    expect(obs[1]!.searchParams.get('$skip')).toBe('12');
  });

  it('aligns both directions on one grid, with gaps as null', async () => {
    const { counts } = setup();
    const r = await counts.feed({ since: SINCE, until: Date.parse('2026-06-13T12:00:00Z') });
    const feed = r.data;
    expect(feed.meta).toMatchObject({ id: 'crowd-counts', sample: false, source: BASE });
    expect(feed.meta.issues).toEqual([
      'Thing 504 "Lijnmarkt" is a line site without a properties.widthM above 0.',
    ]);
    const steenweg = feed.series.find((s) => s.siteId === 'steenweg')!;
    expect(steenweg).toMatchObject({ start: '2026-06-13T10:00:00.000Z', intervalSeconds: 300 });
    expect(steenweg.in).toHaveLength(24);
    expect(steenweg.in.every((v) => typeof v === 'number')).toBe(true);
    expect(steenweg.in.slice(0, 3)).toEqual([339, 313, 374]);
    // 10:35 never arrived and 10:40 said "no data": both are null, the rest is in place.
    expect(steenweg.out.map((v, i) => (v === null ? i : -1)).filter((i) => i >= 0)).toEqual([7, 8]);
    expect(steenweg.out[9]).toBe(fixtureValue('observations-5012.json', 8)); // index 7 (10:35) is absent in the file
    const dom = feed.series.find((s) => s.siteId === 'thing-503')!;
    expect(dom.in).toHaveLength(14);
  });

  it('a feed that went quiet: the monitor shows its last state and its age', async () => {
    const { counts } = setup();
    const r = await counts.feed({ since: SINCE });
    const now = Date.parse('2026-06-13T12:00:30Z');
    const a = assessCrowd(r.data, now);
    expect(a.latestAt).toBe(Date.parse('2026-06-13T12:00:00Z'));
    const dom = a.sites.find((s) => s.site.id === 'thing-503')!;
    expect(dom.latestAt).toBe(Date.parse('2026-06-13T11:10:00Z'));
    expect(dom.count).not.toBeNull();
    expect(dom.forecast).toEqual([]);
    expect(dom.certainty).toBe('low');
    const neude = a.sites.find((s) => s.site.id === 'neude-plein')!;
    expect(neude.count).toBe(24 * 20); // 20 more entries than exits per interval
    expect(neude.certainty).not.toBe('low');
  });

  it('one broken counter becomes an issue and a warning; the other sites still come through', async () => {
    const { counts } = setup({ '5031': [fixture('observations-bad-result.json')] });
    const r = await counts.feed({ since: SINCE });
    expect(r.data.sites).toHaveLength(3);
    expect(r.warning).toBeInstanceOf(SourceError);
    expect(r.warning).toMatchObject({ kind: 'invalid-shape', issuePath: 'value[1].result' });
    expect(r.data.meta.issues).toContainEqual(
      expect.stringMatching(/^thing-503 in: no counts \(\[crowd-counts\] invalid-shape/),
    );
    // Only the "out" direction arrived: the site has no complete interval, so the monitor shows no count.
    const dom = assessCrowd(r.data, Date.parse('2026-06-13T12:00:30Z')).sites.find(
      (s) => s.site.id === 'thing-503',
    )!;
    expect(dom.count).toBeNull();
    expect(dom.latestAt).toBeNull();
  });

  it('fails with a clear SourceError when the Things cannot be read, or none are usable', async () => {
    const broken = setup({ things: [jsonResponse({ error: 'down' }, { status: 500 })] });
    const e = await broken.counts.feed({ since: SINCE }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SourceError);
    expect((e as SourceError).message).toMatch(
      /^\[crowd-counts\] http-status · status 500 · https:\/\/telpunten/,
    );
    const none = setup({ things: [fixture('things-empty.json')] });
    const empty = await none.counts.feed({ since: SINCE }).catch((x: unknown) => x);
    expect(empty).toMatchObject({ kind: 'empty', detail: 'no usable counting sites' });
  });
});

describe('crowd counts: placing observations on a grid', () => {
  it('reads "start/end" intervals only', () => {
    expect(parseInterval('2026-06-13T10:00:00Z/2026-06-13T10:05:00Z')).toEqual({
      start: Date.parse('2026-06-13T10:00:00Z'),
      end: Date.parse('2026-06-13T10:05:00Z'),
    });
    expect(parseInterval('2026-06-13T10:00:00Z')).toBeUndefined();
    expect(parseInterval('2026-06-13T10:05:00Z/2026-06-13T10:00:00Z')).toBeUndefined();
  });

  it('keeps the most common interval, corrects repeats and reports what does not fit', () => {
    const t = (m: number) => Date.parse('2026-06-13T10:00:00Z') + m * 60_000;
    const five = (m: number, value: number | null) => ({ start: t(m), end: t(m + 5), value });
    const aligned = alignSite('x', {
      in: [five(0, 10), five(5, 11), five(5, 12), five(15, 13), { start: t(20), end: t(35), value: 99 }],
      out: [five(0, 20), five(7, 21), five(10, null)],
    });
    expect(aligned.series).toEqual({
      siteId: 'x',
      start: '2026-06-13T10:00:00.000Z',
      intervalSeconds: 300,
      in: [10, 12, null, 13],
      out: [20, null, null, null],
    });
    expect(aligned.problems).toEqual(['x: 2 observation(s) off the 300-second grid were left out.']);
  });
});

function fixtureValue(name: string, index: number): unknown {
  return (fixtureJson(`crowd-counts/${name}`) as { value: { result: unknown }[] }).value[index]!.result;
}

const page2 = fixtureJson('crowd-counts/things-page2.json') as { value: Record<string, unknown>[] };
const noName = structuredClone(page2);
delete noName.value[0]!['name'];

describeBadInput('crowd-counts (SensorThings)', {
  sourceId: 'crowd-counts',
  call: (http, signal) => createCrowdCounts({ baseUrl: BASE, http }).sites(signal ? { signal } : {}),
  good: page2,
  wrongShape: { body: { values: [] }, path: 'value' },
  missingField: { body: noName, path: 'value[0].name' },
  empty: { body: fixtureJson('crowd-counts/things-empty.json'), expect: 'empty-list' },
  items: (data) => (data as { sites: unknown[] }).sites,
});

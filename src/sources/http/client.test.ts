import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestClock } from '../../../tests/support/clock.ts';
import { createFakeFetch, jsonResponse } from '../../../tests/support/fake-fetch.ts';
import { createMemoryStore, type CacheEntry, type CacheStore } from './cache.ts';
import { createHttpClient } from './client.ts';
import { SourceError, formatIssuePath } from './errors.ts';
import { redactUrl } from './redact.ts';
import { backoffDelay, parseRetryAfter } from './retry.ts';
import { buildUrl, rebaseUrl } from './url.ts';

const schema = z.object({ n: z.number() });
const URL_A = 'https://example.test/a';

function setup(replies: Parameters<typeof createFakeFetch>[0][number]['replies'], extra = {}) {
  const clock = createTestClock();
  const fake = createFakeFetch([{ match: () => true, replies }]);
  const http = createHttpClient({ fetch: fake.fetch, clock, random: () => 0.5, ...extra });
  return { http, clock, calls: fake.calls };
}

describe('fetch wrapper', () => {
  it('de-duplicates identical in-flight requests', async () => {
    const t = setup([jsonResponse({ n: 1 })]);
    const [a, b] = await Promise.all([
      t.http.request({ sourceId: 's', url: URL_A, schema }),
      t.http.request({ sourceId: 's', url: URL_A, schema }),
    ]);
    expect(t.calls).toHaveLength(1);
    expect(a.data).toEqual({ n: 1 });
    // Each caller gets its own copy.
    expect(a.data).not.toBe(b.data);
  });

  it('one caller aborting does not cancel the shared request for the other', async () => {
    let release: (r: Response) => void = () => undefined;
    const t = setup([() => new Promise<Response>((r) => (release = r))]);
    const c = new AbortController();
    const first = t.http.request({ sourceId: 's', url: URL_A, schema, signal: c.signal });
    const second = t.http.request({ sourceId: 's', url: URL_A, schema });
    for (let i = 0; i < 50 && t.calls.length === 0; i++) await Promise.resolve();
    c.abort();
    await expect(first).rejects.toMatchObject({ kind: 'aborted' });
    release(jsonResponse({ n: 2 }));
    await expect(second).resolves.toMatchObject({ data: { n: 2 } });
    expect(t.calls[0]?.init?.signal?.aborted).toBe(false);
  });

  it('serves fresh cache hits within the TTL and refetches after', async () => {
    const t = setup([jsonResponse({ n: 1 }), jsonResponse({ n: 2 })]);
    const spec = { sourceId: 's', url: URL_A, schema, policy: { ttlMs: 1000 } };
    expect((await t.http.request(spec)).fromCache).toBe(false);
    const hit = await t.http.request(spec);
    expect(hit).toMatchObject({ fromCache: true, data: { n: 1 } });
    t.clock.advance(1001);
    expect((await t.http.request(spec)).data).toEqual({ n: 2 });
    expect(t.calls).toHaveLength(2);
  });

  it("cache: 'reload' skips a fresh entry", async () => {
    const t = setup([jsonResponse({ n: 1 }), jsonResponse({ n: 2 })]);
    await t.http.request({ sourceId: 's', url: URL_A, schema });
    expect((await t.http.request({ sourceId: 's', url: URL_A, schema, cache: 'reload' })).data).toEqual({
      n: 2,
    });
  });

  it('does not serve stale data older than maxStaleMs', async () => {
    const t = setup([jsonResponse({ n: 1 }), jsonResponse({}, { status: 500 })]);
    const spec = { sourceId: 's', url: URL_A, schema, policy: { ttlMs: 10, maxStaleMs: 1000, retries: 0 } };
    await t.http.request(spec);
    t.clock.advance(2000);
    await expect(t.http.request(spec)).rejects.toMatchObject({ kind: 'http-status' });
  });

  it('uses an injected persistent store and re-validates what it reads', async () => {
    const entries = new Map<string, CacheEntry>();
    const store: CacheStore = {
      get: async (k) => entries.get(k),
      set: async (k, e) => void entries.set(k, e),
      delete: async (k) => void entries.delete(k),
    };
    const t = setup([jsonResponse({ n: 1 }), jsonResponse({ n: 3 })], { store });
    await t.http.request({ sourceId: 's', url: URL_A, schema });
    expect(entries.size).toBe(1);
    // Corrupt the stored value: it must not be served, a refetch happens instead.
    for (const [k, e] of entries) entries.set(k, { ...e, value: { n: 'x' } });
    expect((await t.http.request({ sourceId: 's', url: URL_A, schema })).data).toEqual({ n: 3 });
  });

  it('keeps request headers out of the cache key and the store', async () => {
    const store = createMemoryStore();
    const t = setup([jsonResponse({ n: 1 })], { store });
    await t.http.request({ sourceId: 's', url: URL_A, schema, headers: { 'X-Api-Key': 'secret' } });
    expect(JSON.stringify(await store.get(`s GET ${URL_A} `))).not.toContain('secret');
    expect(store.size).toBe(1);
  });

  it('redacts keys in the URL of errors and provenance', async () => {
    const t = setup([jsonResponse({}, { status: 403 })]);
    const e = await t.http
      .request({ sourceId: 's', url: `${URL_A}?api_key=abc123&q=x`, schema })
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SourceError);
    expect((e as SourceError).url).toBe('https://example.test/a?api_key=REDACTED&q=x');
    expect((e as SourceError).message).not.toContain('abc123');
  });

  it('formats deep zod paths like features[3].geometry.coordinates', async () => {
    const deep = z.object({
      features: z.array(z.object({ geometry: z.object({ coordinates: z.array(z.number()) }) })),
    });
    const body = {
      features: [0, 1, 2, 3].map((i) => ({ geometry: { coordinates: i === 3 ? ['x'] : [1] } })),
    };
    const t = setup([jsonResponse(body)]);
    await expect(t.http.request({ sourceId: 's', url: URL_A, schema: deep })).rejects.toMatchObject({
      kind: 'invalid-shape',
      issuePath: 'features[3].geometry.coordinates[0]',
    });
    expect(formatIssuePath(['features', 3, 'geometry', 'coordinates'])).toBe(
      'features[3].geometry.coordinates',
    );
  });

  it('an empty body is "empty", not a JSON error', async () => {
    const t = setup([new Response('', { status: 200 })]);
    await expect(t.http.request({ sourceId: 's', url: URL_A, schema })).rejects.toMatchObject({
      kind: 'empty',
    });
  });

  it('an already-aborted signal fails without a request', async () => {
    const t = setup([jsonResponse({ n: 1 })]);
    await expect(
      t.http.request({ sourceId: 's', url: URL_A, schema, signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({
      kind: 'aborted',
    });
    expect(t.calls).toHaveLength(0);
  });

  it('logs only redacted URLs', async () => {
    const log: string[] = [];
    const t = setup([jsonResponse({ n: 1 })], { log: (e: unknown) => log.push(JSON.stringify(e)) });
    await t.http.request({ sourceId: 's', url: `${URL_A}?token=t0k`, schema });
    expect(log.join()).not.toContain('t0k');
  });
});

describe('retry timing', () => {
  it('parses Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-08-20T10:00:00Z');
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter('Thu, 20 Aug 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Thu, 20 Aug 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('honours an HTTP-date Retry-After on the injected clock', async () => {
    const t = setup([
      () =>
        jsonResponse(
          {},
          {
            status: 503,
            headers: { 'retry-after': new Date(Date.parse('2026-08-20T10:00:12Z')).toUTCString() },
          },
        ),
      jsonResponse({ n: 1 }),
    ]);
    await t.http.request({ sourceId: 's', url: URL_A, schema });
    expect(t.clock.fired).toEqual([12_000]);
  });

  it('backs off exponentially with bounded jitter', () => {
    const p = { baseDelayMs: 500, maxDelayMs: 4000 };
    expect([0, 1, 2, 3, 4].map((a) => backoffDelay(a, p, () => 0))).toEqual([250, 500, 1000, 2000, 2000]);
    expect([0, 1, 2, 3, 4].map((a) => backoffDelay(a, p, () => 1))).toEqual([500, 1000, 2000, 4000, 4000]);
  });
});

describe('url helpers', () => {
  it('builds URLs with repeated params and skips undefined', () => {
    expect(buildUrl('https://x.test/api/', '/items', { a: 1, b: undefined, fq: ['p:1', 'q:2'] })).toBe(
      'https://x.test/api/items?a=1&fq=p%3A1&fq=q%3A2',
    );
    expect(buildUrl('/data/x.json', '')).toBe('/data/x.json');
  });

  it('re-roots next links on a proxy base', () => {
    expect(
      rebaseUrl(
        'https://api.3dbag.nl/collections/pand/items?offset=3',
        'http://m/3dbag-api',
        '/collections/',
      ),
    ).toBe('http://m/3dbag-api/collections/pand/items?offset=3');
    expect(rebaseUrl('https://api.3dbag.nl/collections/x', 'https://api.3dbag.nl', '/collections/')).toBe(
      'https://api.3dbag.nl/collections/x',
    );
  });

  it('redacts secrets but leaves other URLs untouched', () => {
    expect(redactUrl('https://x.test/a?q=1')).toBe('https://x.test/a?q=1');
    expect(redactUrl('/proxy?key=k&x=1')).toBe('/proxy?key=REDACTED&x=1');
    expect(redactUrl('https://u:p@x.test/a')).toBe('https://x.test/a');
  });
});

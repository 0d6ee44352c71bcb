/**
 * The loaders against the real mock server over HTTP (real fetch, real sockets, port 0), including
 * injected failures. Retry delays and timeouts are shortened via the client's policy defaults.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient, type HttpClient } from '../../src/sources/http/client.ts';
import { systemClock } from '../../src/sources/http/clock.ts';
import { SourceError } from '../../src/sources/http/errors.ts';
import { createLocatieserver } from '../../src/sources/pdok-locatieserver/index.ts';
import { createSamenMeten } from '../../src/sources/samen-meten/index.ts';
import { createTelraam } from '../../src/sources/telraam/index.ts';
import { createThreeDBagApi } from '../../src/sources/threedbag/index.ts';
import { createMockApiServer, type MockApiServer } from './server.ts';

let server: MockApiServer;
const fast = () =>
  createHttpClient({ overrides: { baseDelayMs: 5, maxDelayMs: 20, timeoutMs: 3_000, ttlMs: 0 } });

async function failure(p: Promise<unknown>): Promise<SourceError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(SourceError);
  return e as SourceError;
}

beforeAll(async () => {
  server = await createMockApiServer({ port: 0 });
});
afterAll(async () => {
  await server.close();
});

describe('mock API server: PDOK Locatieserver over HTTP', () => {
  it('suggest → lookup for Bolognalaan 101', async () => {
    const ls = createLocatieserver({ baseUrl: `${server.url}/pdok-locatieserver`, http: fast() });
    const s = await ls.suggest('Bolognalaan 101');
    expect(s.data[0]?.id).toBe('adr-b68c0c21140e5370ff2834cefde4a17c');
    const l = await ls.lookup(s.data[0]?.id ?? '');
    expect(l.data).toMatchObject({ lon: 5.17636456, lat: 52.08206803, rd: [140547.812, 454887.397] });
    expect(l.provenance.url.startsWith(server.url)).toBe(true);
    await expect(ls.lookup('adr-unknown')).rejects.toMatchObject({ kind: 'empty' });
  });

  it('sends CORS headers and answers preflight', async () => {
    const res = await fetch(`${server.url}/pdok-locatieserver/suggest?q=anna`);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const pre = await fetch(`${server.url}/pdok-locatieserver/suggest`, { method: 'OPTIONS' });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-methods')).toContain('GET');
  });
});

describe('mock API server: 3DBAG over HTTP', () => {
  it('pages through rel=next links rewritten to the mock', async () => {
    const bag = createThreeDBagApi({ baseUrl: `${server.url}/3dbag-api`, http: fast() });
    const r = await bag.buildingsInBBox([136700, 455840, 136850, 455960], { limit: 2 });
    expect(r.data.buildings).toHaveLength(5);
    expect(r.data.numberMatched).toBe(5);
    const one = await bag.building('NL.IMBAG.Pand.0344100000031316');
    expect(one.data.heights.ground).toBe(2.1);
    await expect(bag.building('0344100000000000')).rejects.toMatchObject({
      kind: 'http-status',
      status: 404,
    });
  });

  it('rejects unknown query parameters with 400, like the real API', async () => {
    const res = await fetch(`${server.url}/3dbag-api/collections/pand/items?bbox=1,2,3,4&f=json`);
    expect(res.status).toBe(400);
  });
});

describe('mock API server: other sources over HTTP', () => {
  it('samen-meten with latest values, telraam proxy and export', async () => {
    const http = fast();
    const sm = await createSamenMeten({ baseUrl: `${server.url}/samen-meten/v1.0`, http }).sensors({
      latestOf: ['pm25_kal'],
    });
    expect(sm.data.map((s) => s.latest?.value)).toEqual([7.4, 11.2, undefined]);
    const live = await createTelraam({ http, live: { proxyUrl: `${server.url}/telraam` } }).trafficReport(
      '9000001234',
      {
        timeStart: '2026-08-19T00:00:00Z',
        timeEnd: '2026-08-20T00:00:00Z',
      },
    );
    expect(live.data).toHaveLength(3);
    const exp = await createTelraam({ http, exportUrl: `${server.url}/telraam/export.json` }).segments();
    expect(exp.data).toHaveLength(2);
  });

  it('serves a PNG tile for imagery prefixes', async () => {
    const res = await fetch(`${server.url}/pdok-brt/12/2106/1351.png`);
    expect(res.headers.get('content-type')).toBe('image/png');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
  });
});

describe('mock API server: failure injection through the wrapper', () => {
  const ls = (http: HttpClient, base = `${server.url}/pdok-locatieserver`) =>
    createLocatieserver({ baseUrl: base, http });

  it('__fail=500 is retried, then reported', async () => {
    const lines: string[] = [];
    const s = await createMockApiServer({ port: 0, onRequest: (l) => lines.push(l) });
    try {
      const e = await failure(ls(fast(), `${s.url}/__fail/500/pdok-locatieserver`).suggest('bologna'));
      expect(e).toMatchObject({ kind: 'http-status', status: 500 });
      expect(lines).toHaveLength(3);
    } finally {
      await s.close();
    }
  });

  it('__failTimes=1 recovers on the retry', async () => {
    let calls = 0;
    const http = createHttpClient({
      overrides: { ttlMs: 0 },
      fetch: (input, init) => {
        calls += 1;
        const headers = {
          ...(init?.headers as Record<string, string>),
          'x-mock-fail': '503',
          'x-mock-fail-times': '1',
          'x-mock-retry-after': '0',
        };
        return fetch(input, { ...init, headers });
      },
    });
    const r = await createThreeDBagApi({ baseUrl: `${server.url}/3dbag-api`, http }).building(
      'NL.IMBAG.Pand.0344100000031316',
    );
    expect(r.data.bagId).toBe('0344100000031316');
    expect(calls).toBe(2);
  });

  it.each([
    ['html', 'html-error-page'],
    ['malformed', 'not-json'],
    ['wrongshape', 'invalid-shape'],
    ['huge', 'too-large'],
    ['404', 'http-status'],
  ] as const)('__fail=%s → %s', async (mode, kind) => {
    const http = createHttpClient({ overrides: { ttlMs: 0, maxBytes: 1024 * 1024, timeoutMs: 5_000 } });
    const e = await failure(ls(http, `${server.url}/__fail/${mode}/pdok-locatieserver`).suggest('bologna'));
    expect(e.kind).toBe(kind);
  });

  it('429 with Retry-After beyond the cap → rate-limited with retryAfter', async () => {
    const http = createHttpClient({ overrides: { ttlMs: 0, maxRetryAfterMs: 500 } });
    const e = await failure(ls(http, `${server.url}/__fail/429/pdok-locatieserver`).suggest('bologna'));
    expect(e).toMatchObject({ kind: 'rate-limited', retryAfterMs: 1000 });
  });

  it('timeout: a hanging server is given up on', async () => {
    const http = createHttpClient({ overrides: { ttlMs: 0, timeoutMs: 200 } });
    const e = await failure(ls(http, `${server.url}/__fail/timeout/pdok-locatieserver`).suggest('bologna'));
    expect(e.kind).toBe('timeout');
  });

  it('abort by the caller while the server hangs', async () => {
    const controller = new AbortController();
    const p = ls(fast(), `${server.url}/__fail/timeout/pdok-locatieserver`).suggest('bologna', {
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);
    const e = await failure(p);
    expect(e.kind).toBe('aborted');
  });

  it('stale-if-error: the last good answer is served when the server starts failing', async () => {
    let now = Date.parse('2026-08-20T10:00:00Z');
    let failing = false;
    // Real timers, controllable "now": the cache age is exact without waiting ten minutes.
    const clock = { now: () => now, setTimer: systemClock.setTimer };
    const http = createHttpClient({
      clock,
      overrides: { ttlMs: 60_000, retries: 0 },
      fetch: (input, init) =>
        fetch(failing ? String(input).replace(server.url, `${server.url}/__fail/500`) : input, init),
    });
    const id = 'adr-b68c0c21140e5370ff2834cefde4a17c';
    const good = await ls(http).lookup(id);
    now += 10 * 60_000;
    failing = true;
    const stale = await ls(http).lookup(id);
    expect(stale.data).toEqual(good.data);
    expect(stale.provenance.stale).toEqual({
      since: good.provenance.fetchedAt,
      ageMs: 600_000,
      reason: 'http-status',
    });
    expect(stale.warning?.status).toBe(500);
  });
});

/**
 * The standard set of bad-input cases every source is tested against, through the real fetch
 * wrapper with a scripted fetch and a virtual clock. Each source's test file calls
 * `describeBadInput` with a good fixture and its own wrong/missing/empty bodies.
 */
import { describe, expect, it } from 'vitest';
import { createHttpClient, type HttpClient } from '../../src/sources/http/client.ts';
import { SourceError, type SourceErrorKind } from '../../src/sources/http/errors.ts';
import type { SourceResult } from '../../src/sources/provenance.ts';
import { createTestClock, type TestClock } from './clock.ts';
import {
  createFakeFetch,
  htmlResponse,
  hugeResponse,
  jsonResponse,
  type FakeFetch,
  type FakeReply,
} from './fake-fetch.ts';

export interface BadInputSpec {
  sourceId: string;
  /** Calls the loader once with the given client. */
  call: (http: HttpClient, signal?: AbortSignal) => Promise<SourceResult<unknown>>;
  /** A good response body (fixture) for the same call. */
  good: unknown;
  /** Valid JSON, wrong shape entirely; expected zod issue path. */
  wrongShape: { body: unknown; path: string };
  /** The good body with one required field removed; expected zod issue path. */
  missingField: { body: unknown; path: string };
  /** A valid "no results" body, and whether the loader treats it as an error or as an empty list. */
  empty: { body: unknown; expect: 'error' | 'empty-list' };
  /** Where the list lives in the result's data, for 'empty-list' (default: data itself). */
  items?: (data: unknown) => unknown;
}

/** Number of `it` cases registered per source (reported in the final summary). */
export const BAD_INPUT_CASES_JSON = 16;

interface Setup extends FakeFetch {
  http: HttpClient;
  clock: TestClock;
}

function setup(replies: FakeReply[], online = true): Setup {
  const clock = createTestClock();
  const fake = createFakeFetch([{ match: () => true, replies }]);
  const http = createHttpClient({ fetch: fake.fetch, clock, random: () => 0.5, isOnline: () => online });
  return { http, clock, ...fake };
}

async function expectKind(p: Promise<unknown>, kind: SourceErrorKind): Promise<SourceError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err, `expected a SourceError of kind ${kind}`).toBeInstanceOf(SourceError);
  const se = err as SourceError;
  expect(se.kind).toBe(kind);
  return se;
}

export function describeBadInput(name: string, spec: BadInputSpec): void {
  const good = () => jsonResponse(spec.good);

  describe(`${name}: bad input through the fetch wrapper`, () => {
    it('malformed JSON → not-json', async () => {
      const t = setup([jsonResponse('{"response": {"docs": [')]);
      const e = await expectKind(spec.call(t.http), 'not-json');
      expect(e.sourceId).toBe(spec.sourceId);
    });

    it('HTML error page with status 200 → html-error-page', async () => {
      const t = setup([htmlResponse(200)]);
      await expectKind(spec.call(t.http), 'html-error-page');
    });

    it('valid JSON of the wrong shape → invalid-shape with the issue path', async () => {
      const t = setup([jsonResponse(spec.wrongShape.body)]);
      const e = await expectKind(spec.call(t.http), 'invalid-shape');
      expect(e.issuePath).toBe(spec.wrongShape.path);
    });

    it('a missing required field → invalid-shape naming the field', async () => {
      const t = setup([jsonResponse(spec.missingField.body)]);
      const e = await expectKind(spec.call(t.http), 'invalid-shape');
      expect(e.issuePath).toBe(spec.missingField.path);
    });

    it(`an empty result → ${spec.empty.expect}`, async () => {
      const t = setup([jsonResponse(spec.empty.body)]);
      if (spec.empty.expect === 'error') {
        await expectKind(spec.call(t.http), 'empty');
      } else {
        const r = await spec.call(t.http);
        expect(spec.items ? spec.items(r.data) : r.data).toEqual([]);
      }
    });

    it('404 → http-status 404, not retried', async () => {
      const t = setup([jsonResponse({ detail: 'Not Found' }, { status: 404 })]);
      const e = await expectKind(spec.call(t.http), 'http-status');
      expect(e.status).toBe(404);
      expect(t.calls).toHaveLength(1);
    });

    it('500 is retried with backoff, then reported', async () => {
      const t = setup([jsonResponse({ error: 'boom' }, { status: 500 })]);
      const e = await expectKind(spec.call(t.http), 'http-status');
      expect(e.status).toBe(500);
      expect(t.calls).toHaveLength(3);
      // Equal jitter with random()=0.5: 3/4 of 500 ms, then 3/4 of 1000 ms.
      expect(t.clock.fired).toEqual([375, 750]);
    });

    it('503 then success recovers transparently', async () => {
      const t = setup([jsonResponse({}, { status: 503 }), good()]);
      const r = await spec.call(t.http);
      expect(r.provenance.stale).toBeUndefined();
      expect(t.calls).toHaveLength(2);
    });

    it('429 with Retry-After waits the stated time on the injected clock', async () => {
      const t = setup([jsonResponse({}, { status: 429, headers: { 'retry-after': '7' } }), good()]);
      const start = t.clock.now();
      const r = await spec.call(t.http);
      expect(r.provenance.sourceId).toBe(spec.sourceId);
      expect(t.clock.fired).toContain(7000);
      expect(t.clock.now() - start).toBeGreaterThanOrEqual(7000);
    });

    it('429 asking for longer than the cap → rate-limited at once, with retryAfter', async () => {
      const t = setup([jsonResponse({}, { status: 429, headers: { 'retry-after': '3600' } })]);
      const e = await expectKind(spec.call(t.http), 'rate-limited');
      expect(e.retryAfterMs).toBe(3_600_000);
      expect(t.calls).toHaveLength(1);
    });

    it('no answer → timeout (via the injected clock, no real wait)', async () => {
      const t = setup([{ hang: true }]);
      await expectKind(spec.call(t.http), 'timeout');
      expect(t.calls[0]?.init?.signal?.aborted).toBe(true);
    });

    it('a body far larger than allowed → too-large (streamed, no Content-Length)', async () => {
      const t = setup([() => hugeResponse(64 * 1024 * 1024)]);
      await expectKind(spec.call(t.http), 'too-large');
    });

    it('a declared Content-Length over the cap → too-large before reading', async () => {
      const t = setup([
        () =>
          new Response('{}', {
            headers: { 'content-type': 'application/json', 'content-length': '999999999' },
          }),
      ]);
      await expectKind(spec.call(t.http), 'too-large');
    });

    it('abort by the caller → aborted, and the request is cancelled', async () => {
      const t = setup([{ hang: true }]);
      const controller = new AbortController();
      const p = spec.call(t.http, controller.signal);
      // Only microtasks: a macrotask would let the virtual clock fire the timeout first.
      for (let i = 0; i < 100 && t.calls.length === 0; i++) await Promise.resolve();
      expect(t.calls).toHaveLength(1);
      controller.abort();
      await expectKind(p, 'aborted');
      expect(t.calls[0]?.init?.signal?.aborted).toBe(true);
    });

    it('network failure → cors-or-network when online, offline when not', async () => {
      const online = setup([{ networkError: true }], true);
      await expectKind(spec.call(online.http), 'cors-or-network');
      const offline = setup([{ networkError: true }], false);
      await expectKind(spec.call(offline.http), 'offline');
    });

    it('a failed refresh returns the last good data, marked stale with its age', async () => {
      const t = setup([good(), jsonResponse({}, { status: 500 })]);
      const first = await spec.call(t.http);
      expect(first.provenance.stale).toBeUndefined();
      t.clock.advance(25 * 3_600_000);
      const second = await spec.call(t.http);
      expect(second.data).toEqual(first.data);
      expect(second.provenance.stale?.ageMs).toBeGreaterThanOrEqual(25 * 3_600_000);
      expect(second.provenance.stale?.reason).toBe('http-status');
      expect(second.provenance.stale?.since).toBe(first.provenance.fetchedAt);
      expect(second.warning?.kind).toBe('http-status');
    });
  });
}

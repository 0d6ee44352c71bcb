/**
 * The one fetch wrapper every source uses: timeout + caller abort, retry with backoff on 5xx/429
 * (honouring Retry-After), de-duplication of identical in-flight requests, a TTL cache with
 * stale-if-error, a response-size cap, HTML/JSON sniffing and zod validation. Everything that
 * touches time or the network is injected so tests are deterministic and never sleep.
 */
import type { z } from 'zod';
import { INPUT_LIMITS } from '../../config/input-limits.ts';
import { BodyTooLargeError, looksLikeHtml, readBodyLimited } from './body.ts';
import { createMemoryStore, type CacheEntry, type CacheStore } from './cache.ts';
import { sleep, systemClock, type Clock } from './clock.ts';
import {
  SourceError,
  formatIssuePath,
  isSourceError,
  type SourceErrorInit,
  type SourceErrorKind,
} from './errors.ts';
import { assertJsonDepth, isInputLimitError } from './limits.ts';
import { redactUrl } from './redact.ts';
import { backoffDelay, isRetryableStatus, parseRetryAfter } from './retry.ts';

export interface RequestPolicy {
  /** Per attempt. */
  timeoutMs: number;
  /** Extra attempts after the first, for 5xx and 429 only. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: we fail (and fall back to stale data) at once. */
  maxRetryAfterMs: number;
  /** The largest body read; a longer one is cut off and refused ('too-large'). */
  maxBytes: number;
  /** Deadline for reading the body once the headers are in (a trickling server is cut off). */
  readTimeoutMs: number;
  /** How long a response counts as fresh; 0 disables caching. */
  ttlMs: number;
  /** How old cached data may be and still be served, marked stale, when a refresh fails. */
  maxStaleMs: number;
}

export const DEFAULT_POLICY: RequestPolicy = {
  timeoutMs: 15_000,
  retries: 2,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 30_000,
  maxBytes: INPUT_LIMITS.apiResponseBytes,
  readTimeoutMs: INPUT_LIMITS.responseReadMs,
  ttlMs: 5 * 60_000,
  maxStaleMs: 7 * 24 * 3_600_000,
};

export interface RequestSpec<T> {
  sourceId: string;
  url: string;
  method?: 'GET' | 'POST';
  /** Sent but never logged, never part of the cache key, never in errors. */
  headers?: Record<string, string>;
  body?: string;
  /** 'json' parses and sniffs for HTML; 'text' hands the schema a string (XML capabilities etc.). */
  responseType?: 'json' | 'text';
  schema: z.ZodType<T>;
  /**
   * Runs on the parsed body before the schema: cheap checks that keep a huge body away from
   * validation (e.g. counting GeoJSON positions). An InputLimitError becomes 'too-large'.
   */
  precheck?: (raw: unknown) => void;
  /** The same on the body's text, before JSON.parse (e.g. an upper bound on GeoJSON positions). */
  precheckText?: (text: string) => void;
  signal?: AbortSignal;
  /** When true for a valid response, the request fails with kind 'empty'. */
  isEmpty?: (value: T) => boolean;
  policy?: Partial<RequestPolicy>;
  /** 'reload' skips a fresh cache hit but still stores the result and allows stale-if-error. */
  cache?: 'default' | 'reload';
}

export interface StaleInfo {
  /** Epoch ms of the last good response. */
  since: number;
  ageMs: number;
  /** Why the refresh failed. */
  error: SourceError;
}

export interface Fetched<T> {
  data: T;
  /** Redacted. */
  url: string;
  fetchedAt: number;
  fromCache: boolean;
  stale?: StaleInfo;
}

export type HttpLogEvent =
  | { type: 'request'; sourceId: string; url: string; attempt: number }
  | { type: 'retry'; sourceId: string; url: string; attempt: number; delayMs: number; status?: number }
  | { type: 'cache-hit'; sourceId: string; url: string }
  | { type: 'stale'; sourceId: string; url: string; ageMs: number; kind: SourceErrorKind }
  | { type: 'dedup'; sourceId: string; url: string };

export interface HttpClientOptions {
  fetch?: typeof fetch;
  clock?: Clock;
  /** For jitter; inject a constant in tests. */
  random?: () => number;
  store?: CacheStore;
  /** Tells 'offline' from other network failures. */
  isOnline?: () => boolean;
  /** Fallbacks under each source module's own policy. */
  defaults?: Partial<RequestPolicy>;
  /** Per-source settings of the deployment; these win over the source module's policy. */
  sourcePolicies?: Record<string, Partial<RequestPolicy>>;
  /** Wins over everything (tests, or a deployment forcing e.g. short timeouts). */
  overrides?: Partial<RequestPolicy>;
  /** Receives only redacted URLs, never headers or bodies. */
  log?: (event: HttpLogEvent) => void;
}

export interface HttpClient {
  request<T>(spec: RequestSpec<T>): Promise<Fetched<T>>;
  /** The cache behind this client (exposed for tests and for clearing on logout/reset). */
  readonly store: CacheStore;
  /** The injected clock, so sources can timestamp locally produced results consistently. */
  readonly clock: Clock;
}

interface InFlight {
  promise: Promise<{ value: unknown; fetchedAt: number }>;
  controller: AbortController;
  subscribers: number;
}

const TIMEOUT_REASON = Symbol('timeout');

type Fail = (
  kind: SourceErrorKind,
  extra?: Omit<SourceErrorInit, 'kind' | 'sourceId' | 'url'>,
) => SourceError;

function defaultIsOnline(): boolean {
  const nav = (globalThis as { navigator?: { onLine?: boolean } }).navigator;
  return nav?.onLine !== false;
}

export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const store = options.store ?? createMemoryStore();
  const isOnline = options.isOnline ?? defaultIsOnline;
  const log = options.log ?? (() => undefined);
  const inflight = new Map<string, InFlight>();

  function policyFor(spec: RequestSpec<unknown>): RequestPolicy {
    return {
      ...DEFAULT_POLICY,
      ...options.defaults,
      ...spec.policy,
      ...options.sourcePolicies?.[spec.sourceId],
      ...options.overrides,
    };
  }

  async function request<T>(spec: RequestSpec<T>): Promise<Fetched<T>> {
    const policy = policyFor(spec as RequestSpec<unknown>);
    const safeUrl = redactUrl(spec.url);
    const method = spec.method ?? 'GET';
    // Headers are deliberately left out: they may hold keys, and must not end up in a store.
    const key = `${spec.sourceId} ${method} ${spec.url} ${spec.body ?? ''}`;
    const fail: Fail = (kind, extra = {}) =>
      new SourceError({ kind, sourceId: spec.sourceId, url: safeUrl, ...extra });

    if (spec.signal?.aborted) throw fail('aborted', { cause: spec.signal.reason });

    const cached = policy.ttlMs > 0 || policy.maxStaleMs > 0 ? await store.get(key) : undefined;
    if (cached && spec.cache !== 'reload' && clock.now() - cached.fetchedAt < policy.ttlMs) {
      const value = spec.schema.safeParse(cached.value);
      if (value.success) {
        log({ type: 'cache-hit', sourceId: spec.sourceId, url: safeUrl });
        return { data: value.data, url: cached.url, fetchedAt: cached.fetchedAt, fromCache: true };
      }
    }

    try {
      const { value, fetchedAt } = await joinInFlight(key, spec, policy, safeUrl, fail);
      // Re-parse per caller: zod returns a fresh object, so one caller mutating it cannot affect another.
      const data = spec.schema.parse(value);
      return { data, url: safeUrl, fetchedAt, fromCache: false };
    } catch (e) {
      const error = isSourceError(e) ? e : fail('cors-or-network', { cause: e });
      if (error.kind !== 'aborted' && cached) {
        const stale = serveStale(cached, spec.schema, policy, error);
        if (stale) {
          log({
            type: 'stale',
            sourceId: spec.sourceId,
            url: safeUrl,
            ageMs: stale.stale.ageMs,
            kind: error.kind,
          });
          return stale;
        }
      }
      throw error;
    }
  }

  function serveStale<T>(
    cached: CacheEntry,
    schema: z.ZodType<T>,
    policy: RequestPolicy,
    error: SourceError,
  ): (Fetched<T> & { stale: StaleInfo }) | undefined {
    const ageMs = clock.now() - cached.fetchedAt;
    if (ageMs > policy.maxStaleMs) return undefined;
    const parsed = schema.safeParse(cached.value);
    if (!parsed.success) return undefined;
    return {
      data: parsed.data,
      url: cached.url,
      fetchedAt: cached.fetchedAt,
      fromCache: true,
      stale: { since: cached.fetchedAt, ageMs, error },
    };
  }

  /**
   * Identical requests share one network call. Each caller can abort on its own; the shared call is
   * only cancelled when every caller has gone, so one panel closing does not break another.
   */
  async function joinInFlight<T>(
    key: string,
    spec: RequestSpec<T>,
    policy: RequestPolicy,
    safeUrl: string,
    fail: Fail,
  ): Promise<{ value: unknown; fetchedAt: number }> {
    let entry = inflight.get(key);
    if (entry) {
      log({ type: 'dedup', sourceId: spec.sourceId, url: safeUrl });
    } else {
      const controller = new AbortController();
      const created: InFlight = {
        controller,
        subscribers: 0,
        promise: fetchWithRetries(spec, policy, safeUrl, controller.signal, fail).then(async (result) => {
          if (policy.ttlMs > 0 || policy.maxStaleMs > 0) {
            await store.set(key, { value: result.value, fetchedAt: result.fetchedAt, url: safeUrl });
          }
          return result;
        }),
      };
      created.promise
        .finally(() => {
          if (inflight.get(key) === created) inflight.delete(key);
        })
        .catch(() => undefined);
      inflight.set(key, created);
      entry = created;
    }
    const shared = entry;
    shared.subscribers += 1;
    const signal = spec.signal;
    let onAbort: (() => void) | undefined;
    try {
      if (!signal) return await shared.promise;
      return await Promise.race([
        shared.promise,
        new Promise<never>((_, reject) => {
          onAbort = () => reject(fail('aborted', { cause: signal.reason }));
          if (signal.aborted) onAbort();
          else signal.addEventListener('abort', onAbort, { once: true });
        }),
      ]);
    } finally {
      if (onAbort) signal?.removeEventListener('abort', onAbort);
      shared.subscribers -= 1;
      if (shared.subscribers === 0 && signal?.aborted) {
        if (inflight.get(key) === shared) inflight.delete(key);
        shared.controller.abort();
      }
    }
  }

  async function fetchWithRetries<T>(
    spec: RequestSpec<T>,
    policy: RequestPolicy,
    safeUrl: string,
    signal: AbortSignal,
    fail: Fail,
  ): Promise<{ value: unknown; fetchedAt: number }> {
    for (let attempt = 0; ; attempt++) {
      log({ type: 'request', sourceId: spec.sourceId, url: safeUrl, attempt });
      const res = await fetchOnce(spec, policy, signal, fail);
      if (res.ok)
        return { value: await readAndValidate(res, spec, policy, signal, fail), fetchedAt: clock.now() };

      // Not awaited: we only need to release the connection, not to wait for it.
      void res.body?.cancel().catch(() => undefined);
      const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), clock.now());
      const kind: SourceErrorKind = res.status === 429 ? 'rate-limited' : 'http-status';
      const error = fail(kind, {
        status: res.status,
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      });
      if (!isRetryableStatus(res.status) || attempt >= policy.retries) throw error;
      // A server asking for a long pause gets it by us failing now (stale data is shown instead).
      if (retryAfterMs !== undefined && retryAfterMs > policy.maxRetryAfterMs) throw error;
      const delayMs = retryAfterMs ?? backoffDelay(attempt, policy, random);
      log({ type: 'retry', sourceId: spec.sourceId, url: safeUrl, attempt, delayMs, status: res.status });
      try {
        await sleep(clock, delayMs, signal);
      } catch (e) {
        throw fail('aborted', { cause: e });
      }
    }
  }

  async function fetchOnce<T>(
    spec: RequestSpec<T>,
    policy: RequestPolicy,
    signal: AbortSignal,
    fail: Fail,
  ): Promise<Response> {
    // One controller per attempt: aborted by the shared signal or by our own (injected-clock) timer.
    const attempt = new AbortController();
    const onAbort = () => attempt.abort(signal.reason);
    if (signal.aborted) throw fail('aborted', { cause: signal.reason });
    signal.addEventListener('abort', onAbort, { once: true });
    const cancelTimer = clock.setTimer(() => attempt.abort(TIMEOUT_REASON), policy.timeoutMs);
    try {
      const init: RequestInit = {
        method: spec.method ?? 'GET',
        signal: attempt.signal,
        headers: { Accept: spec.responseType === 'text' ? '*/*' : 'application/json', ...spec.headers },
      };
      if (spec.body !== undefined) init.body = spec.body;
      return await doFetch(spec.url, init);
    } catch (e) {
      if (attempt.signal.reason === TIMEOUT_REASON) {
        throw fail('timeout', { detail: `no answer within ${policy.timeoutMs} ms` });
      }
      if (signal.aborted) throw fail('aborted', { cause: e });
      throw fail(isOnline() ? 'cors-or-network' : 'offline', { cause: e });
    } finally {
      cancelTimer();
      signal.removeEventListener('abort', onAbort);
    }
  }

  async function readAndValidate<T>(
    res: Response,
    spec: RequestSpec<T>,
    policy: RequestPolicy,
    signal: AbortSignal,
    fail: Fail,
  ): Promise<unknown> {
    let bytes: Uint8Array;
    // The headers came within timeoutMs; the body gets its own deadline on the injected clock.
    const reading = new AbortController();
    const onAbort = () => reading.abort(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    const cancelTimer = clock.setTimer(() => reading.abort(TIMEOUT_REASON), policy.readTimeoutMs);
    try {
      bytes = await readBodyLimited(res, policy.maxBytes, reading.signal);
    } catch (e) {
      if (e instanceof BodyTooLargeError)
        throw fail('too-large', { detail: e.message, limitBytes: policy.maxBytes });
      if (reading.signal.reason === TIMEOUT_REASON)
        throw fail('timeout', { detail: `body not read within ${policy.readTimeoutMs} ms` });
      if (signal.aborted) throw fail('aborted', { cause: e });
      throw fail('cors-or-network', { cause: e, detail: 'connection lost while reading the response' });
    } finally {
      cancelTimer();
      signal.removeEventListener('abort', onAbort);
    }
    const text = new TextDecoder('utf-8').decode(bytes);
    const contentType = res.headers.get('content-type');
    let raw: unknown = text;
    if (spec.responseType !== 'text') {
      if (looksLikeHtml(text, contentType)) {
        throw fail('html-error-page', {
          status: res.status,
          detail: `content-type ${contentType ?? 'none'}`,
        });
      }
      if (text.trim() === '') throw fail('empty', { detail: 'empty body' });
      try {
        // Deep nesting would overflow the validators' stack; refuse it before parsing.
        assertJsonDepth(text);
        spec.precheckText?.(text);
        raw = JSON.parse(text);
      } catch (e) {
        if (isInputLimitError(e)) throw fail('too-large', { detail: e.message, limit: e.limit });
        throw fail('not-json', { cause: e, detail: `content-type ${contentType ?? 'none'}` });
      }
    }
    try {
      spec.precheck?.(raw);
    } catch (e) {
      if (isInputLimitError(e)) throw fail('too-large', { detail: e.message, limit: e.limit });
      throw e;
    }
    const parsed = spec.schema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw fail('invalid-shape', {
        issuePath: formatIssuePath(issue?.path ?? []),
        detail: issue?.message ?? 'schema mismatch',
      });
    }
    if (spec.isEmpty?.(parsed.data)) throw fail('empty');
    // Store the raw (validated) value so cached data is re-validated by whichever schema reads it.
    return raw;
  }

  return { request, store, clock };
}

let defaultClient: HttpClient | undefined;

/** The app-wide client, created on first use so importing a source has no side effects. */
export function getDefaultHttpClient(): HttpClient {
  defaultClient ??= createHttpClient();
  return defaultClient;
}

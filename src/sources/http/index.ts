export {
  createHttpClient,
  getDefaultHttpClient,
  DEFAULT_POLICY,
  type Fetched,
  type HttpClient,
  type HttpClientOptions,
  type HttpLogEvent,
  type RequestPolicy,
  type RequestSpec,
  type StaleInfo,
} from './client.ts';
export {
  SourceError,
  isSourceError,
  formatIssuePath,
  type SourceErrorKind,
  type SourceErrorInit,
} from './errors.ts';
export { createMemoryStore, type CacheEntry, type CacheStore } from './cache.ts';
export { systemClock, sleep, type Clock } from './clock.ts';
export { redactUrl } from './redact.ts';
export { parseRetryAfter, backoffDelay } from './retry.ts';
export { buildUrl } from './url.ts';

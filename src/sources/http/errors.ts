/**
 * One error type for every source, so the UI can explain any failure in one place (see messages.ts)
 * instead of each loader inventing its own strings.
 */
import type { InputLimitName } from '../../config/input-limits.ts';

export type SourceErrorKind =
  | 'offline'
  | 'cors-or-network'
  | 'timeout'
  | 'http-status'
  | 'rate-limited'
  | 'not-json'
  | 'html-error-page'
  | 'invalid-shape'
  | 'empty'
  | 'too-large'
  | 'aborted';

export interface SourceErrorInit {
  kind: SourceErrorKind;
  sourceId: string;
  /** Already redacted; never pass a URL with a key in it. */
  url: string;
  status?: number;
  /** Milliseconds the server asked us to wait (429 / 503 Retry-After). */
  retryAfterMs?: number;
  /** Zod issue path, formatted like `features[3].geometry.coordinates`. */
  issuePath?: string;
  detail?: string;
  /** For 'too-large': the byte cap that was passed. */
  limitBytes?: number;
  /** For 'too-large': the named input limit that was passed (nesting, positions, …). */
  limit?: InputLimitName;
  cause?: unknown;
}

export class SourceError extends Error {
  readonly kind: SourceErrorKind;
  readonly sourceId: string;
  readonly url: string;
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly issuePath?: string;
  readonly detail?: string;
  readonly limitBytes?: number;
  readonly limit?: InputLimitName;

  constructor(init: SourceErrorInit) {
    super(technicalMessage(init), init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'SourceError';
    this.kind = init.kind;
    this.sourceId = init.sourceId;
    this.url = init.url;
    if (init.status !== undefined) this.status = init.status;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
    if (init.issuePath !== undefined) this.issuePath = init.issuePath;
    if (init.detail !== undefined) this.detail = init.detail;
    if (init.limitBytes !== undefined) this.limitBytes = init.limitBytes;
    if (init.limit !== undefined) this.limit = init.limit;
  }

  /** Transient failures are worth a stale-cache fallback; a user abort is not. */
  get isAbort(): boolean {
    return this.kind === 'aborted';
  }
}

export function isSourceError(e: unknown): e is SourceError {
  return e instanceof SourceError;
}

function technicalMessage(init: SourceErrorInit): string {
  const parts = [`[${init.sourceId}] ${init.kind}`];
  if (init.status !== undefined) parts.push(`status ${init.status}`);
  if (init.retryAfterMs !== undefined) parts.push(`retry after ${init.retryAfterMs} ms`);
  if (init.issuePath !== undefined) parts.push(`at ${init.issuePath || '(root)'}`);
  if (init.detail) parts.push(init.detail);
  parts.push(init.url);
  return parts.join(' · ');
}

/** Formats a zod issue path as `features[3].geometry.coordinates`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out;
}

/** Retry timing: exponential backoff with jitter, and the server's own Retry-After when it gives one. */
export interface BackoffPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * Delay before retry number `attempt` (0-based). "Equal jitter": half the exponential step is fixed,
 * half random, so many tabs retrying after one outage do not hit the server in lock-step.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(step / 2 + random() * (step / 2));
}

/**
 * Parses Retry-After: either delta-seconds ("120") or an HTTP date. Returns milliseconds from `nowMs`
 * (never negative), or undefined when absent or unparseable.
 */
export function parseRetryAfter(header: string | null | undefined, nowMs: number): number | undefined {
  if (header == null) return undefined;
  const value = header.trim();
  if (value === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

/** Status codes worth retrying: the server is overloaded or temporarily broken, not our request. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

/**
 * A token bucket per client, in memory: each client may spend `burst` requests at once, refilled at
 * `perSecond`. In memory means per server process, which is what one Tweeling server is.
 */
export interface RateLimitOptions {
  burst: number;
  perSecond: number;
  /** Milliseconds since some fixed moment; injectable so tests control time. */
  now?: () => number;
  /** Buckets untouched this long are dropped, so memory stays bounded. */
  idleMs?: number;
}

interface Bucket {
  tokens: number;
  updatedMs: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly now: () => number;
  private readonly idleMs: number;
  private lastSweepMs: number;

  constructor(private readonly options: RateLimitOptions) {
    this.now = options.now ?? (() => performance.now());
    this.idleMs = options.idleMs ?? 10 * 60_000;
    this.lastSweepMs = this.now();
  }

  /** Takes one token for `client`; false when the bucket is empty (the request should be refused). */
  take(client: string): boolean {
    const now = this.now();
    this.sweep(now);
    const bucket = this.buckets.get(client) ?? { tokens: this.options.burst, updatedMs: now };
    const refill = ((now - bucket.updatedMs) / 1000) * this.options.perSecond;
    bucket.tokens = Math.min(this.options.burst, bucket.tokens + refill);
    bucket.updatedMs = now;
    this.buckets.set(client, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  /** Seconds until `client` has a token again (for the Retry-After header). */
  retryAfterSeconds(client: string): number {
    const bucket = this.buckets.get(client);
    if (!bucket || bucket.tokens >= 1) return 0;
    return Math.ceil((1 - bucket.tokens) / this.options.perSecond);
  }

  private sweep(now: number): void {
    if (now - this.lastSweepMs < this.idleMs) return;
    this.lastSweepMs = now;
    for (const [client, bucket] of this.buckets)
      if (now - bucket.updatedMs > this.idleMs) this.buckets.delete(client);
  }
}

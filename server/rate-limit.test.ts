import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit.ts';

describe('RateLimiter (token bucket)', () => {
  it('allows a burst, refills at the set rate, and keeps clients apart', () => {
    let ms = 0;
    const limiter = new RateLimiter({ burst: 2, perSecond: 1, now: () => ms });
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([true, true, false]);
    expect(limiter.take('b')).toBe(true);
    // Empty bucket, 1 token per second: 1 s to the next token.
    expect(limiter.retryAfterSeconds('a')).toBe(1);
    ms = 500;
    expect(limiter.take('a')).toBe(false);
    ms = 1000;
    expect(limiter.take('a')).toBe(true);
    // Ten idle seconds refill no more than the burst of 2.
    ms = 11_000;
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([true, true, false]);
  });
});

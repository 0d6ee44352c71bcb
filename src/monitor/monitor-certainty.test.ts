import { describe, expect, it } from 'vitest';
import { bandCertaintyFor, bandCertaintyOfLevel, dataCertainty, lowerOf } from './monitor-certainty.ts';
import { THRESHOLDS } from '../scenarios/crowd/thresholds.ts';

const MIN = 60_000;
const quality = (usable: number, ageMinutes: number) => ({
  usable,
  expected: 24,
  ageMs: ageMinutes * MIN,
  intervalMs: 5 * MIN,
  staleAfterMs: 30 * MIN,
});

describe('certainty rule', () => {
  it('data: how much recent data there is and how old the newest is', () => {
    expect(dataCertainty(quality(24, 0))).toBe('high');
    expect(dataCertainty(quality(18, 10))).toBe('high'); // 75 % and two intervals old: still fine
    expect(dataCertainty(quality(17, 0))).toBe('medium'); // 71 %
    expect(dataCertainty(quality(24, 15))).toBe('medium'); // a late feed
    expect(dataCertainty(quality(9, 0))).toBe('low'); // 38 %
    expect(dataCertainty(quality(24, 31))).toBe('low'); // stale
  });

  it('band: where the 90 % band lies against the threshold of a warning', () => {
    const warning = THRESHOLDS.moving[1]!; // LoS E, > 1.08
    expect(bandCertaintyFor({ density: 1.3, low: 1.1, high: 1.5 }, warning)).toBe('high');
    expect(bandCertaintyFor({ density: 1.2, low: 0.9, high: 1.5 }, warning)).toBe('medium');
    expect(bandCertaintyFor({ density: 1.0, low: 0.8, high: 1.2 }, warning)).toBe('low');
    // Still's round numbers start at the value itself.
    expect(bandCertaintyFor({ density: 4, low: 4, high: 4.5 }, THRESHOLDS.standing[0]!)).toBe('high');
  });

  it('band: how many warning thresholds a site forecast could still cross', () => {
    expect(bandCertaintyOfLevel({ density: 0.4, low: 0.3, high: 0.5 }, THRESHOLDS.moving)).toBe('high');
    expect(bandCertaintyOfLevel({ density: 0.8, low: 0.6, high: 1.0 }, THRESHOLDS.moving)).toBe('medium');
    expect(bandCertaintyOfLevel({ density: 1.0, low: 0.5, high: 2.5 }, THRESHOLDS.moving)).toBe('low');
    expect(lowerOf('high', 'medium')).toBe('medium');
    expect(lowerOf('low', 'high')).toBe('low');
  });
});

import { describe, expect, it } from 'vitest';
import { signedRingArea } from './polygon.ts';

describe('signedRingArea', () => {
  const square = [
    [0, 0],
    [4, 0],
    [4, 3],
    [0, 3],
  ];

  it('is positive counter-clockwise and negative clockwise', () => {
    expect(signedRingArea(square)).toBe(12);
    expect(signedRingArea([...square].reverse())).toBe(-12);
  });

  it('ignores a closing vertex and any third component', () => {
    expect(signedRingArea([...square, [0, 0]])).toBe(12);
    expect(signedRingArea(square.map(([x, y]) => [x!, y!, 99]))).toBe(12);
  });

  it('is zero for a degenerate ring', () => {
    expect(
      signedRingArea([
        [1, 1],
        [2, 2],
      ]),
    ).toBe(0);
  });
});

/**
 * Small seeded PRNG (mulberry32). The sample city must be byte-identical on every run, so the generator never
 * touches Math.random or the clock; every random choice flows from one seed through this class.
 */
import { mulberry32, type Random } from '../../src/scenarios/seeded-random.ts';

export class Prng {
  private readonly random: Random;

  constructor(seed: number) {
    this.random = mulberry32(seed);
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.random();
  }

  /** Uniform in [min, max). */
  range(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number {
    return Math.floor(this.range(min, max + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Picks an item with the given relative weights. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    const last = items[items.length - 1];
    if (!last) throw new Error('weighted(): empty item list');
    return last[0];
  }
}

/**
 * Seeded randomness for the sample generator: the same seed gives the same counts on every machine,
 * so the committed files can be checked byte for byte. Never Math.random, never the clock.
 */
import { mulberry32, type Random } from '../../src/scenarios/seeded-random.ts';

export { mulberry32, type Random };

/** A stream per name (FNV-1a of the name as seed), so adding a site does not shift the others' noise. */
export function randomFor(name: string): Random {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return mulberry32(h);
}

export function standardNormal(rnd: Random): number {
  return Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
}

/**
 * A Poisson count with mean λ: counting people who arrive independently. Knuth's product method
 * for small means, the normal approximation (rounded, never negative) for large ones.
 */
export function poisson(rnd: Random, lambda: number): number {
  if (!(lambda > 0)) return 0;
  if (lambda < 30) {
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = rnd();
    while (p > limit) {
      k++;
      p *= rnd();
    }
    return k;
  }
  return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * standardNormal(rnd)));
}

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The model code of the scenario kinds runs in the Web Worker only: the main chunk (and every other
 * chunk the page loads) must not carry it. Reads the output of `npx vite build`; run it after a build.
 *
 * The markers are texts the minifier keeps (string literals, property names) from the runners and
 * the models they import. If one disappears from the worker too, the model changed its wording:
 * pick another text from the same file.
 */
const MARKERS = [
  // crowd/run.ts (imports crowd/network-loading.ts): a validation message of the run
  'an origin cannot also be an entrance',
  // crowd/network-loading.ts result read by crowd/run.ts
  'minutesAboveSummary',
  // cycling/assignment.ts options, set in cycling/run.ts
  'routeChoice',
  // heat/block-stats.ts, read by heat/urban-heat.ts (imported by heat/run-heat.ts)
  'skyThousandths',
] as const;

const dist = join(import.meta.dirname, '../../dist');
// `npm run test:build` runs after `npm run build`: a missing build is a failure, not a skip.
const built = existsSync(join(dist, 'index.html'));

describe('main bundle without model code (reads dist/)', () => {
  it('reads a production build', () => {
    expect(built, `no build in ${dist}: run \`npm run build\` first`).toBe(true);
  });

  const assets = join(dist, 'assets');
  const chunks = built ? readdirSync(assets).filter((name) => name.endsWith('.js')) : [];
  const text = (name: string) => readFileSync(join(assets, name), 'utf8');
  const main = built
    ? /src="\/assets\/([^"]+\.js)"/.exec(readFileSync(join(dist, 'index.html'), 'utf8'))?.[1]
    : '';
  // The worker chunk is the file the main chunk starts the worker from (client.ts's `new URL`).
  const worker = main ? /assets\/(worker-[\w-]+\.js)/.exec(text(main))?.[1] : undefined;

  it('finds the main chunk and the worker chunk it starts', () => {
    expect(main).toMatch(/^index-.*\.js$/);
    expect(worker).toBeDefined();
    expect(chunks).toContain(worker);
  });

  it.each(MARKERS)('has "%s" in the worker chunk only', (marker) => {
    expect(text(worker!)).toContain(marker);
    const carriers = chunks.filter((name) => name !== worker && text(name).includes(marker));
    expect(carriers).toEqual([]);
  });
});

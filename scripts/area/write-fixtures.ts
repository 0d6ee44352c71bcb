/**
 * `npm run area:fixtures`: writes the recorded area responses under tests/fixtures/api (see
 * synthetic-area.ts and the README there). A test checks the files rebuild byte-identical.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RECORDED_AREAS, syntheticArea, type Responses } from './synthetic-area.ts';

export const FIXTURES_DIR = path.resolve(import.meta.dirname, '../../tests/fixtures/api');

/** A BGT page whose `rel=next` points back at itself: a looping cursor. */
export function loopingCursorPage(): unknown {
  const href = 'https://api.pdok.nl/lv/bgt/ogc/v1/collections/wegdeel/items?f=json&limit=1000&cursor=loop';
  return {
    type: 'FeatureCollection',
    timeStamp: '2026-08-20T10:00:00Z',
    links: [{ rel: 'next', type: 'application/geo+json', title: 'Next page', href }],
    numberReturned: 0,
    features: [],
  };
}

export function recordedResponses(): Responses {
  const all: Responses = new Map();
  for (const spec of RECORDED_AREAS) for (const [k, v] of syntheticArea(spec)) all.set(k, v);
  all.set('pdok-bgt/area-loop-wegdeel.json', loopingCursorPage());
  return all;
}

/** One line per feature keeps diffs readable and files small. */
export function serialise(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  let bytes = 0;
  for (const [file, value] of recordedResponses()) {
    const target = path.join(FIXTURES_DIR, file);
    mkdirSync(path.dirname(target), { recursive: true });
    const text = serialise(value);
    bytes += text.length;
    writeFileSync(target, text);
  }
  console.log(`wrote ${recordedResponses().size} files, ${(bytes / 1024).toFixed(0)} KiB`);
}

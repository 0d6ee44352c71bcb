/**
 * Responses a server can make endless, slow or deep: read as a stream with a byte cap and a
 * deadline, nesting checked before JSON.parse, and each refusal worded with its limit (issue 14).
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestClock } from '../../../tests/support/clock.ts';
import { createFakeFetch, jsonResponse } from '../../../tests/support/fake-fetch.ts';
import { INPUT_LIMITS } from '../../config/input-limits.ts';
import { describeSourceError } from '../messages.ts';
import { createHttpClient } from './client.ts';
import { SourceError } from './errors.ts';
import { assertPositionsWithin, countPositions, InputLimitError, jsonDepth } from './limits.ts';

const anything = z.unknown();

function client(reply: () => Response) {
  const clock = createTestClock();
  const fake = createFakeFetch([{ match: () => true, replies: [reply] }]);
  return { http: createHttpClient({ fetch: fake.fetch, clock, random: () => 0.5 }), clock };
}

async function failure(p: Promise<unknown>): Promise<SourceError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(SourceError);
  return e as SourceError;
}

/** A body that never ends: 64 KB chunks for as long as anyone reads. */
function endlessResponse(): { response: Response; sent: () => number } {
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      sent += 65_536;
      controller.enqueue(new Uint8Array(65_536).fill(0x5b));
    },
  });
  return { response: new Response(stream, { status: 200 }), sent: () => sent };
}

/** Headers at once, then one byte, then nothing ever again (a stalled or trickling server). */
function stalledResponse(): Response {
  let first = true;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (first) {
        first = false;
        controller.enqueue(new Uint8Array([0x7b]));
        return;
      }
      return new Promise<void>(() => undefined);
    },
  });
  return new Response(stream, { status: 200 });
}

describe('response limits', () => {
  it('a never-ending response is cut off at the byte cap, not read to the end', async () => {
    const endless = endlessResponse();
    const t = client(() => endless.response);
    const e = await failure(t.http.request({ sourceId: 'x', url: 'https://x.test/a', schema: anything }));
    expect(e.kind).toBe('too-large');
    expect(e.limitBytes).toBe(INPUT_LIMITS.apiResponseBytes);
    // It stopped pulling within a few chunks of the cap.
    expect(endless.sent()).toBeLessThan(INPUT_LIMITS.apiResponseBytes + 4 * 65_536);
    expect(describeSourceError(e, 'nl')).toContain('groter dan 10 MB');
    expect(describeSourceError(e, 'en')).toContain('larger than 10 MB');
  });

  it('a response whose body stalls after the headers times out (the body has a deadline)', async () => {
    const t = client(stalledResponse);
    const e = await failure(t.http.request({ sourceId: 'x', url: 'https://x.test/b', schema: anything }));
    expect(e.kind).toBe('timeout');
    expect(t.clock.fired).toContain(INPUT_LIMITS.responseReadMs);
  });

  it('deeply nested JSON is refused before JSON.parse, with the depth in plain words', async () => {
    const depth = 200_000;
    const t = client(() => jsonResponse('['.repeat(depth) + ']'.repeat(depth)));
    const e = await failure(t.http.request({ sourceId: 'x', url: 'https://x.test/c', schema: anything }));
    expect(e.kind).toBe('too-large');
    expect(e.limit).toBe('jsonDepth');
    expect(describeSourceError(e, 'nl')).toContain(`meer dan ${INPUT_LIMITS.jsonDepth} lagen`);
    expect(describeSourceError(e, 'en')).toContain(`more than ${INPUT_LIMITS.jsonDepth} levels`);
  });

  it('nesting at the limit still parses', async () => {
    const d = INPUT_LIMITS.jsonDepth;
    const t = client(() => jsonResponse('['.repeat(d) + ']'.repeat(d)));
    await expect(
      t.http.request({ sourceId: 'x', url: 'https://x.test/d', schema: anything }),
    ).resolves.toBeDefined();
  });
});

describe('limit helpers', () => {
  it('jsonDepth ignores brackets in strings and escaped quotes', () => {
    expect(jsonDepth('{"a":"[[[[\\"[[[","b":[[1]]}')).toBe(3);
    expect(jsonDepth('[]')).toBe(1);
    expect(jsonDepth('1')).toBe(0);
  });

  it('a 1-million-point GeoJSON is refused by its position count', () => {
    const coordinates = Array.from({ length: 1_000_000 }, (_, i) => [5 + i * 1e-7, 52]);
    const geojson = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry: { type: 'MultiPoint', coordinates } }],
    };
    expect(countPositions(geojson, INPUT_LIMITS.userGeoJsonPositions)).toBe(
      INPUT_LIMITS.userGeoJsonPositions + 1,
    );
    expect(() => assertPositionsWithin(geojson)).toThrow(InputLimitError);
    expect(countPositions(geojson)).toBe(1_000_000);
  });
});

describe('position bound before parsing', () => {
  it('counts arrays that start with a number, not arrays in strings or of objects', async () => {
    const { numberArrayCount } = await import('./limits.ts');
    expect(numberArrayCount('{"c":[[5.1,52],[ -3,4]],"s":"[1,2]","o":[{"a":1}]}')).toBe(2);
  });
});

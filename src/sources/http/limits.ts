/**
 * Checks that run BEFORE input is parsed or inflated (limits in config/input-limits.ts): JSON
 * nesting by a cheap scan of the text, a byte cap on streams and on inflating, and a count of
 * GeoJSON positions. Each refusal is an InputLimitError naming the limit, so the UI can say it.
 */
import { INPUT_LIMITS, type InputLimitName } from '../../config/input-limits.ts';

export class InputLimitError extends Error {
  constructor(
    readonly limit: InputLimitName,
    /** What was seen when we stopped (bytes, depth, positions); at least the limit plus one. */
    readonly seen?: number,
  ) {
    super(`input exceeds ${limit} = ${INPUT_LIMITS[limit]}${seen === undefined ? '' : ` (${seen} seen)`}`);
    this.name = 'InputLimitError';
  }

  /** The limit's value, for messages. */
  get value(): number {
    return INPUT_LIMITS[this.limit];
  }
}

export function isInputLimitError(e: unknown): e is InputLimitError {
  return e instanceof InputLimitError;
}

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * The deepest nesting of objects and arrays in JSON text, stopping as soon as it passes `max`
 * (one pass, no allocation; brackets inside strings do not count). Invalid JSON is left to
 * JSON.parse to report.
 */
export function jsonDepth(text: string, max = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > max) return deepest;
      }
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
  }
  return deepest;
}

/** Throws an InputLimitError when the JSON text nests deeper than `INPUT_LIMITS.jsonDepth`. */
export function assertJsonDepth(text: string): void {
  const depth = jsonDepth(text, INPUT_LIMITS.jsonDepth);
  if (depth > INPUT_LIMITS.jsonDepth) throw new InputLimitError('jsonDepth', depth);
}

/**
 * JSON.parse behind the limits: the text's length (UTF-16 units, never more than its UTF-8
 * bytes) against `sizeLimit`, then the nesting depth. Syntax errors are thrown as JSON.parse does.
 */
export function parseJsonWithin(text: string, sizeLimit: InputLimitName): unknown {
  if (text.length > INPUT_LIMITS[sizeLimit]) throw new InputLimitError(sizeLimit, text.length);
  assertJsonDepth(text);
  return JSON.parse(text) as unknown;
}

/**
 * Reads a stream to its end, but never more than `maxBytes` of it (the rest is cancelled, not
 * downloaded) and never after `signal` aborts, even when the stream itself ignores the abort.
 */
export async function readStreamWithin(
  stream: ReadableStream<Uint8Array>,
  maxBytes: number,
  onTooLarge: (seen: number) => Error,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    if (!signal) return;
    onAbort = () => reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  aborted.catch(() => undefined);
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), aborted]);
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) throw onTooLarge(total);
      chunks.push(value);
    }
  } catch (e) {
    void reader.cancel().catch(() => undefined);
    throw e;
  } finally {
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/**
 * Inflates raw deflate data, stopping as soon as the output passes the limit: a few KB of a
 * link can inflate to gigabytes (a "zip bomb"), which must never be held in memory.
 */
export async function inflateRawWithin(bytes: Uint8Array, limit: InputLimitName): Promise<Uint8Array> {
  // A one-chunk stream made by hand: not every environment's Blob has stream() (jsdom has not).
  const source = new ReadableStream<BufferSource>({
    start(controller) {
      controller.enqueue(bytes as BufferSource);
      controller.close();
    },
  });
  const inflated = source.pipeThrough(new DecompressionStream('deflate-raw'));
  return readStreamWithin(
    inflated as ReadableStream<Uint8Array>,
    INPUT_LIMITS[limit],
    (seen) => new InputLimitError(limit, seen),
  );
}

/**
 * The number of coordinate positions in a parsed GeoJSON object (any depth of FeatureCollection,
 * Feature, geometry), counted without building anything and stopping once past `max`.
 */
export function countPositions(value: unknown, max = Infinity): number {
  let count = 0;
  const visitCoordinates = (c: unknown): void => {
    if (count > max || !Array.isArray(c)) return;
    if (typeof c[0] === 'number') {
      count++;
      return;
    }
    for (const inner of c) visitCoordinates(inner);
  };
  const visit = (node: unknown): void => {
    if (count > max || typeof node !== 'object' || node === null) return;
    const o = node as Record<string, unknown>;
    if (Array.isArray(o['features'])) for (const f of o['features']) visit(f);
    if (o['geometry'] !== undefined) visit(o['geometry']);
    if (Array.isArray(o['geometries'])) for (const g of o['geometries']) visit(g);
    if (o['coordinates'] !== undefined) visitCoordinates(o['coordinates']);
  };
  visit(value);
  return count;
}

const MINUS = 0x2d;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

/**
 * Arrays in JSON text that start with a number, stopping once past `max`. Every GeoJSON position
 * is one, so this bounds the position count from above without parsing anything.
 */
export function numberArrayCount(text: string, max = Infinity): number {
  let count = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACKET) {
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) <= 0x20) j++;
      const next = text.charCodeAt(j);
      if (next === MINUS || (next >= DIGIT_0 && next <= DIGIT_9)) {
        count++;
        if (count > max) return count;
      }
    }
  }
  return count;
}

/**
 * Refuses GeoJSON text that may hold more positions than a layer may draw, before JSON.parse:
 * parsing a million positions alone takes seconds on a tablet. Exact counting follows the parse.
 */
export function assertPositionsWithinText(text: string): void {
  const max = INPUT_LIMITS.userGeoJsonPositions;
  const count = numberArrayCount(text, max);
  if (count > max) throw new InputLimitError('userGeoJsonPositions', count);
}

/** Throws when a parsed GeoJSON has more positions than an added layer may draw. */
export function assertPositionsWithin(value: unknown): void {
  const max = INPUT_LIMITS.userGeoJsonPositions;
  const count = countPositions(value, max);
  if (count > max) throw new InputLimitError('userGeoJsonPositions', count);
}

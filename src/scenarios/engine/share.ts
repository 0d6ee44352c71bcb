import { INPUT_LIMITS } from '../../config/input-limits.ts';
import { InputLimitError, inflateRawWithin, isInputLimitError } from '../../sources/http/limits.ts';
import { limitFail, parseScenario } from './format.ts';
import type { DefinitionRegistry, Parsed, Scenario } from './types.ts';

/**
 * A scenario as a compact share-link string: "d" + base64url(deflate-raw(JSON)) where
 * CompressionStream exists (browsers, Node ≥ 18), otherwise "j" + base64url(JSON). Decoding
 * accepts both, then validates like any other scenario file.
 */
export async function encodeScenarioLink(scenario: Scenario): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(scenario));
  if (typeof CompressionStream === 'function')
    return 'd' + toBase64Url(await pipe(bytes, new CompressionStream('deflate-raw')));
  return 'j' + toBase64Url(bytes);
}

export async function decodeScenarioLink(text: string, kinds: DefinitionRegistry): Promise<Parsed<Scenario>> {
  // Limits before decoding: the token's length, then (while inflating) the unpacked size.
  if (text.length > INPUT_LIMITS.scenarioLinkChars)
    return limitFail(new InputLimitError('scenarioLinkChars', text.length));
  const mode = text[0];
  let bytes: Uint8Array;
  try {
    bytes = fromBase64Url(text.slice(1));
    if (mode === 'd') {
      if (typeof DecompressionStream !== 'function')
        return fail('this browser cannot read compressed scenario links');
      bytes = await inflateRawWithin(bytes, 'scenarioBytes');
    } else if (mode !== 'j') return fail('not a scenario link');
  } catch (error) {
    if (isInputLimitError(error)) return limitFail(error);
    return fail('the scenario link is damaged');
  }
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('the scenario link is damaged');
  }
  return parseScenario(json, kinds);
}

async function pipe(bytes: Uint8Array, transform: CompressionStream): Promise<Uint8Array> {
  // A one-chunk stream made by hand: not every environment's Blob has stream() (jsdom has not).
  const source = new ReadableStream<BufferSource>({
    start(controller) {
      controller.enqueue(bytes as BufferSource);
      controller.close();
    },
  });
  const stream = source.pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

function fail(message: string): Parsed<Scenario> {
  return { ok: false, issues: [{ path: '(link)', message }] };
}

/**
 * Scenario files and `sc=` links that are too large — before or after inflating — or nested too
 * deeply are refused with the limit named, before anything is parsed (issue 14).
 */
import { describe, expect, it } from 'vitest';
import { INPUT_LIMITS } from '../../config/input-limits.ts';
import { SCENARIO_DEFINITIONS as SCENARIO_KINDS } from '../kinds.ts';
import { parseScenario } from './format.ts';
import { decodeScenarioLink, encodeScenarioLink } from './share.ts';

function toBase64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const small = {
  version: 1,
  kind: 'crowd-event',
  name: 'Klein',
  baseline: 'utrecht-centre-sample',
  changes: [{ type: 'close-link', link: 'steenweg' }],
  run: { from: '12:00', until: '20:00' },
};

describe('scenario input limits', () => {
  it('a link that inflates past the limit is refused while inflating, naming the limit', async () => {
    // 64 MB of spaces inside a JSON string compress to ~64 KB: a small link, a huge scenario.
    const huge = new Uint8Array(64 * 1024 * 1024).fill(0x20);
    huge.set(new TextEncoder().encode('{"name":"'), 0);
    const token = 'd' + toBase64Url(await deflateRaw(huge));
    expect(token.length).toBeLessThan(INPUT_LIMITS.scenarioLinkChars);
    const started = performance.now();
    const r = await decodeScenarioLink(token, SCENARIO_KINDS);
    const ms = performance.now() - started;
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues).toEqual([expect.objectContaining({ limit: 'scenarioBytes' })]);
    // Stopped at the limit, not after inflating all 64 MB.
    console.info(`[input-limits] 64 MB link bomb (${token.length} chars) refused in ${ms.toFixed(0)} ms`);
  });

  it('a link longer than the limit is refused before it is decoded', async () => {
    const r = await decodeScenarioLink('j' + 'A'.repeat(INPUT_LIMITS.scenarioLinkChars), SCENARIO_KINDS);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.limit).toBe('scenarioLinkChars');
  });

  it('an ordinary link still opens', async () => {
    const r = await decodeScenarioLink(await encodeScenarioLink(small), SCENARIO_KINDS);
    expect(r.ok).toBe(true);
  });

  it('a scenario text over the limit is refused before JSON.parse', () => {
    const text = JSON.stringify({ ...small, description: 'x'.repeat(INPUT_LIMITS.scenarioBytes) });
    const r = parseScenario(text, SCENARIO_KINDS);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.limit).toBe('scenarioBytes');
  });

  it('deeply nested JSON is refused with the depth limit, not a stack overflow', () => {
    const depth = 100_000;
    const text = `{"version":1,"run":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const r = parseScenario(text, SCENARIO_KINDS);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues).toEqual([expect.objectContaining({ limit: 'jsonDepth' })]);
  });

  it('a deeply nested link is refused too', async () => {
    const depth = 10_000;
    const text = `{"version":1,"run":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const token = 'j' + toBase64Url(new TextEncoder().encode(text));
    const r = await decodeScenarioLink(token, SCENARIO_KINDS);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.limit).toBe('jsonDepth');
  });
});

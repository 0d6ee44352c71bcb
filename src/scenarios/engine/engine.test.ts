import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCENARIO_KINDS } from './engine-kinds.ts';
import { ScenarioClient, ScenarioRunError } from './client.ts';
import { difference } from './diff.ts';
import { inProcessWorker } from './in-process-worker.ts';
import { createMessageHandler, type WorkerResponse } from './protocol.ts';
import { InvalidScenarioError, runScenario } from './runner.ts';
import { decodeScenarioLink, encodeScenarioLink } from './share.ts';
import { CancelledError, type ScenarioOutput } from './types.ts';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const network: unknown = JSON.parse(read('../../../public/data/crowd/pedestrian-network.json'));
const exampleText = read('../../../scenarios/vredenburg-stage.json');
const example = JSON.parse(exampleText) as {
  run: Record<string, unknown>;
  changes: Record<string, unknown>[];
};
/** The example at 5-second steps: long enough (about a second) to cancel in the middle. */
const slow = { ...example, run: { ...example.run, stepSeconds: 5 } };

describe('runner (in-process)', () => {
  it('runs a scenario and its baseline and returns the difference', async () => {
    const progress: number[] = [];
    const r = await runScenario({ scenario: exampleText, baseline: network, compare: true }, SCENARIO_KINDS, {
      onProgress: (f) => progress.push(f),
    });
    expect(r.output.kind).toBe('crowd-event');
    expect(r.difference!.indicators['peakDensity']!.change!).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe(1);
    expect(progress.every((f, i) => i === 0 || f >= progress[i - 1]!)).toBe(true);
  });

  it('rejects an invalid scenario with every issue and runs nothing', async () => {
    const bad = { ...example, changes: [{ type: 'close-link', link: 'no-such-street' }] };
    const error = await runScenario({ scenario: bad, baseline: network }, SCENARIO_KINDS).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InvalidScenarioError);
    expect((error as InvalidScenarioError).issues).toEqual([
      { path: 'changes[0].link', message: 'unknown link "no-such-street"' },
    ]);
  });

  it('rejects a scenario meant for another baseline', async () => {
    const other = { ...example, baseline: 'amsterdam' };
    await expect(runScenario({ scenario: other, baseline: network }, SCENARIO_KINDS)).rejects.toThrow(
      /baseline: this scenario is for baseline "amsterdam"/,
    );
  });

  it('can be cancelled with an AbortSignal', async () => {
    const controller = new AbortController();
    const run = runScenario({ scenario: slow, baseline: network }, SCENARIO_KINDS, {
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
  });
});

const fakeWorker = (options: { silent?: boolean } = {}) => inProcessWorker(SCENARIO_KINDS, options);

describe('worker message handler (as a pure function)', () => {
  it('answers run with progress and a result, and cancel with a cancelled error', async () => {
    const messages: WorkerResponse[] = [];
    const handle = createMessageHandler((m) => messages.push(m), SCENARIO_KINDS, 0);
    await handle({ type: 'run', id: 1, scenario: example, baseline: network });
    expect(messages.some((m) => m.type === 'progress' && m.id === 1)).toBe(true);
    expect(messages.at(-1)).toMatchObject({ type: 'result', id: 1 });

    messages.length = 0;
    const running = handle({ type: 'run', id: 2, scenario: slow, baseline: network });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await handle({ type: 'cancel', id: 2 });
    await running;
    expect(messages.at(-1)).toMatchObject({ type: 'error', id: 2, code: 'cancelled' });
  });

  it('answers an invalid scenario with code "invalid" and the issues', async () => {
    const messages: WorkerResponse[] = [];
    const handle = createMessageHandler((m) => messages.push(m), SCENARIO_KINDS);
    await handle({ type: 'run', id: 3, scenario: '{"version": 7}', baseline: network });
    expect(messages).toEqual([
      {
        type: 'error',
        id: 3,
        code: 'invalid',
        message: 'version: unsupported version 7 (this app reads version 1)',
        issues: [{ path: 'version', message: 'unsupported version 7 (this app reads version 1)' }],
      },
    ]);
  });
});

describe('main-thread client', () => {
  it('resolves one promise per run', async () => {
    const { worker } = fakeWorker();
    const client = new ScenarioClient(() => worker);
    const [a, b] = [client.run(example, network), client.run(example, network, { compare: true })];
    const [ra, rb] = await Promise.all([a.result, b.result]);
    expect(a.id).not.toBe(b.id);
    expect(ra.difference).toBeUndefined();
    expect(rb.difference).toBeDefined();
  });

  it('cancels a run', async () => {
    const { worker, sent } = fakeWorker();
    const client = new ScenarioClient(() => worker);
    const handle = client.run(slow, network);
    setTimeout(() => handle.cancel(), 30);
    const error = await handle.result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScenarioRunError);
    expect((error as ScenarioRunError).code).toBe('cancelled');
    expect(sent.map((m) => m.type)).toEqual(['run', 'cancel']);
  });

  it('times out, and tells the worker to stop', async () => {
    const { worker, sent } = fakeWorker({ silent: true });
    const client = new ScenarioClient(() => worker);
    const error = await client.run(example, network, { timeoutMs: 20 }).result.catch((e: unknown) => e);
    expect((error as ScenarioRunError).code).toBe('timeout');
    expect(sent.at(-1)).toEqual({ type: 'cancel', id: 1 });
  });

  it('passes validation issues through', async () => {
    const { worker } = fakeWorker();
    const client = new ScenarioClient(() => worker);
    const bad = { ...example, changes: [{ ...example.changes[0], visitors: -1 }] };
    const error = (await client.run(bad, network).result.catch((e: unknown) => e)) as ScenarioRunError;
    expect(error.code).toBe('invalid');
    expect(error.issues).toContainEqual({ path: 'changes[0].visitors', message: 'must be 0 or more' });
  });
});

describe('difference', () => {
  const output = (value: number, field: number[]): ScenarioOutput => ({
    kind: 'k',
    indicators: { a: { value, unit: 'x' }, b: { value: null, unit: 'y' } },
    fields: { f: { ids: ['p', 'q'], steps: 1, values: Float32Array.from(field) } },
    stepSeconds: 60,
    startsAt: '12:00',
    notes: [],
  });

  it('subtracts indicators and fields (scenario − baseline)', () => {
    const d = difference(output(2, [1, 5]), output(3.5, [4, 1]));
    expect(d.indicators['a']).toEqual({ unit: 'x', baseline: 2, scenario: 3.5, change: 1.5 });
    expect(d.indicators['b']!.change).toBeNull();
    expect([...d.fields['f']!.values]).toEqual([3, -4]);
  });
});

describe('share link', () => {
  it('round-trips the example and is much shorter than its JSON', async () => {
    const parsed = JSON.parse(exampleText) as Parameters<typeof encodeScenarioLink>[0];
    const link = await encodeScenarioLink(parsed);
    expect(link[0]).toBe('d');
    expect(link).toMatch(/^[A-Za-z0-9_-]+$/);
    // Measured: 787 characters for the 1,232-character compact JSON of the example (529 without its description).
    expect(link.length).toBeLessThan(JSON.stringify(parsed).length * 0.75);
    expect(link.length).toBeLessThan(1200);
    const back = await decodeScenarioLink(link, SCENARIO_KINDS);
    expect(back).toEqual({ ok: true, value: parsed });
  });

  it('reads the uncompressed form and rejects damaged links', async () => {
    const json = JSON.stringify({ ...example, name: 'Zonder compressie' });
    const plain = 'j' + Buffer.from(json).toString('base64url');
    const r = await decodeScenarioLink(plain, SCENARIO_KINDS);
    expect(r.ok && r.value.name).toBe('Zonder compressie');
    for (const broken of ['dAAAA', 'j!!!', 'x' + plain.slice(1), 'd' + plain.slice(1)]) {
      const bad = await decodeScenarioLink(broken, SCENARIO_KINDS);
      expect(bad.ok, broken).toBe(false);
    }
  });
});

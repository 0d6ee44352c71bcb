// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ScenarioClient } from '../scenarios/engine/client.ts';
import { inProcessWorker } from '../scenarios/engine/in-process-worker.ts';
import { SCENARIO_KINDS } from '../scenarios/engine/engine-kinds.ts';
import { scenarioDeps, stepCount, useScenarioStore } from './scenario-store.ts';
import { startUrlSync } from './url-sync.ts';
import { decodeView } from './url-codec.ts';
import { useAppStore } from './app-store.ts';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const network: unknown = JSON.parse(read('../../public/data/crowd/pedestrian-network.json'));
const exampleText = read('../../scenarios/vredenburg-stage.json');

const realDeps = { ...scenarioDeps };
let fetched: string[] = [];

beforeEach(() => {
  fetched = [];
  scenarioDeps.engine = () => new ScenarioClient(() => inProcessWorker(SCENARIO_KINDS).worker);
  scenarioDeps.fetchBaseline = (url) => {
    fetched.push(url);
    return Promise.resolve(structuredClone(network));
  };
  useScenarioStore.getState().clear();
});
afterEach(() => Object.assign(scenarioDeps, realDeps));

const waitFor = async (condition: () => boolean) => {
  for (let i = 0; i < 400 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(condition()).toBe(true);
};

describe('scenario store', () => {
  it('loads an example, fetches its baseline and runs it against the normal day', async () => {
    const loaded = await useScenarioStore.getState().load(exampleText, { type: 'example', id: 'x' }, 'x');
    expect(loaded).toBe(true);
    const s = useScenarioStore.getState();
    expect(fetched).toEqual(['/data/crowd/pedestrian-network.json']);
    expect(s.status).toBe('done');
    expect(s.outcome?.difference?.fields['density']).toBeDefined();
    // Playback opens at the busiest moment, not at the first step.
    expect(s.step).toBeGreaterThan(0);
    expect(s.step).toBeLessThan(stepCount(s.outcome));
  });

  it('refuses a malformed file with clear issues and keeps what was loaded', async () => {
    const store = useScenarioStore.getState();
    await store.load(exampleText, { type: 'example', id: 'x' }, 'x');
    const before = useScenarioStore.getState().outcome;
    const bad = JSON.parse(exampleText) as { changes: { visitors?: number }[] };
    bad.changes[0]!.visitors = -5;
    expect(await store.load(JSON.stringify(bad), { type: 'file', name: 'bad.json' }, 'bad.json')).toBe(false);
    const after = useScenarioStore.getState();
    expect(after.rejected?.source).toBe('bad.json');
    expect(after.rejected?.issues.map((i) => i.path)).toEqual(['changes[0].visitors']);
    expect(after.outcome).toBe(before);
    expect(await store.load('{"version": 1,', { type: 'file', name: 'x' }, 'x')).toBe(false);
    expect(useScenarioStore.getState().rejected?.issues[0]?.message).toMatch(/not valid JSON/);
  });

  it('refuses a scenario for baseline data this app does not have', async () => {
    const other = { ...(JSON.parse(exampleText) as object), baseline: 'rotterdam-centre' };
    expect(await useScenarioStore.getState().load(other, { type: 'link' }, 'link')).toBe(false);
    expect(useScenarioStore.getState().rejected?.issues[0]?.path).toBe('baseline');
  });

  it('can cancel a run', async () => {
    const slow = JSON.parse(exampleText) as { run: { stepSeconds: number } };
    slow.run.stepSeconds = 5;
    const loading = useScenarioStore.getState().load(slow, { type: 'file', name: 's' }, 's');
    await waitFor(() => useScenarioStore.getState().progress > 0);
    useScenarioStore.getState().cancel();
    await loading;
    expect(useScenarioStore.getState()).toMatchObject({ status: 'cancelled', outcome: null });
  });
});

describe('editing a scenario', () => {
  it('applies a valid edit, runs it, and undoes and redoes it', async () => {
    const store = useScenarioStore.getState();
    await store.load(exampleText, { type: 'example', id: 'x' }, 'x');
    const original = useScenarioStore.getState().scenario!;
    const peakBefore = useScenarioStore.getState().outcome!.output.indicators['peakDensity']!.value!;
    const narrowed = await store.edit(
      (s) => ({
        ...s,
        changes: [...s.changes, { type: 'set-width', link: 'lange-viestraat-oost', width: 2 }],
      }),
      'edit',
    );
    expect(narrowed).toBe(true);
    let state = useScenarioStore.getState();
    expect(state.scenario!.changes).toHaveLength(original.changes.length + 1);
    expect(state.undoStack).toEqual([original]);
    expect(state.outcome!.output.indicators['peakDensity']!.value!).toBeGreaterThan(peakBefore);

    await state.undo();
    state = useScenarioStore.getState();
    expect(state.scenario).toEqual(original);
    expect(state.redoStack).toHaveLength(1);
    expect(state.outcome!.output.indicators['peakDensity']!.value!).toBeCloseTo(peakBefore, 6);
    await state.redo();
    expect(useScenarioStore.getState().scenario!.changes).toHaveLength(original.changes.length + 1);
  });

  it('refuses an invalid edit and changes nothing', async () => {
    const store = useScenarioStore.getState();
    await store.load(exampleText, { type: 'example', id: 'x' }, 'x');
    const before = useScenarioStore.getState().scenario;
    const ok = await store.edit(
      (s) => ({ ...s, changes: [{ type: 'set-width', link: 'x', width: 0 }] }),
      'width',
    );
    expect(ok).toBe(false);
    expect(useScenarioStore.getState().scenario).toBe(before);
    expect(useScenarioStore.getState().undoStack).toEqual([]);
    expect(useScenarioStore.getState().rejected?.issues[0]?.path).toBe('changes[0].width');
  });
});

describe('scenario in the share link', () => {
  let stop: () => void = () => {};
  afterEach(() => stop());

  it('writes the scenario and playback time to the address and a link reproduces the same result', async () => {
    window.history.replaceState(null, '', '/?v=1');
    stop = startUrlSync(useAppStore, window);
    await useScenarioStore.getState().load(exampleText, { type: 'example', id: 'x' }, 'x');
    await waitFor(() => window.location.search.includes('sc='));
    useScenarioStore.getState().setStep(150);
    const link = window.location.search;
    const { view } = decodeView(link);
    expect(view.scenarioTime).toBe('14:30');
    const first = useScenarioStore.getState().outcome!;
    stop();

    useScenarioStore.getState().clear();
    window.history.replaceState(null, '', `/${link}`);
    stop = startUrlSync(useAppStore, window);
    await waitFor(() => useScenarioStore.getState().status === 'done');
    const reopened = useScenarioStore.getState();
    expect(reopened.origin).toEqual({ type: 'link' });
    expect(reopened.scenario).toEqual(JSON.parse(exampleText));
    expect(reopened.step).toBe(150);
    expect(reopened.outcome!.output.indicators).toEqual(first.output.indicators);
    expect(window.location.search).toBe(link);
  });

  it('says so when the link carries a damaged scenario', async () => {
    window.history.replaceState(null, '', '/?v=1&sc=dAAAAAAAAAAAAAAAAAAAA');
    stop = startUrlSync(useAppStore, window);
    await waitFor(() => useScenarioStore.getState().rejected !== null);
    expect(useScenarioStore.getState().rejected?.issues[0]?.message).toMatch(/damaged/);
    expect(useScenarioStore.getState().scenario).toBeNull();
  });
});

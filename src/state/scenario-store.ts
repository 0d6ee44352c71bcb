import { create } from 'zustand';
import { INPUT_LIMITS } from '../config/input-limits.ts';
import { readBodyLimited } from '../sources/http/body.ts';
import { parseJsonWithin } from '../sources/http/limits.ts';
import type { ScenarioDisplay } from '../layers/scenario-result/scenario-view.ts';
import { ScenarioClient, ScenarioRunError, type RunHandle } from '../scenarios/engine/client.ts';
import { stepOfMaximum } from '../scenarios/engine/fields.ts';
import { parseScenario } from '../scenarios/engine/format.ts';
import type { RunOutcome } from '../scenarios/engine/runner.ts';
import { decodeScenarioLink, encodeScenarioLink } from '../scenarios/engine/share.ts';
import type { Scenario, ScenarioIssue } from '../scenarios/engine/types.ts';
import { definitionOf, SCENARIO_DEFINITIONS } from '../scenarios/kinds.ts';

/** Where the loaded scenario came from (shown in the panel; a link's scenario is not a file). */
export type ScenarioOrigin =
  { type: 'example'; id: string } | { type: 'file'; name: string } | { type: 'link' } | { type: 'new' };

export type RunStatus = 'idle' | 'running' | 'done' | 'failed' | 'cancelled';

export { SCENARIO_DISPLAYS, type ScenarioDisplay } from '../layers/scenario-result/scenario-view.ts';

/** A refused load: what was offered and every problem with it. The loaded scenario stays. */
export interface RejectedLoad {
  source: string;
  issues: ScenarioIssue[];
}

export interface ScenarioState {
  scenario: Scenario | null;
  origin: ScenarioOrigin | null;
  rejected: RejectedLoad | null;
  status: RunStatus;
  /** 0–1 while running. */
  progress: number;
  /** Plain message of a failed run (with the issues when the scenario did not fit its baseline). */
  error: { message: string; issues: ScenarioIssue[] } | null;
  outcome: RunOutcome | null;
  /** The baseline data of the last run (e.g. the pedestrian network), for drawing the result. */
  baselineData: unknown;
  display: ScenarioDisplay;
  /** Playback position in the result's time steps. */
  step: number;
  playing: boolean;
  /** The scenario as a share-link token (`sc=` in the URL), once encoded. */
  shareToken: string | null;
  /** Earlier versions of the scenario (edits to undo) and undone ones (to redo). */
  undoStack: Scenario[];
  redoStack: Scenario[];

  /** Validates and loads a scenario (JSON text or value) and runs it. False = refused, nothing changed. */
  load: (input: unknown, origin: ScenarioOrigin, sourceLabel: string, token?: string) => Promise<boolean>;
  /** Loads the scenario a share link carries; the token is what `sc=` holds. */
  loadToken: (token: string) => Promise<boolean>;
  run: () => Promise<void>;
  /**
   * Changes the loaded scenario (e.g. a tree drawn on the map), validated like a file: an invalid
   * edit is refused with its issues and changes nothing. A valid one can be undone and is run.
   */
  edit: (update: (scenario: Scenario) => Scenario, label: string) => Promise<boolean>;
  undo: () => Promise<void>;
  redo: () => Promise<void>;
  cancel: () => void;
  clear: () => void;
  dismissRejected: () => void;
  setDisplay: (display: ScenarioDisplay) => void;
  setStep: (step: number) => void;
  setPlaying: (playing: boolean) => void;
}

/** How a run reaches the engine; replaceable in tests (the default starts the Web Worker). */
export interface ScenarioEngine {
  run: ScenarioClient['run'];
}

export interface ScenarioDeps {
  engine: () => ScenarioEngine;
  fetchBaseline: (url: string, signal: AbortSignal) => Promise<unknown>;
}

let defaultClient: ScenarioClient | null = null;

export const scenarioDeps: ScenarioDeps = {
  engine: () => (defaultClient ??= new ScenarioClient()),
  fetchBaseline: async (url, signal) => {
    const response = await fetch(url, { signal });
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    // Read within the API limits, like any answer: a broken server must not hang or flood a run.
    const bytes = await readBodyLimited(response, INPUT_LIMITS.apiResponseBytes, signal);
    return parseJsonWithin(new TextDecoder().decode(bytes), 'apiResponseBytes');
  },
};

const IDLE = {
  status: 'idle',
  progress: 0,
  error: null,
  outcome: null,
  baselineData: null,
  step: 0,
  playing: false,
} as const satisfies Partial<ScenarioState>;

let current: { handle: RunHandle | null; controller: AbortController } | null = null;

function stopCurrent(): void {
  current?.controller.abort();
  current?.handle?.cancel();
  current = null;
}

export const useScenarioStore = create<ScenarioState>()((set, get) => ({
  scenario: null,
  origin: null,
  rejected: null,
  display: 'scenario',
  shareToken: null,
  undoStack: [],
  redoStack: [],
  ...IDLE,

  load: async (input, origin, sourceLabel, token) => {
    const parsed = parseScenario(input, SCENARIO_DEFINITIONS);
    if (!parsed.ok) {
      set({ rejected: { source: sourceLabel, issues: parsed.issues } });
      return false;
    }
    const scenario = parsed.value;
    if (definitionOf(scenario.kind)?.baseline.id !== scenario.baseline) {
      set({
        rejected: {
          source: sourceLabel,
          issues: [{ path: 'baseline', message: `this app has no baseline data "${scenario.baseline}"` }],
        },
      });
      return false;
    }
    stopCurrent();
    // A link's own token is kept as it is, so opening a link never rewrites the address.
    set({
      scenario,
      origin,
      rejected: null,
      shareToken: token ?? null,
      display: 'scenario',
      undoStack: [],
      redoStack: [],
      ...IDLE,
    });
    if (token === undefined) encodeToken(scenario);
    await get().run();
    return true;
  },

  edit: async (update, label) => {
    const before = get().scenario;
    if (!before) return false;
    const parsed = parseScenario(update(structuredClone(before)), SCENARIO_DEFINITIONS);
    if (!parsed.ok) {
      set({ rejected: { source: label, issues: parsed.issues } });
      return false;
    }
    await replaceScenario(parsed.value, { undoStack: [...get().undoStack, before], redoStack: [] });
    return true;
  },

  undo: async () => {
    const { undoStack, redoStack, scenario } = get();
    const previous = undoStack.at(-1);
    if (!previous || !scenario) return;
    await replaceScenario(previous, {
      undoStack: undoStack.slice(0, -1),
      redoStack: [...redoStack, scenario],
    });
  },

  redo: async () => {
    const { undoStack, redoStack, scenario } = get();
    const next = redoStack.at(-1);
    if (!next || !scenario) return;
    await replaceScenario(next, { undoStack: [...undoStack, scenario], redoStack: redoStack.slice(0, -1) });
  },

  loadToken: async (token) => {
    if (token === get().shareToken) return true;
    const parsed = await decodeScenarioLink(token, SCENARIO_DEFINITIONS);
    if (!parsed.ok) {
      set({ rejected: { source: 'link', issues: parsed.issues } });
      return false;
    }
    return get().load(parsed.value, { type: 'link' }, 'link', token);
  },

  run: async () => {
    const scenario = get().scenario;
    if (!scenario) return;
    stopCurrent();
    const run: NonNullable<typeof current> = { handle: null, controller: new AbortController() };
    current = run;
    set({ status: 'running', progress: 0, error: null, playing: false });
    const isCurrent = () => current === run;
    try {
      const definition = definitionOf(scenario.kind)!;
      const url = definition.baseline.url;
      const baselineData = await scenarioDeps.fetchBaseline(url, run.controller.signal);
      if (!isCurrent()) return;
      run.handle = scenarioDeps.engine().run(scenario, baselineData, {
        compare: true,
        onProgress: (progress) => {
          if (isCurrent()) set({ progress });
        },
      });
      const outcome = await run.handle.result;
      if (!isCurrent()) return;
      current = null;
      // A first result opens at its busiest moment; after an edit playback stays where it was.
      const previous = get().outcome;
      const peakField = definition.playbackPeakField;
      const peak =
        (peakField === undefined ? undefined : outcome.output.fields[peakField]) ??
        Object.values(outcome.output.fields)[0];
      const step = previous ? Math.min(get().step, stepCount(outcome) - 1) : peak ? stepOfMaximum(peak) : 0;
      set({ status: 'done', progress: 1, outcome, baselineData, step });
    } catch (error) {
      if (!isCurrent()) return;
      current = null;
      if (error instanceof ScenarioRunError && error.code === 'cancelled') {
        set({ status: 'cancelled', progress: 0 });
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      const issues = error instanceof ScenarioRunError ? error.issues : [];
      set({ status: 'failed', progress: 0, error: { message, issues } });
    }
  },

  cancel: () => {
    if (get().status !== 'running') return;
    stopCurrent();
    set({ status: 'cancelled', progress: 0 });
  },

  clear: () => {
    stopCurrent();
    set({
      scenario: null,
      origin: null,
      rejected: null,
      shareToken: null,
      display: 'scenario',
      undoStack: [],
      redoStack: [],
      ...IDLE,
    });
  },

  dismissRejected: () => set({ rejected: null }),
  setDisplay: (display) => set({ display }),
  setStep: (step) => {
    const steps = stepCount(get().outcome);
    set({ step: Math.min(Math.max(Math.round(step), 0), Math.max(steps - 1, 0)) });
  },
  setPlaying: (playing) => set({ playing: playing && get().outcome !== null }),
}));

/** Encodes the share token in the background; a newer scenario wins. */
function encodeToken(scenario: Scenario): void {
  void encodeScenarioLink(scenario).then((encoded) => {
    if (useScenarioStore.getState().scenario === scenario) useScenarioStore.setState({ shareToken: encoded });
  });
}

/** Swaps in an edited version (keeping the result on screen until the new run is done) and runs it. */
async function replaceScenario(
  scenario: Scenario,
  stacks: Pick<ScenarioState, 'undoStack' | 'redoStack'>,
): Promise<void> {
  useScenarioStore.setState({ scenario, rejected: null, shareToken: null, ...stacks });
  encodeToken(scenario);
  await useScenarioStore.getState().run();
}

/** The number of time steps of a run's result (its longest field). */
export function stepCount(outcome: RunOutcome | null): number {
  if (!outcome) return 0;
  return Math.max(1, ...Object.values(outcome.output.fields).map((f) => f.steps));
}

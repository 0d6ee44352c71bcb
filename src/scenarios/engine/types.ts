import type { InputLimitName } from '../../config/input-limits.ts';
import type { z } from 'zod';
import type { Message } from '../../i18n/message.ts';

/**
 * The general scenario engine's contracts, shared by crowds, heat and cycling. A scenario is a
 * small versioned JSON diff over a named baseline; a kind knows how to validate its changes,
 * check them against its baseline data, and run.
 */

/** One problem, with a readable path into the scenario (e.g. `changes[2].visitors`). */
export interface ScenarioIssue {
  path: string;
  message: string;
  /** Set when an input limit refused the scenario, so the panel can say the limit in plain words. */
  limit?: InputLimitName;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; issues: ScenarioIssue[] };

/** The envelope every kind shares; `changes` and `run` are refined per kind. */
export interface Scenario<Change = unknown, Run = unknown> {
  /** The file format version (engine/format.ts); a parsed scenario is always the current one. */
  version: number;
  kind: string;
  name: string;
  description?: string;
  /** Id of the baseline data this scenario is a diff over (e.g. the network file's meta.id). */
  baseline: string;
  changes: Change[];
  run: Run;
}

export interface Indicator {
  value: number | null;
  unit: string;
  /** A name or id to go with the value (e.g. which street is the worst bottleneck). */
  label?: string;
}

/** Values per element (link, cell) and time step, row-major [step · ids.length + element]. */
export interface Field {
  ids: string[];
  steps: number;
  values: Float32Array | Uint8Array;
  /**
   * A regular raster instead of named elements: `ids` is then empty and the elements are the grid's
   * cells, row-major from the north-west corner [step · columns · rows + row · columns + column].
   */
  grid?: FieldGrid;
}

/** A lon/lat-aligned raster: row 0 is the northern row, so a step's values are in image order. */
export interface FieldGrid {
  columns: number;
  rows: number;
  /** Cell edge (m). */
  cellSize: number;
  /** [west, south, east, north] of the outer cell edges, degrees WGS84. */
  bounds: [number, number, number, number];
}

/** A small table of plain values (e.g. travel times per origin–destination pair), row by row. */
export interface Table {
  columns: string[];
  rows: (string | number | null)[][];
}

/**
 * A plain-language remark on a run (an assumption, what was left out), as a message key with its
 * values: the UI says it in the reader's language. The texts live in src/i18n (`scenario.note.*`).
 */
export type ModelNote = Message;

/** What every run returns: indicator numbers, per-element fields and plain-language notes. */
export interface ScenarioOutput {
  kind: string;
  indicators: Record<string, Indicator>;
  fields: Record<string, Field>;
  /** Optional tables by name; their difference matches rows by their text cells (see diff.ts). */
  tables?: Record<string, Table>;
  /** Seconds of one field step, and the wall-clock label of step 0 (HH:MM). */
  stepSeconds: number;
  startsAt: string;
  notes: ModelNote[];
}

export interface RunOptions {
  signal?: AbortSignal;
  /** 0…1; called at most every few tens of milliseconds. */
  onProgress?: (fraction: number) => void;
}

/**
 * What the main thread and the worker both know of a kind: its id, schemas and baseline data.
 * No model code, so the main bundle can parse scenarios without carrying the models.
 */
export interface KindDefinition<
  Id extends string = string,
  Change = unknown,
  Run = unknown,
  Baseline = unknown,
> {
  kind: Id;
  changeSchema: z.ZodType<Change>;
  runSchema: z.ZodType<Run>;
  baselineSchema: z.ZodType<Baseline>;
  /** The baseline data this app has for the kind: its id and the file it is served from (public/). */
  baseline: { id: string; url: string };
  /** The baseline id a baseline file declares (compared with `scenario.baseline`). */
  baselineId(baseline: Baseline): string;
  /** The field whose busiest step a first result opens at; the first field when absent. */
  playbackPeakField?: string;
}

/** The worker-side part of a kind: checks against the baseline data and the model run. */
export interface KindRunner<Change = unknown, Run = unknown, Baseline = unknown> {
  /**
   * Cross-checks against the baseline data (unknown link ids, …); empty when fine. It lives with
   * the run because some checks need model code (heat rasterises the city).
   */
  check(scenario: Scenario<Change, Run>, baseline: Baseline): ScenarioIssue[];
  /** Runs the scenario; with `changes: []` this is the baseline run. */
  run(scenario: Scenario<Change, Run>, baseline: Baseline, options: RunOptions): Promise<ScenarioOutput>;
}

/** A definition and its runner together: what the engine needs to validate, check and run. */
export interface ScenarioKind<Change = unknown, Run = unknown, Baseline = unknown>
  extends KindDefinition<string, Change, Run, Baseline>, KindRunner<Change, Run, Baseline> {}

/** Definitions by kind id: enough to parse scenarios (main thread). */
export type DefinitionRegistry = ReadonlyMap<string, KindDefinition>;

/** Kinds by name; `ScenarioKind<any…>` would be needed for variance, so kinds are stored erased. */
export type KindRegistry = ReadonlyMap<string, ScenarioKind>;

export class CancelledError extends Error {
  constructor() {
    super('the run was cancelled');
    this.name = 'CancelledError';
  }
}

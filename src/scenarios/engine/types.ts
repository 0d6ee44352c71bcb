import type { z } from 'zod';

/**
 * The general scenario engine's contracts, shared by crowds, heat and cycling. A scenario is a
 * small versioned JSON diff over a named baseline; a kind knows how to validate its changes,
 * check them against its baseline data, and run.
 */

/** One problem, with a readable path into the scenario (e.g. `changes[2].visitors`). */
export interface ScenarioIssue {
  path: string;
  message: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; issues: ScenarioIssue[] };

/** The envelope every kind shares; `changes` and `run` are refined per kind. */
export interface Scenario<Change = unknown, Run = unknown> {
  version: 1;
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
  notes: string[];
}

export interface RunOptions {
  signal?: AbortSignal;
  /** 0…1; called at most every few tens of milliseconds. */
  onProgress?: (fraction: number) => void;
}

export interface ScenarioKind<Change = unknown, Run = unknown, Baseline = unknown> {
  kind: string;
  changeSchema: z.ZodType<Change>;
  runSchema: z.ZodType<Run>;
  baselineSchema: z.ZodType<Baseline>;
  /** The baseline id a baseline file declares (compared with `scenario.baseline`). */
  baselineId(baseline: Baseline): string;
  /** Cross-checks against the baseline data (unknown link ids, …); empty when fine. */
  check(scenario: Scenario<Change, Run>, baseline: Baseline): ScenarioIssue[];
  /** Runs the scenario; with `changes: []` this is the baseline run. */
  run(scenario: Scenario<Change, Run>, baseline: Baseline, options: RunOptions): Promise<ScenarioOutput>;
}

/** Kinds by name; `ScenarioKind<any…>` would be needed for variance, so kinds are stored erased. */
export type KindRegistry = ReadonlyMap<string, ScenarioKind>;

export class CancelledError extends Error {
  constructor() {
    super('the run was cancelled');
    this.name = 'CancelledError';
  }
}

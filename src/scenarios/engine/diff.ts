import type { Field, FieldGrid, Indicator, ScenarioOutput, Table } from './types.ts';

export interface IndicatorChange {
  unit: string;
  baseline: number | null;
  scenario: number | null;
  /** scenario − baseline; null when either is unknown. */
  change: number | null;
  baselineLabel?: string;
  scenarioLabel?: string;
}

export interface Difference {
  indicators: Record<string, IndicatorChange>;
  /**
   * scenario − baseline for every float field both runs have with the same steps, over the
   * scenario's elements; an element the baseline lacks (e.g. a link the scenario adds) counts as 0.
   */
  fields: Record<string, Field>;
  /** Per table both runs have with the same columns: rows matched by their text cells, numbers subtracted. */
  tables?: Record<string, Table>;
}

/** The baseline-vs-scenario difference that every layer and indicator table shows. */
export function difference(baseline: ScenarioOutput, scenario: ScenarioOutput): Difference {
  if (baseline.kind !== scenario.kind)
    throw new Error(`cannot compare ${baseline.kind} with ${scenario.kind}`);
  const indicators: Record<string, IndicatorChange> = {};
  for (const [key, s] of Object.entries(scenario.indicators)) {
    const b: Indicator | undefined = baseline.indicators[key];
    if (!b) continue;
    const change: IndicatorChange = {
      unit: s.unit,
      baseline: b.value,
      scenario: s.value,
      change: b.value === null || s.value === null ? null : s.value - b.value,
    };
    if (b.label !== undefined) change.baselineLabel = b.label;
    if (s.label !== undefined) change.scenarioLabel = s.label;
    indicators[key] = change;
  }
  const fields: Record<string, Field> = {};
  for (const [key, s] of Object.entries(scenario.fields)) {
    const b = baseline.fields[key];
    if (!b || !(s.values instanceof Float32Array) || !(b.values instanceof Float32Array)) continue;
    if (b.steps !== s.steps) continue;
    if (s.grid || b.grid) {
      // Grid fields compare cell by cell, and only on the same grid.
      if (sameGrid(s.grid, b.grid)) fields[key] = { ...subtract(s, b.values), grid: s.grid };
      continue;
    }
    fields[key] = sameIds(b.ids, s.ids) ? subtract(s, b.values) : subtract(s, alignTo(s.ids, b));
  }
  if (!baseline.tables && !scenario.tables) return { indicators, fields };
  const tables: Record<string, Table> = {};
  for (const [key, s] of Object.entries(scenario.tables ?? {})) {
    const b = baseline.tables?.[key];
    if (b && sameIds(b.columns, s.columns)) tables[key] = tableDifference(b, s);
  }
  return { indicators, fields, tables };
}

function subtract(s: Field, baseline: ArrayLike<number>): Field {
  const values = new Float32Array(s.values.length);
  for (let i = 0; i < values.length; i++) values[i] = s.values[i]! - baseline[i]!;
  return { ids: s.ids, steps: s.steps, values };
}

/** The baseline's values laid out in the scenario's element order, 0 where the baseline has no such element. */
function alignTo(ids: readonly string[], b: Field): Float32Array {
  const at = new Map(b.ids.map((id, i) => [id, i]));
  const out = new Float32Array(ids.length * b.steps);
  ids.forEach((id, i) => {
    const j = at.get(id);
    if (j === undefined) return;
    for (let step = 0; step < b.steps; step++)
      out[step * ids.length + i] = b.values[step * b.ids.length + j]!;
  });
  return out;
}

/**
 * Rows of the scenario table that the baseline also has (same text cells), with each number cell
 * scenario − baseline (null when either is not a number) and text cells as they are.
 */
function tableDifference(baseline: Table, scenario: Table): Table {
  const key = (row: readonly (string | number | null)[]) =>
    JSON.stringify(row.map((cell) => (typeof cell === 'string' ? cell : null)));
  const before = new Map(baseline.rows.map((row) => [key(row), row]));
  const rows: (string | number | null)[][] = [];
  for (const row of scenario.rows) {
    const b = before.get(key(row));
    if (!b) continue;
    rows.push(
      row.map((cell, i) => {
        if (typeof cell === 'string') return cell;
        const old = b[i];
        return typeof cell === 'number' && typeof old === 'number' ? cell - old : null;
      }),
    );
  }
  return { columns: scenario.columns, rows };
}

function sameGrid(a: FieldGrid | undefined, b: FieldGrid | undefined): boolean {
  return (
    a !== undefined &&
    b !== undefined &&
    a.columns === b.columns &&
    a.rows === b.rows &&
    a.cellSize === b.cellSize &&
    a.bounds.every((v, i) => v === b.bounds[i])
  );
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

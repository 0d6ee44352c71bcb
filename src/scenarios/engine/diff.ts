import type { Field, Indicator, ScenarioOutput } from './types.ts';

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
  /** scenario − baseline for every float field both runs have with the same elements and steps. */
  fields: Record<string, Field>;
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
    if (b.steps !== s.steps || !sameIds(b.ids, s.ids)) continue;
    const values = new Float32Array(s.values.length);
    for (let i = 0; i < values.length; i++) values[i] = s.values[i]! - b.values[i]!;
    fields[key] = { ids: s.ids, steps: s.steps, values };
  }
  return { indicators, fields };
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

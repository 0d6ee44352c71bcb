import { crowdEventRunner } from '../crowd/run.ts';
import { cyclingRouteRunner } from '../cycling/run.ts';
import { heatGreeningRunner } from '../heat/run.ts';
import { KIND_DEFINITIONS, type AnyKindDefinition, type RunnersFor } from '../kinds.ts';
import type { KindDefinition, KindRegistry, KindRunner, ScenarioKind } from './types.ts';

/**
 * The worker-side registry: every kind's runner (checks and model). Only the worker and tests
 * import this, so the model code stays out of the main bundle. Adding a kind adds one line.
 */
export const KIND_RUNNERS = {
  'crowd-event': crowdEventRunner,
  'cycling-route': cyclingRouteRunner,
  'heat-greening': heatGreeningRunner,
} satisfies RunnersFor<AnyKindDefinition>;

/**
 * Joins definitions with their runners into the engine's registry. The one place types are
 * erased: each pair was checked against the same kind's types where the runners were listed.
 */
export function engineKinds<K extends string>(
  definitions: readonly KindDefinition<K>[],
  runners: Readonly<Record<K, KindRunner<never, never, never>>>,
): KindRegistry {
  return new Map(
    definitions.map((definition) => {
      const runner = runners[definition.kind] as unknown as KindRunner;
      const kind: ScenarioKind = { ...definition, check: runner.check, run: runner.run };
      return [definition.kind, kind];
    }),
  );
}

export const SCENARIO_KINDS: KindRegistry = engineKinds(KIND_DEFINITIONS, KIND_RUNNERS);

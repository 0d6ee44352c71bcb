import { crowdEventDefinition } from './crowd/definition.ts';
import { cyclingRouteDefinition } from './cycling/definition.ts';
import type { z } from 'zod';
import type { DefinitionRegistry, KindDefinition, KindRunner, Scenario } from './engine/types.ts';
import { heatGreeningDefinition } from './heat/definition.ts';

/**
 * Every scenario kind this build knows, by its definition (schemas and baseline, no model code).
 * Adding a kind adds one line here; its runner registers in engine/engine-kinds.ts (worker only).
 */
export const KIND_DEFINITIONS = [
  crowdEventDefinition,
  cyclingRouteDefinition,
  heatGreeningDefinition,
] as const;

export type AnyKindDefinition = (typeof KIND_DEFINITIONS)[number];
export type KindId = AnyKindDefinition['kind'];
export type DefinitionOf<K extends KindId> = Extract<AnyKindDefinition, { kind: K }>;

/** The types a kind's definition declares, read off its schemas. */
export type ChangeOf<D extends KindDefinition> = z.output<D['changeSchema']>;
export type RunOf<D extends KindDefinition> = z.output<D['runSchema']>;
export type BaselineOf<D extends KindDefinition> = z.output<D['baselineSchema']>;
export type ScenarioOf<D extends KindDefinition> = Scenario<ChangeOf<D>, RunOf<D>>;

/** One runner per definition, keyed by its kind id and typed by that kind's own schemas. */
export type RunnersFor<D extends KindDefinition> = {
  [Def in D as Def['kind']]: KindRunner<ChangeOf<Def>, RunOf<Def>, BaselineOf<Def>>;
};

/** Definitions by id, for parsing (type-erased: the parser hands each kind only its own values). */
export function definitionRegistry(definitions: readonly KindDefinition[]): DefinitionRegistry {
  return new Map(definitions.map((definition) => [definition.kind, definition]));
}

export const SCENARIO_DEFINITIONS: DefinitionRegistry = definitionRegistry(KIND_DEFINITIONS);

/** The definition of a kind id, or undefined for a kind this build does not know. */
export function definitionOf(kind: string): KindDefinition | undefined {
  return SCENARIO_DEFINITIONS.get(kind);
}

/**
 * A parsed scenario as the kind `definition` describes it, or null for another kind. The one
 * place a scenario's erased changes and run get their kind's types back: the parser validated
 * them with this definition's own schemas.
 */
export function scenarioOfKind<D extends KindDefinition>(
  definition: D,
  scenario: Scenario | null | undefined,
): ScenarioOf<D> | null {
  return scenario?.kind === definition.kind ? (scenario as ScenarioOf<D>) : null;
}

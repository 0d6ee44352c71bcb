import type { ComponentType } from 'react';
import type { MessageKey } from '../../i18n/nl.ts';
import type { Translate } from '../../i18n/translate.ts';
import type { ScenarioAction, ScenarioView } from '../../layers/scenario-result/scenario-view.ts';
import type { KindDefinition } from '../../scenarios/engine/types.ts';
import type { ChangeOf, ScenarioOf } from '../../scenarios/kinds.ts';

/** Display names of the baseline's elements, for sentences about changes (ids when unnamed). */
export interface ElementNames {
  link: (id: string) => string;
  node: (id: string) => string;
}

/**
 * What the scenario panel shows for one kind beyond the shared parts (load, run, playback,
 * indicators, notes): a results section (e.g. bottlenecks, an OD table), an editor for drawing or
 * picking changes on the map, a blank scenario to start from, and each change in words.
 */
export interface KindUi<D extends KindDefinition> {
  Results?: ComponentType;
  Editor?: ComponentType;
  /** A new, empty scenario of this kind (its baseline and default run settings). */
  blank?: { labelKey: MessageKey; scenario: () => ScenarioOf<D> };
  /** Indicators with a text of their own, in the order a reader wants them. */
  indicators?: readonly (readonly [string, MessageKey])[];
  /** One change of the scenario in one plain sentence. */
  describeChange: (change: ChangeOf<D>, t: Translate, names: ElementNames) => string;
  /** Applies an action the kind's map popup offers (see ScenarioAction) to the loaded scenario. */
  applyAction?: (action: ScenarioAction, t: Translate) => void;
}

/** Everything of one kind on the main thread: its definition, its map view and its panel part. */
export interface KindParts<D extends KindDefinition> {
  definition: D;
  view: ScenarioView<D>;
  ui: KindUi<D>;
}

/** One set of parts per definition, keyed by kind id: a missing or mismatched part does not compile. */
export type KindWiring<Defs extends KindDefinition> = {
  [Def in Defs as Def['kind']]: KindParts<Def>;
};

/**
 * The parts of a kind id in a wiring, type-erased for the shared panel and map code (which only
 * hand each kind values of that kind). The one place the wiring's kinds lose their own types.
 */
export function partsIn<Defs extends KindDefinition>(
  wiring: KindWiring<Defs>,
  kind: string,
): KindParts<KindDefinition> | undefined {
  return Object.hasOwn(wiring, kind)
    ? (wiring as unknown as Record<string, KindParts<KindDefinition>>)[kind]
    : undefined;
}

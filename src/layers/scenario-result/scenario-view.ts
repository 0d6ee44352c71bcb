import type { MessageKey } from '../../i18n/nl.ts';
import type { Translate } from '../../i18n/translate.ts';
import type { FeatureInfo } from '../../overlay/overlay-types.ts';
import type { RunOutcome } from '../../scenarios/engine/runner.ts';
import type { KindDefinition } from '../../scenarios/engine/types.ts';
import type { ScenarioOf } from '../../scenarios/kinds.ts';
import type { LegendSpec, RenderedLayers } from '../layer-types.ts';

/** What the map shows of a finished run. */
export const SCENARIO_DISPLAYS = ['scenario', 'baseline', 'difference'] as const;
export type ScenarioDisplay = (typeof SCENARIO_DISPLAYS)[number];

export interface ScenarioViewContext<D extends KindDefinition = KindDefinition> {
  outcome: RunOutcome;
  /** The run's scenario, typed by its kind (the same object as `outcome.scenario`). */
  scenario: ScenarioOf<D>;
  /** The baseline data the run used (e.g. the pedestrian network file). */
  baselineData: unknown;
  step: number;
  display: ScenarioDisplay;
  t: Translate;
}

/**
 * Something a popup offers to do to the scenario (e.g. "close this street to bikes"), as plain
 * data: the kind's UI part turns it into an edit. The button text is a message key and its values.
 */
export interface ScenarioAction {
  id: string;
  params: Readonly<Record<string, string | number>>;
  labelKey: MessageKey;
  labelValues?: Readonly<Record<string, string | number>>;
}

/** A popup's content; its actions are data (see ScenarioAction), not callbacks. */
export type ScenarioFeatureInfo = Omit<FeatureInfo, 'actions'> & { actions?: ScenarioAction[] };

/**
 * How one scenario kind's result is drawn: deck.gl layers per occlusion mode for a time step and
 * display (scenario, normal day, difference), the legend that goes with it, and hover texts.
 * Deck layer ids must start with `scenario-`.
 */
export interface ScenarioView<D extends KindDefinition = KindDefinition> {
  legend: (display: ScenarioDisplay) => LegendSpec;
  render: (context: ScenarioViewContext<D>) => RenderedLayers;
  describe: (object: unknown, context: ScenarioViewContext<D>) => ScenarioFeatureInfo | null;
}

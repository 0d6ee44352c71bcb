import type { Translate } from '../../i18n/translate.ts';
import type { FeatureInfo } from '../../overlay/overlay-types.ts';
import type { RunOutcome } from '../../scenarios/engine/runner.ts';
import type { ScenarioDisplay } from '../../state/scenario-store.ts';
import type { LegendSpec, RenderedLayers } from '../layer-types.ts';

export interface ScenarioViewContext {
  outcome: RunOutcome;
  /** The baseline data the run used (e.g. the pedestrian network file). */
  baselineData: unknown;
  step: number;
  display: ScenarioDisplay;
  t: Translate;
}

/**
 * How one scenario kind's result is drawn: deck.gl layers per occlusion mode for a time step and
 * display (scenario, normal day, difference), the legend that goes with it, and hover texts.
 * Deck layer ids must start with `scenario-`.
 */
export interface ScenarioView {
  legend: (display: ScenarioDisplay) => LegendSpec;
  render: (context: ScenarioViewContext) => RenderedLayers;
  describe: (object: unknown, context: ScenarioViewContext) => FeatureInfo | null;
}

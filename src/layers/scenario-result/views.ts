import type { Translate } from '../../i18n/translate.ts';
import type { OcclusionMode, OverlayLayerGroup } from '../../overlay/overlay-types.ts';
import type { RunOutcome } from '../../scenarios/engine/runner.ts';
import type { ScenarioAction, ScenarioDisplay, ScenarioView, ScenarioViewContext } from './scenario-view.ts';

const MODES: OcclusionMode[] = ['ground', 'none'];

/** What of the scenario store a result view draws from. */
export interface ScenarioResultState {
  outcome: RunOutcome | null;
  baselineData: unknown;
  step: number;
  display: ScenarioDisplay;
}

/**
 * The overlay groups that draw a scenario result (none while nothing has run), with `view` the
 * result's kind's view (the UI wiring picks it). A popup action's button runs `onAction`.
 */
export function scenarioResultGroups(
  view: ScenarioView | undefined,
  state: ScenarioResultState,
  t: Translate,
  onAction: (action: ScenarioAction) => void,
): OverlayLayerGroup[] {
  const { outcome } = state;
  if (!outcome || !view) return [];
  const context: ScenarioViewContext = { ...state, outcome, scenario: outcome.scenario, t };
  const rendered = view.render(context);
  return MODES.flatMap((occlusion) => {
    const layers = rendered[occlusion];
    if (!layers?.length) return [];
    const describe = (object: unknown) => {
      const info = view.describe(object, context);
      if (!info) return null;
      const { actions, ...rest } = info;
      if (!actions?.length) return rest;
      return {
        ...rest,
        actions: actions.map((action) => ({
          label: t(action.labelKey, action.labelValues),
          run: () => onAction(action),
        })),
      };
    };
    return [{ ownerId: 'scenario', occlusion, layers, describe }];
  });
}

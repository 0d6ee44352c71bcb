import type { Translate } from '../../i18n/translate.ts';
import type { OcclusionMode, OverlayLayerGroup } from '../../overlay/overlay-types.ts';
import type { ScenarioState } from '../../state/scenario-store.ts';
import { crowdEventView } from './crowd-event-view.ts';
import { cyclingRouteView } from './cycling-route-view.ts';
import { heatGreeningView } from './heat-greening-view.ts';
import type { ScenarioView, ScenarioViewContext } from './scenario-view.ts';

/** The result view of every scenario kind that has one, by kind. */
export const SCENARIO_VIEWS: Readonly<Record<string, ScenarioView>> = {
  'crowd-event': crowdEventView,
  'cycling-route': cyclingRouteView,
  'heat-greening': heatGreeningView,
};

export function scenarioViewOf(kind: string): ScenarioView | undefined {
  return Object.hasOwn(SCENARIO_VIEWS, kind) ? SCENARIO_VIEWS[kind] : undefined;
}

const MODES: OcclusionMode[] = ['ground', 'none'];

/** The overlay groups that draw the current scenario result (none while nothing has run). */
export function scenarioResultGroups(
  state: Pick<ScenarioState, 'outcome' | 'baselineData' | 'step' | 'display'>,
  t: Translate,
): OverlayLayerGroup[] {
  const { outcome } = state;
  if (!outcome) return [];
  const view = scenarioViewOf(outcome.output.kind);
  if (!view) return [];
  const context: ScenarioViewContext = { ...state, outcome, t };
  const rendered = view.render(context);
  return MODES.flatMap((occlusion) => {
    const layers = rendered[occlusion];
    if (!layers?.length) return [];
    return [{ ownerId: 'scenario', occlusion, layers, describe: (object) => view.describe(object, context) }];
  });
}

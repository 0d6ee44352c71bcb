import type { Translate } from '../../i18n/translate.ts';
import { scenarioResultGroups, type ScenarioResultState } from '../../layers/scenario-result/views.ts';
import type { OverlayLayerGroup } from '../../overlay/overlay-types.ts';
import { crowdEventView } from '../../layers/scenario-result/crowd-event-view.ts';
import { cyclingRouteView } from '../../layers/scenario-result/cycling-route-view.ts';
import { heatGreeningView } from '../../layers/scenario-result/heat-greening-view.ts';
import { crowdEventDefinition } from '../../scenarios/crowd/definition.ts';
import { cyclingRouteDefinition } from '../../scenarios/cycling/definition.ts';
import { heatGreeningDefinition } from '../../scenarios/heat/definition.ts';
import type { AnyKindDefinition } from '../../scenarios/kinds.ts';
import { crowdEventUi } from './crowd/crowd-ui.ts';
import { cyclingRouteUi } from './cycling/cycling-ui.ts';
import { heatGreeningUi } from './heat/heat-ui.ts';
import { partsIn, type KindParts, type KindWiring } from './kind-parts.ts';
import type { KindDefinition } from '../../scenarios/engine/types.ts';

/**
 * The one place a kind's main-thread parts meet: definition (scenarios/), map view (layers/) and
 * panel part (ui/). Every kind of scenarios/kinds.ts needs an entry, with parts of its own kind.
 */
export const KIND_PARTS = {
  'crowd-event': { definition: crowdEventDefinition, view: crowdEventView, ui: crowdEventUi },
  'cycling-route': { definition: cyclingRouteDefinition, view: cyclingRouteView, ui: cyclingRouteUi },
  'heat-greening': { definition: heatGreeningDefinition, view: heatGreeningView, ui: heatGreeningUi },
} satisfies KindWiring<AnyKindDefinition>;

/** The parts of a kind, or undefined for one this build does not know. */
export function kindParts(kind: string): KindParts<KindDefinition> | undefined {
  return partsIn(KIND_PARTS, kind);
}

/**
 * The map layers of the current scenario result, drawn by its kind's view; a popup button applies
 * the action through the same kind's UI part. The layer bindings get this from the app.
 */
export function scenarioGroups(state: ScenarioResultState, t: Translate): OverlayLayerGroup[] {
  const parts = state.outcome ? kindParts(state.outcome.output.kind) : undefined;
  return scenarioResultGroups(parts?.view, state, t, (action) => parts?.ui.applyAction?.(action, t));
}

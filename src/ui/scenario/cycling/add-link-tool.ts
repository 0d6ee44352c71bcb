import type { Translate } from '../../../i18n/translate.ts';
import { cyclingRouteDefinition } from '../../../scenarios/cycling/definition.ts';
import { scenarioOfKind } from '../../../scenarios/kinds.ts';
import { useMapToolStore } from '../../../state/map-tool-store.ts';
import { useScenarioStore } from '../../../state/scenario-store.ts';
import { addLink, newLinkId, type ScenarioEdit } from './cycling-edits.ts';
import {
  cyclingNetwork,
  snapToJunction,
  type CyclingNetworkState,
  type JunctionState,
} from '../../../layers/scenario-result/cycling/cycling-network.ts';
import { applyEdit } from './link-edits.ts';

/**
 * "Add a link" on the map: the first click picks the junction the new link starts at, the second
 * the one it ends at (each the nearest junction to the click), then the link is added to the
 * scenario. Escape or the cancel button ends it.
 */
export const ADD_LINK_TOOL = 'cycling-add-link';

/** How far from a junction a click may land and still pick it (m): about a street's width on screen. */
export const CLICK_SNAP_METRES = 75;

export type DrawingProblem = 'noJunction' | 'sameJunction';

export interface DrawingState {
  /** Which end the next click picks. */
  next: 'from' | 'to';
  from: JunctionState | null;
  problem: DrawingProblem | null;
}

/** The new link between two junctions, named after them in the user's language. */
export function addLinkEdit(
  network: CyclingNetworkState,
  from: JunctionState,
  to: JunctionState,
  t: Translate,
): { edit: ScenarioEdit; label: string } {
  const name = t('scenario.cycling.newLinkName', { from: from.name, to: to.name });
  const id = newLinkId(network.links.map((l) => l.id));
  return { edit: addLink({ id, name, from: from.id, to: to.id }), label: name };
}

function currentNetwork(): CyclingNetworkState | null {
  const { scenario, baselineData } = useScenarioStore.getState();
  const cycling = scenarioOfKind(cyclingRouteDefinition, scenario);
  return cycling ? cyclingNetwork(baselineData, cycling.changes) : null;
}

/** Starts the tool; `report` hears each step (to tell the user what to click next). */
export function startAddLinkTool(t: Translate, report: (state: DrawingState) => void): void {
  const { setTool } = useMapToolStore.getState();
  const pick = (from: JunctionState | null) => (lon: number, lat: number) => {
    const network = currentNetwork();
    if (!network) return;
    const near = snapToJunction(network, [lon, lat], CLICK_SNAP_METRES);
    const next = from ? 'to' : 'from';
    if (!near) return report({ next, from, problem: 'noJunction' });
    if (!from) {
      report({ next: 'to', from: near.junction, problem: null });
      setTool({ id: ADD_LINK_TOOL, onPoint: pick(near.junction) });
      return;
    }
    if (near.junction.id === from.id) return report({ next, from, problem: 'sameJunction' });
    setTool(null);
    report({ next: 'from', from: null, problem: null });
    applyEdit(addLinkEdit(network, from, near.junction, t));
  };
  report({ next: 'from', from: null, problem: null });
  setTool({ id: ADD_LINK_TOOL, onPoint: pick(null) });
}

export function stopAddLinkTool(): void {
  const { tool, setTool } = useMapToolStore.getState();
  if (tool?.id === ADD_LINK_TOOL) setTool(null);
}

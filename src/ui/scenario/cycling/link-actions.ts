import type { Translate } from '../../../i18n/translate.ts';
import { useScenarioStore } from '../../../state/scenario-store.ts';
import {
  closeLink,
  removeAddedLink,
  reopenLink,
  setDirection,
  setSpeed,
  type ScenarioEdit,
} from './cycling-edits.ts';
import type { Direction, LinkState } from './cycling-network.ts';

/** One thing the user can do to a street: a translated button text and the edit it makes. */
export interface LinkAction {
  id: string;
  label: string;
  edit: ScenarioEdit;
}

/** Speed steps and bounds (km/h) the buttons offer: a plausible range for urban cycling. */
export const SPEED_STEP = 5;
export const MIN_SPEED = 5;
export const MAX_SPEED = 35;

/**
 * What can be done to a link: a closed one reopened, an added one removed, an open one closed,
 * made one-way (either way) or two-way again, or made slower or faster.
 */
export function linkActionsFor(link: LinkState, t: Translate): LinkAction[] {
  if (link.closed)
    return [{ id: 'reopen', label: t('scenario.cycling.action.reopen'), edit: reopenLink(link.id) }];
  const actions: LinkAction[] = [
    link.added
      ? { id: 'remove', label: t('scenario.cycling.action.remove'), edit: removeAddedLink(link.id) }
      : { id: 'close', label: t('scenario.cycling.action.close'), edit: closeLink(link.id) },
  ];
  const towards: Record<Exclude<Direction, 'both'>, string> = {
    forward: link.toName,
    backward: link.fromName,
  };
  for (const direction of ['forward', 'backward'] as const)
    if (link.direction !== direction)
      actions.push({
        id: `one-way-${direction}`,
        label: t('scenario.cycling.action.oneWay', { node: towards[direction] }),
        edit: setDirection(link.id, direction, link.baseDirection),
      });
  if (link.direction !== 'both')
    actions.push({
      id: 'two-way',
      label: t('scenario.cycling.action.twoWay'),
      edit: setDirection(link.id, 'both', link.baseDirection),
    });
  const slower = Math.max(MIN_SPEED, Math.round(link.speed) - SPEED_STEP);
  const faster = Math.min(MAX_SPEED, Math.round(link.speed) + SPEED_STEP);
  if (slower < link.speed)
    actions.push({
      id: 'slower',
      label: t('scenario.cycling.action.slower', { speed: slower }),
      edit: setSpeed(link.id, slower, link.baseSpeed),
    });
  if (faster > link.speed)
    actions.push({
      id: 'faster',
      label: t('scenario.cycling.action.faster', { speed: faster }),
      edit: setSpeed(link.id, faster, link.baseSpeed),
    });
  return actions;
}

/** Applies an edit to the loaded scenario (validated, undoable, and run again by the store). */
export function applyEdit(action: Pick<LinkAction, 'edit' | 'label'>): void {
  void useScenarioStore.getState().edit(action.edit, action.label);
}

/** The actions as the map popup's buttons. */
export function popupActions(link: LinkState, t: Translate): { label: string; run: () => void }[] {
  return linkActionsFor(link, t).map((action) => ({ label: action.label, run: () => applyEdit(action) }));
}

import type { Translate } from '../../../i18n/translate.ts';
import type { Direction } from '../../../layers/scenario-result/cycling/cycling-network.ts';
import type { LinkAction } from '../../../layers/scenario-result/cycling/link-actions.ts';
import type { ScenarioAction } from '../../../layers/scenario-result/scenario-view.ts';
import { useScenarioStore } from '../../../state/scenario-store.ts';
import {
  closeLink,
  removeAddedLink,
  reopenLink,
  setDirection,
  setSpeed,
  type ScenarioEdit,
} from './cycling-edits.ts';

/** The scenario edit a street action (from the map popup or the street editor) stands for. */
export function editFor(action: LinkAction): ScenarioEdit {
  switch (action.id) {
    case 'reopen':
      return reopenLink(action.params.link);
    case 'remove':
      return removeAddedLink(action.params.link);
    case 'close':
      return closeLink(action.params.link);
    case 'one-way-forward':
    case 'one-way-backward':
    case 'two-way':
      return setDirection(action.params.link, action.params.direction, action.params.baseDirection);
    case 'slower':
    case 'faster':
      return setSpeed(action.params.link, action.params.speed, action.params.baseSpeed);
  }
}

const DIRECTIONS: readonly unknown[] = ['forward', 'backward', 'both'] satisfies Direction[];
const isDirection = (value: unknown): value is Direction => DIRECTIONS.includes(value);

/** A popup's action back as a street action, or null when it is not one (another kind's). */
export function asLinkAction(action: ScenarioAction): LinkAction | null {
  const { link, direction, baseDirection, speed, baseSpeed } = action.params;
  if (typeof link !== 'string') return null;
  switch (action.id) {
    case 'reopen':
    case 'remove':
    case 'close':
      return { ...action, id: action.id, params: { link } };
    case 'one-way-forward':
    case 'one-way-backward':
    case 'two-way':
      return isDirection(direction) && isDirection(baseDirection)
        ? { ...action, id: action.id, params: { link, direction, baseDirection } }
        : null;
    case 'slower':
    case 'faster':
      return typeof speed === 'number' && typeof baseSpeed === 'number'
        ? { ...action, id: action.id, params: { link, speed, baseSpeed } }
        : null;
  }
  return null;
}

/** Applies an edit to the loaded scenario (validated, undoable, and run again by the store). */
export function applyEdit(action: { edit: ScenarioEdit; label: string }): void {
  void useScenarioStore.getState().edit(action.edit, action.label);
}

/** Applies a street action; the undo list names it by its button text. */
export function applyLinkAction(action: ScenarioAction, t: Translate): void {
  const linkAction = asLinkAction(action);
  if (linkAction) applyEdit({ edit: editFor(linkAction), label: t(action.labelKey, action.labelValues) });
}

import type { ScenarioAction } from '../scenario-view.ts';
import type { Direction, LinkState } from './cycling-network.ts';

/**
 * One thing the user can do to a street, as data: the map popup and the street editor both offer
 * it, and the cycling UI part (ui/scenario/cycling/link-edits.ts) turns it into a scenario edit.
 */
export type LinkAction = ScenarioAction &
  (
    | { id: 'reopen' | 'remove' | 'close'; params: { link: string } }
    | {
        id: 'one-way-forward' | 'one-way-backward' | 'two-way';
        params: { link: string; direction: Direction; baseDirection: Direction };
      }
    | { id: 'slower' | 'faster'; params: { link: string; speed: number; baseSpeed: number } }
  );

/** Speed steps and bounds (km/h) the buttons offer: a plausible range for urban cycling. */
export const SPEED_STEP = 5;
export const MIN_SPEED = 5;
export const MAX_SPEED = 35;

/**
 * What can be done to a link: a closed one reopened, an added one removed, an open one closed,
 * made one-way (either way) or two-way again, or made slower or faster.
 */
export function linkActionsFor(link: LinkState): LinkAction[] {
  const at = { link: link.id };
  if (link.closed) return [{ id: 'reopen', params: at, labelKey: 'scenario.cycling.action.reopen' }];
  const actions: LinkAction[] = [
    link.added
      ? { id: 'remove', params: at, labelKey: 'scenario.cycling.action.remove' }
      : { id: 'close', params: at, labelKey: 'scenario.cycling.action.close' },
  ];
  const towards: Record<Exclude<Direction, 'both'>, string> = {
    forward: link.toName,
    backward: link.fromName,
  };
  for (const direction of ['forward', 'backward'] as const)
    if (link.direction !== direction)
      actions.push({
        id: `one-way-${direction}`,
        params: { ...at, direction, baseDirection: link.baseDirection },
        labelKey: 'scenario.cycling.action.oneWay',
        labelValues: { node: towards[direction] },
      });
  if (link.direction !== 'both')
    actions.push({
      id: 'two-way',
      params: { ...at, direction: 'both', baseDirection: link.baseDirection },
      labelKey: 'scenario.cycling.action.twoWay',
    });
  const slower = Math.max(MIN_SPEED, Math.round(link.speed) - SPEED_STEP);
  const faster = Math.min(MAX_SPEED, Math.round(link.speed) + SPEED_STEP);
  if (slower < link.speed)
    actions.push({
      id: 'slower',
      params: { ...at, speed: slower, baseSpeed: link.baseSpeed },
      labelKey: 'scenario.cycling.action.slower',
      labelValues: { speed: slower },
    });
  if (faster > link.speed)
    actions.push({
      id: 'faster',
      params: { ...at, speed: faster, baseSpeed: link.baseSpeed },
      labelKey: 'scenario.cycling.action.faster',
      labelValues: { speed: faster },
    });
  return actions;
}

import type { CyclingChange, CyclingRun } from '../../../scenarios/cycling/definition.ts';
import type { Scenario } from '../../../scenarios/engine/types.ts';
import type { Direction } from '../../../layers/scenario-result/cycling/cycling-network.ts';

/**
 * The edits the cycling editor and the map popup make, as pure functions from one scenario version
 * to the next. Each keeps at most one change per link and kind, and drops a change that would only
 * restore the value the link has without it, so the change list stays short and readable.
 */
export type ScenarioEdit = (scenario: Scenario) => Scenario;

const changesOf = (scenario: Scenario) => scenario.changes as CyclingChange[];
const touches = (change: CyclingChange, linkId: string) => 'link' in change && change.link === linkId;

/** The id an added link gets: its own, or the model's default `added-<position in the list>`. */
export function addedLinkId(change: CyclingChange & { type: 'add-link' }, index: number): string {
  return change.id ?? `added-${index}`;
}

/**
 * The changes without those `drop` matches. A later added link without an id would get a new default
 * id when an earlier change goes, breaking edits that refer to it, so such ids are written out first.
 */
export function withoutChanges(
  changes: readonly CyclingChange[],
  drop: (change: CyclingChange, index: number) => boolean,
): CyclingChange[] {
  const firstDropped = changes.findIndex(drop);
  if (firstDropped < 0) return [...changes];
  return changes.flatMap((change, i) => {
    if (drop(change, i)) return [];
    if (change.type === 'add-link' && change.id === undefined && i > firstDropped)
      return [{ ...change, id: addedLinkId(change, i) }];
    return [change];
  });
}

const replaceChanges = (scenario: Scenario, changes: CyclingChange[]): Scenario => ({ ...scenario, changes });

export function closeLink(linkId: string): ScenarioEdit {
  return (scenario) => {
    const changes = changesOf(scenario);
    if (changes.some((c) => c.type === 'close-link' && c.link === linkId)) return scenario;
    return replaceChanges(scenario, [...changes, { type: 'close-link', link: linkId }]);
  };
}

export function reopenLink(linkId: string): ScenarioEdit {
  return (scenario) =>
    replaceChanges(
      scenario,
      withoutChanges(changesOf(scenario), (c) => c.type === 'close-link' && c.link === linkId),
    );
}

/** Takes an added link out again, with every later edit of it. */
export function removeAddedLink(linkId: string): ScenarioEdit {
  return (scenario) =>
    replaceChanges(
      scenario,
      withoutChanges(
        changesOf(scenario),
        (c, i) => (c.type === 'add-link' && addedLinkId(c, i) === linkId) || touches(c, linkId),
      ),
    );
}

export function setDirection(linkId: string, direction: Direction, baseDirection: Direction): ScenarioEdit {
  return (scenario) => {
    const rest = withoutChanges(changesOf(scenario), (c) => c.type === 'one-way' && c.link === linkId);
    if (direction === baseDirection) return replaceChanges(scenario, rest);
    return replaceChanges(scenario, [...rest, { type: 'one-way', link: linkId, direction }]);
  };
}

export function setSpeed(linkId: string, speed: number, baseSpeed: number): ScenarioEdit {
  return (scenario) => {
    const rest = withoutChanges(changesOf(scenario), (c) => c.type === 'set-speed' && c.link === linkId);
    if (speed === baseSpeed) return replaceChanges(scenario, rest);
    return replaceChanges(scenario, [...rest, { type: 'set-speed', link: linkId, speed }]);
  };
}

export function setJunctionDelay(nodeId: string, seconds: number, baseSeconds: number): ScenarioEdit {
  return (scenario) => {
    const rest = withoutChanges(
      changesOf(scenario),
      (c) => c.type === 'set-junction-delay' && c.node === nodeId,
    );
    if (seconds === baseSeconds) return replaceChanges(scenario, rest);
    return replaceChanges(scenario, [...rest, { type: 'set-junction-delay', node: nodeId, seconds }]);
  };
}

/** A new two-way cycle path between two junctions (the model gives it a standard width and speed). */
export function addLink(link: { id: string; name: string; from: string; to: string }): ScenarioEdit {
  return (scenario) => replaceChanges(scenario, [...changesOf(scenario), { type: 'add-link', ...link }]);
}

/** An id no link has yet: `nieuw-1`, `nieuw-2`, … */
export function newLinkId(taken: Iterable<string>): string {
  const used = new Set(taken);
  let n = 1;
  while (used.has(`nieuw-${n}`)) n++;
  return `nieuw-${n}`;
}

/** The run settings: day type, and the hour the table and hotspots are for (undefined = whole day). */
export function setRun(update: Partial<CyclingRun>): ScenarioEdit {
  return (scenario) => {
    const run: CyclingRun = { ...(scenario.run as CyclingRun), ...update };
    // An absent hour means the whole day; the key is left out rather than kept as undefined.
    if ('hour' in update && update.hour === undefined) delete run.hour;
    return { ...scenario, run };
  };
}

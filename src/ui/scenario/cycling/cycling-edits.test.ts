import { describe, expect, it } from 'vitest';
import type { CyclingChange } from '../../../scenarios/cycling/definition.ts';
import { parseScenario } from '../../../scenarios/engine/format.ts';
import type { Scenario } from '../../../scenarios/engine/types.ts';
import { SCENARIO_KINDS } from '../../../scenarios/engine/engine-kinds.ts';
import {
  addLink,
  closeLink,
  newLinkId,
  removeAddedLink,
  reopenLink,
  setDirection,
  setJunctionDelay,
  setRun,
  setSpeed,
  withoutChanges,
} from './cycling-edits.ts';

const scenario = (
  changes: CyclingChange[],
  run: Record<string, unknown> = { dayType: 'weekday' },
): Scenario => ({
  version: 1,
  kind: 'cycling-route',
  name: 'test',
  baseline: 'utrecht-centre-bike-sample',
  changes,
  run,
});

/** Every edit must give a scenario the engine accepts. */
const valid = (s: Scenario) => {
  const parsed = parseScenario(s, SCENARIO_KINDS);
  expect(parsed.ok ? [] : parsed.issues).toEqual([]);
  return s.changes;
};

describe('cycling scenario edits', () => {
  it('closes a street once and reopens it', () => {
    const closed = closeLink('vredenburg')(scenario([]));
    expect(valid(closed)).toEqual([{ type: 'close-link', link: 'vredenburg' }]);
    expect(closeLink('vredenburg')(closed)).toBe(closed);
    const other = closeLink('potterstraat')(closed);
    expect(valid(reopenLink('vredenburg')(other))).toEqual([{ type: 'close-link', link: 'potterstraat' }]);
  });

  it('keeps one direction change per street and drops it when it restores the street', () => {
    const forward = setDirection('zadelstraat', 'forward', 'both')(scenario([]));
    expect(valid(forward)).toEqual([{ type: 'one-way', link: 'zadelstraat', direction: 'forward' }]);
    const backward = setDirection('zadelstraat', 'backward', 'both')(forward);
    expect(valid(backward)).toEqual([{ type: 'one-way', link: 'zadelstraat', direction: 'backward' }]);
    expect(valid(setDirection('zadelstraat', 'both', 'both')(backward))).toEqual([]);
    // A street that is one-way in the file needs an explicit change to become two-way.
    expect(setDirection('x', 'both', 'forward')(scenario([])).changes).toEqual([
      { type: 'one-way', link: 'x', direction: 'both' },
    ]);
  });

  it('sets a speed and a junction delay, back to the base value removes the change', () => {
    const slower = setSpeed('lijnmarkt', 10, 15)(scenario([]));
    expect(valid(slower)).toEqual([{ type: 'set-speed', link: 'lijnmarkt', speed: 10 }]);
    expect(valid(setSpeed('lijnmarkt', 5, 15)(slower))).toEqual([
      { type: 'set-speed', link: 'lijnmarkt', speed: 5 },
    ]);
    expect(setSpeed('lijnmarkt', 15, 15)(slower).changes).toEqual([]);
    const wait = setJunctionDelay('neude', 40, 5)(scenario([]));
    expect(valid(wait)).toEqual([{ type: 'set-junction-delay', node: 'neude', seconds: 40 }]);
    expect(setJunctionDelay('neude', 5, 5)(wait).changes).toEqual([]);
  });

  it('adds a link between two junctions with a free id', () => {
    const added = addLink({ id: newLinkId(['nieuw-1']), name: 'Brug', from: 'neude', to: 'mariaplaats' })(
      scenario([]),
    );
    expect(valid(added)).toEqual([
      { type: 'add-link', id: 'nieuw-2', name: 'Brug', from: 'neude', to: 'mariaplaats' },
    ]);
    expect(newLinkId([])).toBe('nieuw-1');
  });

  it('removes an added link with its later edits, keeping other links’ default ids', () => {
    const changes: CyclingChange[] = [
      { type: 'add-link', from: 'neude', to: 'mariaplaats' },
      { type: 'one-way', link: 'added-0', direction: 'forward' },
      { type: 'add-link', from: 'domplein', to: 'tolsteeg' },
      { type: 'close-link', link: 'added-2' },
    ];
    const after = valid(removeAddedLink('added-0')(scenario(changes)));
    // The second new link keeps its id although it moved to the front of the list.
    expect(after).toEqual([
      { type: 'add-link', id: 'added-2', from: 'domplein', to: 'tolsteeg' },
      { type: 'close-link', link: 'added-2' },
    ]);
    expect(withoutChanges(changes, () => false)).toEqual(changes);
  });

  it('sets the day type and the hour, and the whole day again without an hour key', () => {
    const hour = setRun({ hour: 8 })(scenario([]));
    expect(hour.run).toEqual({ dayType: 'weekday', hour: 8 });
    const weekend = setRun({ dayType: 'weekend' })(hour);
    expect(weekend.run).toEqual({ dayType: 'weekend', hour: 8 });
    const day = setRun({ hour: undefined })(weekend);
    expect(day.run).toEqual({ dayType: 'weekend' });
    expect('hour' in (day.run as object)).toBe(false);
    valid(day);
  });
});

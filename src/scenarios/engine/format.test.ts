import { describe, expect, it } from 'vitest';
import { SCENARIO_DEFINITIONS as SCENARIO_KINDS } from '../kinds.ts';
import { formatPath, parseScenario, SCENARIO_FORMAT, type ScenarioFormat } from './format.ts';

const valid = () => ({
  version: 1,
  kind: 'crowd-event',
  name: 'Test',
  baseline: 'utrecht-centre-sample',
  changes: [
    {
      type: 'event',
      venue: { area: 1000, entrances: [{ node: 'vredenburg-noord', share: 1 }] },
      visitors: 500,
      origins: [{ node: 'centraal-hal', share: 1 }],
      arrival: { from: '13:00', peak: '14:00', until: '15:00' },
      departure: { from: '18:00', peak: '18:15', until: '19:00' },
    },
    { type: 'close-link', link: 'steenweg' },
  ],
  run: { from: '12:00', until: '20:00' },
});

const issues = (input: unknown) => {
  const r = parseScenario(input, SCENARIO_KINDS);
  if (r.ok) throw new Error('expected the scenario to be rejected');
  return r.issues;
};

describe('scenario format', () => {
  it('reads a valid scenario from text or a value, without defaults added', () => {
    const r = parseScenario(JSON.stringify(valid()), SCENARIO_KINDS);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toEqual(valid());
  });

  it('reports bad JSON', () => {
    expect(issues('{"version": 1,')).toEqual([
      { path: '(scenario)', message: expect.stringMatching(/^not valid JSON/) as unknown as string },
    ]);
    expect(issues('[1]')[0]!.message).toBe('must be a JSON object');
  });

  it('reports an unknown or missing version before anything else', () => {
    expect(issues({ ...valid(), version: 2 })).toEqual([
      { path: 'version', message: 'unsupported version 2 (this app reads version 1)' },
    ]);
    const { version: _omit, ...noVersion } = valid();
    expect(issues(noVersion)[0]!.path).toBe('version');
  });

  it('reports missing fields and unknown kinds and keys with their path', () => {
    const { name: _omit, ...noName } = valid();
    expect(issues(noName)).toContainEqual({ path: 'name', message: 'missing (expected string)' });
    // Lists every registered kind, whichever are registered.
    const unknownKind = issues({ ...valid(), kind: 'flood' })[0]!;
    expect(unknownKind.path).toBe('kind');
    expect(unknownKind.message).toBe(
      `unknown scenario kind "flood" (known: ${[...SCENARIO_KINDS.keys()].join(', ')})`,
    );
    expect(unknownKind.message).toContain('crowd-event');
    expect(issues({ ...valid(), colour: 'red' })[0]!.message).toMatch(/colour/);
  });

  it('reports impossible values at their exact path', () => {
    const s = valid();
    const event = s.changes[0] as { visitors: number; venue: { area: number } };
    event.visitors = -5;
    event.venue.area = 0;
    s.changes.push({ type: 'set-width', link: 'steenweg', width: 0 } as never);
    const found = issues(s);
    expect(found).toContainEqual({ path: 'changes[0].visitors', message: 'must be 0 or more' });
    expect(found).toContainEqual({
      path: 'changes[0].venue.area',
      message: 'the venue area must be more than 0 m²',
    });
    expect(found).toContainEqual({
      path: 'changes[2].width',
      message: 'a walkable width must be more than 0 m',
    });
  });

  it('checks times and their order', () => {
    const s = valid();
    (s.changes[0] as { arrival: object }).arrival = { from: '15:00', peak: '14:00', until: '25:00' };
    const found = issues(s);
    expect(found.map((i) => i.path)).toContain('changes[0].arrival.until');
    const s2 = valid();
    s2.run = { from: '20:00', until: '12:00' };
    expect(issues(s2)).toContainEqual({ path: 'run.until', message: 'until must be later than from' });
  });

  it('changes nothing on error: the input object is left as it was', () => {
    const s = valid();
    (s.changes[0] as { visitors: number }).visitors = -1;
    const before = JSON.stringify(s);
    parseScenario(s, SCENARIO_KINDS);
    expect(JSON.stringify(s)).toBe(before);
  });

  it('formats paths like code', () => {
    expect(formatPath(['changes', 2, 'origins', 0, 'node'])).toBe('changes[2].origins[0].node');
    expect(formatPath([])).toBe('(scenario)');
  });
});

describe('scenario format upgrades', () => {
  // A made-up future: version 2 records how it was upgraded in the description, version 3 too.
  // Each upgrader appends its own step, so the description shows which ran and in what order.
  const step = (from: number) => (s: Record<string, unknown>) => ({
    ...s,
    version: from + 1,
    description: `${typeof s['description'] === 'string' ? s['description'] : ''}${from}→${from + 1};`,
  });
  const future: ScenarioFormat = { current: 3, upgraders: { 1: step(1), 2: step(2) } };

  it('keeps this build at version 1 with nothing to upgrade', () => {
    expect(SCENARIO_FORMAT).toEqual({ current: 1, upgraders: {} });
  });

  it('upgrades a version 1 file step by step, in order, and then validates it', () => {
    const r = parseScenario(JSON.stringify(valid()), SCENARIO_KINDS, future);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.version).toBe(3);
    expect(r.value.description).toBe('1→2;2→3;');
    expect(r.value.changes).toEqual(valid().changes);
    const fromTwo = parseScenario({ ...valid(), version: 2 }, SCENARIO_KINDS, future);
    expect(fromTwo.ok && fromTwo.value.description).toBe('2→3;');
  });

  it('leaves the input as it was', () => {
    const s = valid();
    parseScenario(s, SCENARIO_KINDS, future);
    expect(s).toEqual(valid());
  });

  it('refuses a newer version, or an old one with no way up, with a clear message', () => {
    const refused = (input: unknown, format: ScenarioFormat) => {
      const r = parseScenario(input, SCENARIO_KINDS, format);
      return r.ok ? [] : r.issues;
    };
    expect(refused({ ...valid(), version: 4 }, future)).toEqual([
      { path: 'version', message: 'unsupported version 4 (this app reads version 3)' },
    ]);
    expect(refused({ ...valid(), version: 1 }, { current: 3, upgraders: { 2: step(2) } })).toEqual([
      { path: 'version', message: 'unsupported version 1 (this app reads version 3)' },
    ]);
    expect(refused({ ...valid(), version: '1' }, future)[0]!.path).toBe('version');
  });

  it('refuses an upgrader that does not reach the next version', () => {
    const broken: ScenarioFormat = { current: 2, upgraders: { 1: (s) => s } };
    const r = parseScenario(valid(), SCENARIO_KINDS, broken);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues).toEqual([
        { path: 'version', message: 'upgrading from version 1 did not give version 2' },
      ]);
  });
});

import { describe, expect, it } from 'vitest';
import { SCENARIO_KINDS } from '../engine/engine-kinds.ts';
import { formatPath, parseScenario } from './format.ts';

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

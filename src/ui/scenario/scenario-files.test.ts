import { describe, expect, it } from 'vitest';
import { MAX_SCENARIO_BYTES, readScenarioFile, scenarioFileName } from './scenario-files.ts';

describe('scenario files', () => {
  it('names a file after the scenario', () => {
    expect(scenarioFileName({ name: 'Podium op het Vredenburg (zaterdag)' })).toBe(
      'podium-op-het-vredenburg-zaterdag.json',
    );
    expect(scenarioFileName({ name: 'Café één' })).toBe('cafe-een.json');
    expect(scenarioFileName({ name: '!!!' })).toBe('scenario.json');
  });

  it('reads a small file and refuses a big one', async () => {
    expect(await readScenarioFile(new Blob(['{"a":1}']))).toEqual({ ok: true, text: '{"a":1}' });
    const big = new Blob([new Uint8Array(MAX_SCENARIO_BYTES + 1)]);
    expect(await readScenarioFile(big)).toEqual({ ok: false, reason: 'tooLarge' });
  });
});

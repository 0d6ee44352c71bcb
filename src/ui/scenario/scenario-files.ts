import { INPUT_LIMITS } from '../../config/input-limits.ts';
import type { Scenario } from '../../scenarios/engine/types.ts';
import { offerDownload } from '../download.ts';

/** A scenario is a small diff; anything much bigger is not one (and would not fit a link). */
export const MAX_SCENARIO_BYTES = INPUT_LIMITS.scenarioBytes;

export type ReadResult = { ok: true; text: string } | { ok: false; reason: 'tooLarge' | 'unreadable' };

export async function readScenarioFile(file: Blob): Promise<ReadResult> {
  if (file.size > MAX_SCENARIO_BYTES) return { ok: false, reason: 'tooLarge' };
  try {
    return { ok: true, text: await file.text() };
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
}

/** A file name from the scenario's name: lower case, dashes, ".json". */
export function scenarioFileName(scenario: Pick<Scenario, 'name'>): string {
  const base = scenario.name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${base || 'scenario'}.json`;
}

/** Offers the scenario as a download, formatted like the examples in scenarios/. */
export function downloadScenario(scenario: Scenario): void {
  offerDownload(scenarioFileName(scenario), `${JSON.stringify(scenario, null, 2)}\n`, 'application/json');
}

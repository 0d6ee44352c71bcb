import { progressRange } from './cooperative.ts';
import { difference, type Difference } from './diff.ts';
import { checkAgainstBaseline, parseScenario } from './format.ts';
import type { KindRegistry, RunOptions, Scenario, ScenarioIssue, ScenarioOutput } from './types.ts';

export interface RunRequest {
  /** The scenario as JSON text or a parsed value; validated here. */
  scenario: unknown;
  /** The baseline data (e.g. the pedestrian network file), validated by the scenario's kind. */
  baseline: unknown;
  /** Also run the baseline (no changes) and return the difference. */
  compare?: boolean;
}

export interface RunOutcome {
  scenario: Scenario;
  output: ScenarioOutput;
  baseline?: ScenarioOutput;
  difference?: Difference;
}

export class InvalidScenarioError extends Error {
  constructor(readonly issues: ScenarioIssue[]) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
    this.name = 'InvalidScenarioError';
  }
}

/**
 * `run(scenario, baseline, {signal, onProgress})` for any registered kind: validate, check against
 * the baseline data, run (and the baseline too when comparing). Throws InvalidScenarioError with
 * every issue, or CancelledError when the signal aborts.
 */
export async function runScenario(
  request: RunRequest,
  kinds: KindRegistry,
  options: RunOptions = {},
): Promise<RunOutcome> {
  const parsed = parseScenario(request.scenario, kinds);
  if (!parsed.ok) throw new InvalidScenarioError(parsed.issues);
  const scenario = parsed.value;
  const kind = kinds.get(scenario.kind)!;
  const checked = checkAgainstBaseline(scenario, request.baseline, kind);
  if (!checked.ok) throw new InvalidScenarioError(checked.issues);
  const baselineData = checked.value;

  if (!request.compare) {
    const output = await kind.run(scenario, baselineData, options);
    options.onProgress?.(1);
    return { scenario, output };
  }
  const base = await kind.run({ ...scenario, changes: [] }, baselineData, progressRange(options, 0, 0.5));
  const output = await kind.run(scenario, baselineData, progressRange(options, 0.5, 1));
  options.onProgress?.(1);
  return { scenario, output, baseline: base, difference: difference(base, output) };
}

import { z } from 'zod';
import type { KindRegistry, Parsed, Scenario, ScenarioIssue, ScenarioKind } from './types.ts';

/** The scenario file format version this build reads and writes. */
export const SCENARIO_FORMAT_VERSION = 1;

const envelope = z
  .object({
    version: z.literal(SCENARIO_FORMAT_VERSION),
    kind: z.string().min(1),
    name: z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters'),
    description: z.string().max(2000).optional(),
    baseline: z.string().min(1, 'must name the baseline data'),
    changes: z.array(z.unknown()).max(500, 'at most 500 changes'),
    run: z.unknown(),
  })
  .strict();

/** `['changes', 2, 'visitors']` → `changes[2].visitors`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out || '(scenario)';
}

export function zodIssues(error: z.ZodError, prefix: readonly PropertyKey[] = []): ScenarioIssue[] {
  return error.issues.map((issue) => ({
    path: formatPath([...prefix, ...issue.path]),
    // Zod says "expected number, received undefined" for an absent field; say "missing".
    message:
      issue.code === 'invalid_type' && issue.message.endsWith('received undefined')
        ? `missing (expected ${issue.expected})`
        : issue.message,
  }));
}

/**
 * Reads a scenario from JSON text or an already parsed value. It never throws and never changes
 * its input: on any problem it returns every issue found, each with its path, and no scenario.
 * Order: JSON syntax → version → envelope fields → kind → the kind's changes and run.
 */
export function parseScenario(input: unknown, kinds: KindRegistry): Parsed<Scenario> {
  let raw: unknown = input;
  if (typeof input === 'string') {
    try {
      raw = JSON.parse(input);
    } catch (error) {
      return fail('(scenario)', `not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return fail('(scenario)', 'must be a JSON object');
  const version = (raw as { version?: unknown }).version;
  if (version === undefined)
    return fail('version', `missing (this app reads version ${SCENARIO_FORMAT_VERSION})`);
  if (version !== SCENARIO_FORMAT_VERSION)
    return fail(
      'version',
      `unsupported version ${JSON.stringify(version)} (this app reads version ${SCENARIO_FORMAT_VERSION})`,
    );

  const outer = envelope.safeParse(raw);
  if (!outer.success) return { ok: false, issues: zodIssues(outer.error) };
  const kind = kinds.get(outer.data.kind);
  if (!kind)
    return fail(
      'kind',
      `unknown scenario kind "${outer.data.kind}" (known: ${[...kinds.keys()].join(', ')})`,
    );

  const issues: ScenarioIssue[] = [];
  const changes: unknown[] = [];
  outer.data.changes.forEach((change, i) => {
    const parsed = kind.changeSchema.safeParse(change);
    if (parsed.success) changes.push(parsed.data);
    else issues.push(...zodIssues(parsed.error, ['changes', i]));
  });
  const run = kind.runSchema.safeParse(outer.data.run ?? {});
  if (!run.success) issues.push(...zodIssues(run.error, ['run']));
  if (issues.length > 0 || !run.success) return { ok: false, issues };
  const scenario: Scenario = { ...outer.data, version: SCENARIO_FORMAT_VERSION, changes, run: run.data };
  return { ok: true, value: scenario };
}

/** Validates baseline data for a kind and checks the scenario against it (unknown ids and such). */
export function checkAgainstBaseline(
  scenario: Scenario,
  baselineData: unknown,
  kind: ScenarioKind,
): Parsed<unknown> {
  const baseline = kind.baselineSchema.safeParse(baselineData);
  if (!baseline.success) return { ok: false, issues: zodIssues(baseline.error, ['(baseline data)']) };
  const id = kind.baselineId(baseline.data);
  if (id !== scenario.baseline)
    return fail('baseline', `this scenario is for baseline "${scenario.baseline}", but the data is "${id}"`);
  const issues = kind.check(scenario, baseline.data);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: baseline.data };
}

/** Canonical JSON of a parsed scenario (stable key order of the schema, no defaults added by hand). */
export function scenarioToJson(scenario: Scenario, indent = 2): string {
  return JSON.stringify(scenario, null, indent);
}

function fail<T>(path: string, message: string): Parsed<T> {
  return { ok: false, issues: [{ path, message }] };
}

import { z } from 'zod';
import type { InputLimitError } from '../../sources/http/limits.ts';
import { isInputLimitError, parseJsonWithin } from '../../sources/http/limits.ts';
import type {
  DefinitionRegistry,
  KindDefinition,
  Parsed,
  Scenario,
  ScenarioIssue,
  ScenarioKind,
} from './types.ts';

/** The scenario file format version this build reads and writes. */
export const SCENARIO_FORMAT_VERSION = 1;

/**
 * Rewrites a scenario of one format version into the next (raw JSON, before any validation). It
 * gets a copy it may change and returns the next version's object, with `version` set to it.
 */
export type FormatUpgrader = (scenario: Record<string, unknown>) => Record<string, unknown>;

/** The version a build writes and, per older version, the upgrader to the one after it. */
export interface ScenarioFormat {
  current: number;
  /** `upgraders[v]` turns version v into v + 1; every version below `current` needs one. */
  upgraders: Readonly<Record<number, FormatUpgrader>>;
}

/**
 * This build's format. When version 2 comes, set `current: 2` and add `1: (v1) => v2`, so files
 * and share links of version 1 keep opening (scenarios/README.md, "Format versions").
 */
export const SCENARIO_FORMAT: ScenarioFormat = { current: SCENARIO_FORMAT_VERSION, upgraders: {} };

/**
 * Brings a raw scenario to `format.current` by running the upgraders in order (v → v + 1 → …).
 * Refuses a missing version, one newer than this build, and an old one with no upgrade path.
 */
export function upgradeScenario(
  raw: Record<string, unknown>,
  format: ScenarioFormat = SCENARIO_FORMAT,
): Parsed<Record<string, unknown>> {
  const reads = `this app reads version ${format.current}`;
  const version = raw['version'];
  if (version === undefined) return fail('version', `missing (${reads})`);
  const unsupported = () =>
    fail<Record<string, unknown>>('version', `unsupported version ${JSON.stringify(version)} (${reads})`);
  if (typeof version !== 'number' || !Number.isInteger(version) || version > format.current)
    return unsupported();
  let upgraded = raw;
  for (let v = version; v < format.current; v++) {
    const upgrader = Object.hasOwn(format.upgraders, v) ? format.upgraders[v] : undefined;
    if (!upgrader) return unsupported();
    upgraded = upgrader(structuredClone(upgraded));
    if (upgraded['version'] !== v + 1)
      return fail('version', `upgrading from version ${v} did not give version ${v + 1}`);
  }
  return { ok: true, value: upgraded };
}

const envelope = z
  .object({
    version: z.number().int(),
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
 * Order: JSON syntax → version (older ones upgraded) → envelope fields → kind → the kind's changes
 * and run.
 */
export function parseScenario(
  input: unknown,
  kinds: DefinitionRegistry,
  format: ScenarioFormat = SCENARIO_FORMAT,
): Parsed<Scenario> {
  let raw: unknown = input;
  if (typeof input === 'string') {
    try {
      raw = parseJsonWithin(input, 'scenarioBytes');
    } catch (error) {
      if (isInputLimitError(error)) return limitFail(error);
      return fail('(scenario)', `not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return fail('(scenario)', 'must be a JSON object');
  const upgraded = upgradeScenario(raw as Record<string, unknown>, format);
  if (!upgraded.ok) return upgraded;

  const outer = envelope.safeParse(upgraded.value);
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
  const scenario: Scenario = { ...outer.data, changes, run: run.data };
  return { ok: true, value: scenario };
}

/** Validates baseline data for a kind and checks the scenario against it (unknown ids and such). */
export function checkAgainstBaseline(
  scenario: Scenario,
  baselineData: unknown,
  kind: Pick<ScenarioKind, keyof KindDefinition | 'check'>,
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

/** An input limit's refusal, with the limit named for the panel's plain message. */
export function limitFail<T>(error: InputLimitError): Parsed<T> {
  return { ok: false, issues: [{ path: '(scenario)', message: error.message, limit: error.limit }] };
}

function fail<T>(path: string, message: string): Parsed<T> {
  return { ok: false, issues: [{ path, message }] };
}

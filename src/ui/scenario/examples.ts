import { SCENARIO_DEFINITIONS } from '../../scenarios/kinds.ts';

/** An example from scenarios/: bundled with the app, so it works offline. */
export interface ExampleScenario {
  /** File name without .json, e.g. "vredenburg-stage". */
  id: string;
  name: string;
  kind: string;
  value: unknown;
}

const files = import.meta.glob<unknown>('/scenarios/*.json', { eager: true, import: 'default' });

/** Examples of the kinds this build can run, by name. */
export const EXAMPLE_SCENARIOS: readonly ExampleScenario[] = Object.entries(files)
  .map(([path, value]) => {
    const { name, kind } = value as { name?: unknown; kind?: unknown };
    const id = path.replace(/^.*\//, '').replace(/\.json$/, '');
    return { id, name: typeof name === 'string' ? name : id, kind: String(kind), value };
  })
  .filter((example) => SCENARIO_DEFINITIONS.has(example.kind))
  .sort((a, b) => a.name.localeCompare(b.name));

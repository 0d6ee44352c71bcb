import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { translator } from '../../i18n/translate.ts';
import { crowdEventView } from '../../layers/scenario-result/crowd-event-view.ts';
import type { ScenarioView } from '../../layers/scenario-result/scenario-view.ts';
import { engineKinds } from '../../scenarios/engine/engine-kinds.ts';
import { parseScenario } from '../../scenarios/engine/format.ts';
import { runScenario } from '../../scenarios/engine/runner.ts';
import type { KindDefinition } from '../../scenarios/engine/types.ts';
import { definitionRegistry, type RunnersFor } from '../../scenarios/kinds.ts';
import { partsIn, type KindUi, type KindWiring } from './kind-parts.ts';

/**
 * A made-up kind, "counter", wired through the same generic types as the real ones: a baseline
 * with a start value, changes that add to it, a run that sums. It shows what a new kind supplies
 * and that a missing or mismatched part is a compile error (the @ts-expect-error lines fail the
 * typecheck when the error they expect goes away).
 */
const counterDefinition = {
  kind: 'counter',
  changeSchema: z.object({ type: z.literal('add'), amount: z.number() }).strict(),
  runSchema: z.object({}).strict(),
  baselineSchema: z.object({ meta: z.object({ id: z.string() }), start: z.number() }),
  baseline: { id: 'counter-base', url: '/data/counter.json' },
  baselineId: (file) => file.meta.id,
} as const satisfies KindDefinition<
  'counter',
  { type: 'add'; amount: number },
  Record<string, never>,
  { meta: { id: string }; start: number }
>;

const counterRunners: RunnersFor<typeof counterDefinition> = {
  counter: {
    check: (scenario) =>
      scenario.changes.flatMap((c, i) =>
        c.amount < 0 ? [{ path: `changes[${i}].amount`, message: 'must not count down' }] : [],
      ),
    run: (scenario, baseline) =>
      Promise.resolve({
        kind: 'counter',
        indicators: {
          total: { value: baseline.start + scenario.changes.reduce((s, c) => s + c.amount, 0), unit: '' },
        },
        fields: {},
        stepSeconds: 60,
        startsAt: '00:00',
        notes: [],
      }),
  },
};

const counterView: ScenarioView<typeof counterDefinition> = {
  legend: () => ({ quantityKey: 'scenario.heat.legendPet', unitKey: 'scenario.heat.unitC', classes: [] }),
  render: () => ({}),
  describe: () => null,
};

const counterUi: KindUi<typeof counterDefinition> = {
  describeChange: (change) => `+${change.amount}`,
};

const wiring = {
  counter: { definition: counterDefinition, view: counterView, ui: counterUi },
} satisfies KindWiring<typeof counterDefinition>;

// A missing part does not compile…
// @ts-expect-error the view is missing
const withoutView = { counter: { definition: counterDefinition, ui: counterUi } } satisfies KindWiring<
  typeof counterDefinition
>;
// …nor does another kind's part…
const otherKindsView = {
  // @ts-expect-error the crowd view draws crowd scenarios, not counters
  counter: { definition: counterDefinition, view: crowdEventView, ui: counterUi },
} satisfies KindWiring<typeof counterDefinition>;
// …nor a kind without its runner in the worker registry.
// @ts-expect-error the counter runner is missing
const noRunner: RunnersFor<typeof counterDefinition> = {};

const scenario = {
  version: 1,
  kind: 'counter',
  name: 'Tel op',
  baseline: 'counter-base',
  changes: [
    { type: 'add', amount: 2 },
    { type: 'add', amount: 5 },
  ],
  run: {},
};

describe('a kind as a set of parts', () => {
  it('runs through the engine from its definition and its runner', async () => {
    const kinds = engineKinds([counterDefinition], counterRunners);
    const r = await runScenario({ scenario, baseline: { meta: { id: 'counter-base' }, start: 10 } }, kinds);
    // 10 + 2 + 5, by hand.
    expect(r.output.indicators['total']!.value).toBe(17);
    const refused = runScenario(
      {
        scenario: { ...scenario, changes: [{ type: 'add', amount: -1 }] },
        baseline: { meta: { id: 'counter-base' }, start: 0 },
      },
      kinds,
    );
    await expect(refused).rejects.toThrow('changes[0].amount: must not count down');
  });

  it('parses with the definition alone and describes changes through the wiring', () => {
    const parsed = parseScenario(scenario, definitionRegistry([counterDefinition]));
    expect(parsed.ok).toBe(true);
    const parts = partsIn(wiring, 'counter')!;
    const t = translator('en');
    const names = { link: (id: string) => id, node: (id: string) => id };
    expect(scenario.changes.map((c) => parts.ui.describeChange(c, t, names))).toEqual(['+2', '+5']);
    expect(partsIn(wiring, 'flood')).toBeUndefined();
    expect([withoutView, otherKindsView, noRunner]).toHaveLength(3);
  });
});

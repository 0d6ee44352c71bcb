import { Button, FormLabel, Paragraph, Select, SelectOption } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslate } from '../use-translate.ts';
import type { ScenarioOutput } from '../../scenarios/engine/types.ts';
import { scenarioDeps, useScenarioStore } from '../../state/scenario-store.ts';
import { EXAMPLE_SCENARIOS } from './examples.ts';

export interface Comparison {
  name: string;
  output: ScenarioOutput;
}

/**
 * Runs another example of the same kind on the same baseline, so the indicator table can show it
 * as an extra column: scenario A against scenario B, not only against the ordinary day.
 */
export function CompareWith({ onResult }: { onResult: (comparison: Comparison | null) => void }) {
  const t = useTranslate();
  const scenario = useScenarioStore((s) => s.scenario);
  const baselineData = useScenarioStore((s) => s.baselineData);
  const [choice, setChoice] = useState('');
  const [state, setState] = useState<'idle' | 'running' | 'failed'>('idle');
  const others = EXAMPLE_SCENARIOS.filter(
    (e) =>
      scenario &&
      e.kind === scenario.kind &&
      (e.value as { baseline?: string }).baseline === scenario.baseline &&
      (e.value as { name?: string }).name !== scenario.name,
  );

  if (others.length === 0) return null;
  const compare = async () => {
    const example = others.find((e) => e.id === choice);
    if (!example) return onResult(null);
    setState('running');
    try {
      const outcome = await scenarioDeps.engine().run(example.value, baselineData).result;
      onResult({ name: example.name, output: outcome.output });
      setState('idle');
    } catch {
      setState('failed');
    }
  };
  return (
    <div className="scenario-compare">
      <FormLabel htmlFor="scenario-compare">{t('scenario.compareWith')}</FormLabel>
      <div className="scenario-panel__row">
        <Select id="scenario-compare" value={choice} onChange={(event) => setChoice(event.target.value)}>
          <SelectOption value="">{t('scenario.compareNone')}</SelectOption>
          {others.map((e) => (
            <SelectOption key={e.id} value={e.id}>
              {e.name}
            </SelectOption>
          ))}
        </Select>
        <Button
          appearance="secondary-action-button"
          disabled={state === 'running'}
          onClick={() => void compare()}
        >
          {t('scenario.compare')}
        </Button>
      </div>
      <div aria-live="polite">
        {state === 'running' && <Paragraph small>{t('scenario.comparing')}</Paragraph>}
        {state === 'failed' && <Paragraph small>{t('scenario.compareFailed')}</Paragraph>}
      </div>
    </div>
  );
}

import {
  Button,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormLabel,
  Heading3,
  Paragraph,
  RadioButton,
} from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { useTranslate } from '../use-translate.ts';
import { formatNumber, quantityOfUnit } from '../../i18n/format-number.ts';
import { stepClock } from '../../scenarios/engine/fields.ts';
import type { RunOutcome } from '../../scenarios/engine/runner.ts';
import { useAppStore } from '../../state/app-store.ts';
import { SCENARIO_DISPLAYS, stepCount, useScenarioStore } from '../../state/scenario-store.ts';
import { Legend } from '../Legend.tsx';
import { CompareWith, type Comparison } from './CompareWith.tsx';
import { kindParts } from './kinds.ts';

/** Playback advances this many minutes of scenario time per tick (four ticks a second). */
const PLAY_MINUTES_PER_TICK = 5;

/** A finished run: what the map shows, playback over its hours, warnings, numbers and notes. */
export function ScenarioResults() {
  const t = useTranslate();
  const outcome = useScenarioStore((s) => s.outcome);
  const display = useScenarioStore((s) => s.display);
  const step = useScenarioStore((s) => s.step);
  const playing = useScenarioStore((s) => s.playing);
  const { setDisplay, setStep, setPlaying } = useScenarioStore.getState();
  // A comparison belongs to a kind and baseline; another scenario of another kind drops it.
  const [stored, setStored] = useState<{ key: string; comparison: Comparison } | null>(null);
  const compareKey = outcome ? `${outcome.scenario.kind}|${outcome.scenario.baseline}` : '';
  const comparison = stored?.key === compareKey ? stored.comparison : null;
  const steps = stepCount(outcome);
  const stride = outcome
    ? Math.max(1, Math.round((PLAY_MINUTES_PER_TICK * 60) / outcome.output.stepSeconds))
    : 1;

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      const state = useScenarioStore.getState();
      if (state.step >= steps - 1) state.setPlaying(false);
      else state.setStep(state.step + stride);
    }, 250);
    return () => clearInterval(timer);
  }, [playing, steps, stride]);

  if (!outcome) return null;
  const strideMinutes = Math.round((stride * outcome.output.stepSeconds) / 60);
  const parts = kindParts(outcome.output.kind);
  const view = parts?.view;
  const Results = parts?.ui.Results;
  const shown = stepClock(outcome.output, step);

  return (
    <div className="scenario-results" data-testid="scenario-results">
      <Fieldset>
        <FieldsetLegend>{t('scenario.display')}</FieldsetLegend>
        {SCENARIO_DISPLAYS.map((option) => (
          <FormField type="radio" key={option}>
            <RadioButton
              id={`scenario-display-${option}`}
              name="scenario-display"
              value={option}
              checked={display === option}
              onChange={() => setDisplay(option)}
            />
            <FormLabel htmlFor={`scenario-display-${option}`} type="radio">
              {t(`scenario.display.${option}`)}
            </FormLabel>
          </FormField>
        ))}
      </Fieldset>

      {steps > 1 && (
        <div className="scenario-results__playback">
          <FormLabel htmlFor="scenario-step">{t('scenario.playback')}</FormLabel>
          <input
            id="scenario-step"
            type="range"
            min={0}
            max={steps - 1}
            step={1}
            value={step}
            aria-valuetext={shown}
            onChange={(event) => setStep(Number(event.target.value))}
          />
          <Paragraph small aria-live="polite" data-testid="scenario-time">
            {t('scenario.playbackValue', { time: shown })}
          </Paragraph>
          <div className="time-control__buttons">
            <Button appearance="secondary-action-button" onClick={() => setStep(step - stride)}>
              {t('scenario.stepBack', { n: strideMinutes })}
            </Button>
            <Button
              appearance="primary-action-button"
              aria-pressed={playing}
              onClick={() => setPlaying(!playing)}
            >
              {playing ? t('scenario.pause') : t('scenario.play')}
            </Button>
            <Button appearance="secondary-action-button" onClick={() => setStep(step + stride)}>
              {t('scenario.stepForward', { n: strideMinutes })}
            </Button>
          </div>
        </div>
      )}

      {view && <Legend legend={view.legend(display)} id="scenario" />}
      {Results && <Results />}
      <CompareWith
        key={compareKey}
        onResult={(c) => setStored(c ? { key: compareKey, comparison: c } : null)}
      />
      <IndicatorTable outcome={outcome} comparison={comparison} />

      <Heading3>{t('scenario.notes')}</Heading3>
      <ul className="scenario-results__notes">
        <li>{t('scenario.modelNote')}</li>
        {outcome.output.notes.map((note, i) => (
          <li key={i}>{t(note.key, note.params)}</li>
        ))}
      </ul>
    </div>
  );
}

function IndicatorTable({ outcome, comparison }: { outcome: RunOutcome; comparison: Comparison | null }) {
  const t = useTranslate();
  const language = useAppStore((s) => s.language);
  const changes = outcome.difference?.indicators ?? {};
  const own = outcome.output.indicators;
  // Some indicators exist only with changes (e.g. the mean change inside what was drawn).
  const row = (key: string) => {
    const change = changes[key];
    if (change) return change;
    const mine = own[key];
    return mine ? { unit: mine.unit, baseline: null, scenario: mine.value, change: null } : undefined;
  };
  const labelled = kindParts(outcome.output.kind)?.ui.indicators;
  const rows: [string, string][] = labelled
    ? labelled.filter(([key]) => row(key) !== undefined).map(([key, label]) => [key, t(label)])
    : Object.keys(own).map((key) => [key, `${key} (${own[key]!.unit})`]);
  const format = (value: number | null, unit: string, signed = false) =>
    value === null ? '–' : formatNumber(value, language, { quantity: quantityOfUnit(unit), signed });
  return (
    <>
      <Heading3 id="scenario-indicators">{t('scenario.indicators')}</Heading3>
      <table className="scenario-results__table" aria-labelledby="scenario-indicators">
        <thead>
          <tr>
            <th scope="col">{t('scenario.indicator')}</th>
            <th scope="col">{t('scenario.baselineColumn')}</th>
            <th scope="col">{t('scenario.scenarioColumn')}</th>
            <th scope="col">{t('scenario.changeColumn')}</th>
            {comparison && <th scope="col">{comparison.name}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map(([key, label]) => {
            const c = row(key)!;
            return (
              <tr key={key} data-indicator={key}>
                <th scope="row">{label}</th>
                <td>{format(c.baseline, c.unit)}</td>
                <td>{format(c.scenario, c.unit)}</td>
                <td>{format(c.change, c.unit, true)}</td>
                {comparison && <td>{format(comparison.output.indicators[key]?.value ?? null, c.unit)}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

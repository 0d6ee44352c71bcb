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
import { useEffect } from 'react';
import type { MessageKey } from '../../i18n/nl.ts';
import { useTranslate } from '../../i18n/use-translate.ts';
import { scenarioViewOf } from '../../layers/scenario-result/views.ts';
import { stepClock } from '../../scenarios/engine/fields.ts';
import type { RunOutcome } from '../../scenarios/engine/runner.ts';
import { useAppStore } from '../../state/app-store.ts';
import { SCENARIO_DISPLAYS, stepCount, useScenarioStore } from '../../state/scenario-store.ts';
import { Legend } from '../Legend.tsx';
import { CrowdWarnings } from './CrowdWarnings.tsx';

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
  const view = scenarioViewOf(outcome.output.kind);
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
              {t('scenario.stepBack')}
            </Button>
            <Button
              appearance="primary-action-button"
              aria-pressed={playing}
              onClick={() => setPlaying(!playing)}
            >
              {playing ? t('scenario.pause') : t('scenario.play')}
            </Button>
            <Button appearance="secondary-action-button" onClick={() => setStep(step + stride)}>
              {t('scenario.stepForward')}
            </Button>
          </div>
        </div>
      )}

      {view && <Legend legend={view.legend(display)} id="scenario" />}
      {outcome.output.kind === 'crowd-event' && <CrowdWarnings />}
      <IndicatorTable outcome={outcome} />

      <Heading3>{t('scenario.notes')}</Heading3>
      <ul className="scenario-results__notes">
        <li>{t('scenario.modelNote')}</li>
        {outcome.output.notes.map((note, i) => (
          <li key={i}>{note}</li>
        ))}
      </ul>
    </div>
  );
}

/** Indicators with a text of their own, per kind, in the order a reader wants them. */
const INDICATOR_LABELS: Readonly<Record<string, readonly [string, MessageKey][]>> = {
  'crowd-event': [
    ['peakDensity', 'scenario.ind.peakDensity'],
    ['maxMinutesAbove.warning', 'scenario.ind.maxMinutesAbove.warning'],
    ['maxMinutesAbove.alert', 'scenario.ind.maxMinutesAbove.alert'],
    ['linkMinutesAbove.warning', 'scenario.ind.linkMinutesAbove.warning'],
    ['worstBottleneckDelay', 'scenario.ind.worstBottleneckDelay'],
    ['unroutable', 'scenario.ind.unroutable'],
    ['waitingAtEnd', 'scenario.ind.waitingAtEnd'],
  ],
};

function IndicatorTable({ outcome }: { outcome: RunOutcome }) {
  const t = useTranslate();
  const locale = useAppStore((s) => (s.language === 'nl' ? 'nl-NL' : 'en-GB'));
  const changes = outcome.difference?.indicators ?? {};
  const labelled = INDICATOR_LABELS[outcome.output.kind];
  const rows: [string, string][] = labelled
    ? labelled.filter(([key]) => key in changes).map(([key, label]) => [key, t(label)])
    : Object.keys(changes).map((key) => [key, `${key} (${changes[key]!.unit})`]);
  const format = (value: number | null, signed = false) =>
    value === null
      ? '–'
      : `${signed && value > 0 ? '+' : ''}${value.toLocaleString(locale, { maximumFractionDigits: 2 })}`;
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
          </tr>
        </thead>
        <tbody>
          {rows.map(([key, label]) => {
            const c = changes[key]!;
            return (
              <tr key={key} data-indicator={key}>
                <th scope="row">{label}</th>
                <td>{format(c.baseline)}</td>
                <td>{format(c.scenario)}</td>
                <td>{format(c.change, true)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

import {
  Button,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormLabel,
  Heading2,
  Paragraph,
  RadioButton,
  Select,
  SelectOption,
} from '@utrecht/component-library-react';
import { useEffect } from 'react';
import { useTranslate } from './use-translate.ts';
import { LAYER_IDS } from '../layers/layer-ids.ts';
import { LAYER_REGISTRY } from '../layers/registry.ts';
import { useAppStore } from '../state/app-store.ts';
import { useLayersStore } from '../state/layers-store.ts';
import { AMSTERDAM_TIME_ZONE, amsterdamParts, amsterdamTime } from '../time/amsterdam.ts';
import { effectiveStep, modeRange, TIME_MODES, type TimeMode, type TimeStep } from '../time/time-model.ts';
import { PLAY_SPEEDS, useTimeStore, type PlaySpeed } from '../state/time-store.ts';

const LIVE_TICK_MS = 30_000;

/**
 * The one time control: which span (now / past / forecast / planning), a slider over it in the
 * finest step the visible layers need, step buttons, play/pause with speed, and back to now.
 * Every control is a native input or button: reachable and operable by keyboard.
 */
export function TimeControl() {
  const t = useTranslate();
  const language = useAppStore((s) => s.language);
  const { mode, time, playing, speed, clock } = useTimeStore();
  const actions = useTimeStore.getState();
  const layers = useLayersStore((s) => s.layers);

  const timeAwareVisible = LAYER_IDS.filter((id) => layers[id].visible).map(
    (id) => LAYER_REGISTRY[id].definition.time,
  );
  const step = effectiveStep(
    mode,
    timeAwareVisible.map((awareness) => (awareness.aware ? awareness.steps[mode] : undefined)),
  );
  const slider = sliderScale(mode, step, time, clock());
  // A primitive key, so the playback timer restarts only when the step really changes.
  const stepKey = 'years' in step ? `y${step.years}` : `m${step.minutes}`;

  // Live mode follows the clock; playback advances one step per 1/speed seconds and stops at the end.
  useEffect(() => {
    if (mode !== 'now') return;
    const timer = setInterval(() => useTimeStore.getState().tick(), LIVE_TICK_MS);
    return () => clearInterval(timer);
  }, [mode]);
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      const state = useTimeStore.getState();
      const before = state.time;
      state.step(1, parseStepKey(stepKey));
      if (useTimeStore.getState().time === before) state.setPlaying(false);
    }, 1000 / speed);
    return () => clearInterval(timer);
  }, [playing, speed, stepKey]);

  const format = new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
    timeZone: AMSTERDAM_TIME_ZONE,
    ...(mode === 'planning'
      ? { year: 'numeric' }
      : { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }),
  });
  const shown = format.format(time);

  return (
    <section aria-labelledby="time-heading" className="panel-section time-control" data-mode={mode}>
      <Heading2 id="time-heading">{t('time.heading')}</Heading2>
      <Fieldset>
        <FieldsetLegend>{t('time.mode')}</FieldsetLegend>
        {TIME_MODES.map((option) => (
          <FormField type="radio" key={option}>
            <RadioButton
              id={`time-mode-${option}`}
              name="time-mode"
              value={option}
              checked={mode === option}
              onChange={() => actions.setMode(option)}
            />
            <FormLabel htmlFor={`time-mode-${option}`} type="radio">
              {t(`time.mode.${option}`)}
            </FormLabel>
          </FormField>
        ))}
      </Fieldset>

      <Paragraph small aria-live="polite" data-testid="time-shown">
        {mode === 'now' ? t('time.live') : t('time.current', { time: shown })}
      </Paragraph>

      {mode !== 'now' && (
        <>
          <FormLabel htmlFor="time-slider">{t('time.slider')}</FormLabel>
          <input
            id="time-slider"
            className="time-control__slider"
            type="range"
            min={0}
            max={slider.count}
            step={1}
            value={slider.indexOf(time)}
            aria-valuetext={shown}
            onChange={(event) => actions.setTime(slider.timeAt(Number(event.target.value)))}
          />
          <div className="time-control__buttons">
            <Button appearance="secondary-action-button" onClick={() => actions.step(-1, step)}>
              {t('time.stepBack')}
            </Button>
            <Button
              appearance="primary-action-button"
              aria-pressed={playing}
              onClick={() => actions.setPlaying(!playing)}
            >
              {playing ? t('time.pause') : t('time.play')}
            </Button>
            <Button appearance="secondary-action-button" onClick={() => actions.step(1, step)}>
              {t('time.stepForward')}
            </Button>
          </div>
          <div className="time-control__row">
            <FormLabel htmlFor="time-speed">{t('time.speed')}</FormLabel>
            <Select
              id="time-speed"
              value={String(speed)}
              onChange={(event) => actions.setSpeed(Number(event.target.value) as PlaySpeed)}
            >
              {PLAY_SPEEDS.map((option) => (
                <SelectOption key={option} value={String(option)}>
                  {t('time.speedValue', { speed: option })}
                </SelectOption>
              ))}
            </Select>
          </div>
          <Paragraph small>{t('time.step', { step: describeStep(step, t) })}</Paragraph>
          <Button appearance="subtle-button" onClick={actions.jumpToNow}>
            {t('time.jumpToNow')}
          </Button>
        </>
      )}
      {!timeAwareVisible.some((awareness) => awareness.aware) && (
        <Paragraph small>{t('time.noTimeLayers')}</Paragraph>
      )}
    </section>
  );
}

/** Slider positions ↔ times over the mode's span (widened to include a shared time outside it). */
function sliderScale(mode: TimeMode, step: TimeStep, time: number, now: number) {
  const range = modeRange(mode, now);
  const start = Math.min(range.start, time);
  const end = Math.max(range.end, time);
  if ('years' in step) {
    const firstYear = amsterdamParts(start).year;
    const count = Math.max(1, Math.round((amsterdamParts(end).year - firstYear) / step.years));
    return {
      count,
      indexOf: (t: number) => Math.round((amsterdamParts(t).year - firstYear) / step.years),
      timeAt: (i: number) => amsterdamTime(firstYear + i * step.years, 1, 1, 0, 0),
    };
  }
  const size = step.minutes * 60_000;
  const first = Math.ceil(start / size) * size;
  const count = Math.max(1, Math.floor((end - first) / size));
  return {
    count,
    indexOf: (t: number) => Math.min(count, Math.max(0, Math.round((t - first) / size))),
    timeAt: (i: number) => first + i * size,
  };
}

function parseStepKey(key: string): TimeStep {
  const n = Number(key.slice(1));
  return key.startsWith('y') ? { years: n } : { minutes: n };
}

function describeStep(step: TimeStep, t: ReturnType<typeof useTranslate>): string {
  if ('years' in step) return t('time.years', { n: step.years });
  return step.minutes % 60 === 0
    ? t('time.hours', { n: step.minutes / 60 })
    : t('time.minutes', { n: step.minutes });
}

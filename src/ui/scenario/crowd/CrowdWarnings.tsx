import { Button, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useTranslate } from '../../use-translate.ts';
import { crowdBottlenecks } from '../../../layers/scenario-result/crowd-event-view.ts';
import { crowdEventDefinition } from '../../../scenarios/crowd/definition.ts';
import { stepClock } from '../../../scenarios/engine/fields.ts';
import { scenarioOfKind } from '../../../scenarios/kinds.ts';
import { useScenarioStore } from '../../../state/scenario-store.ts';

/** The bottlenecks of an event run, worst first: where, how bad, from when to when; a button jumps there. */
export function CrowdWarnings() {
  const t = useTranslate();
  const outcome = useScenarioStore((s) => s.outcome);
  const baselineData = useScenarioStore((s) => s.baselineData);
  const display = useScenarioStore((s) => s.display);
  const scenario = scenarioOfKind(crowdEventDefinition, outcome?.scenario);
  if (!outcome || !scenario) return null;
  const bottlenecks = crowdBottlenecks(outcome, scenario, baselineData);
  const names = new Map(
    ((baselineData as { links?: { id: string; name?: string }[] } | null)?.links ?? []).map((l) => [
      l.id,
      l.name ?? l.id,
    ]),
  );
  const clock = (step: number) => stepClock(outcome.output, step);
  const show = (step: number) => {
    const { setStep, setDisplay } = useScenarioStore.getState();
    if (display === 'baseline') setDisplay('scenario');
    setStep(step);
  };

  return (
    <>
      <Heading3 id="scenario-warnings">{t('scenario.crowd.warnings')}</Heading3>
      {bottlenecks.length === 0 ? (
        <Paragraph small>{t('scenario.crowd.noWarnings')}</Paragraph>
      ) : (
        <ul className="scenario-warnings" aria-labelledby="scenario-warnings" data-testid="scenario-warnings">
          {bottlenecks.map((b) => (
            <li key={b.linkId} className="scenario-warnings__item" data-level={b.level}>
              <span>
                {t('scenario.crowd.warningItem', {
                  name: names.get(b.linkId) ?? b.linkId,
                  level: t(`scenario.crowd.level.${b.level as 'warning' | 'alert' | 'danger'}`),
                  from: clock(b.firstStep),
                  until: clock(b.lastStep + 1),
                  minutes: Math.round(b.minutesAbove),
                  peak: Math.round(b.peakDensity * 100) / 100,
                  peakAt: clock(b.peakStep),
                })}
                {b.delayPersonMinutes >= 1 &&
                  ` · ${t('scenario.crowd.queue', { minutes: Math.round(b.delayPersonMinutes) })}`}
              </span>
              <Button appearance="subtle-button" onClick={() => show(b.peakStep)}>
                {t('scenario.crowd.goTo', { time: clock(b.peakStep) })}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

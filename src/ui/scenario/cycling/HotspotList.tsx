import { Button, Heading3, Paragraph } from '@utrecht/component-library-react';
import { countKey } from '../../../i18n/translate.ts';
import { useTranslate } from '../../use-translate.ts';
import type { CyclingRun } from '../../../scenarios/cycling/definition.ts';
import { HOTSPOT_RATIO } from '../../../scenarios/cycling/level-of-service.ts';
import type { RunOutcome } from '../../../scenarios/engine/runner.ts';
import { useScenarioStore } from '../../../state/scenario-store.ts';
import type { CyclingNetworkState } from '../../../layers/scenario-result/cycling/cycling-network.ts';
import { hourRange, periodText } from './period.ts';
import { hotspotList } from './results-model.ts';

/** How many hotspots are listed; the rest are counted. */
const SHOWN = 8;

/** The scenario's hotspots, worst first, each with a button that shows its hour on the map. */
export function HotspotList({ outcome, network }: { outcome: RunOutcome; network: CyclingNetworkState }) {
  const t = useTranslate();
  const display = useScenarioStore((s) => s.display);
  const run = outcome.scenario.run as CyclingRun;
  const hotspots = hotspotList(outcome, HOTSPOT_RATIO, run.hour);
  const show = (step: number) => {
    const { setStep, setDisplay } = useScenarioStore.getState();
    if (display === 'baseline') setDisplay('scenario');
    setStep(step);
  };

  return (
    <>
      <Heading3 id="cycling-hotspots-heading">{t('scenario.cycling.hotspots')}</Heading3>
      <Paragraph small>{t('scenario.cycling.hotspotsIntro', { period: periodText(run, t) })}</Paragraph>
      {hotspots.length === 0 ? (
        <Paragraph small>{t('scenario.cycling.noHotspots')}</Paragraph>
      ) : (
        <ul
          className="scenario-warnings"
          aria-labelledby="cycling-hotspots-heading"
          data-testid="cycling-hotspots"
        >
          {hotspots.slice(0, SHOWN).map((h) => {
            const values = {
              name: network.linkById.get(h.linkId)?.label ?? h.linkId,
              ratio: Math.round(h.ratio * 100) / 100,
              flow: Math.round(h.flow),
              hours: hourRange(h.step),
            };
            // A whole-day run judges each street at its own busiest hour: say which, and offer to show it.
            const wholeDay = run.hour === undefined;
            return (
              <li
                key={h.linkId}
                className="scenario-warnings__item"
                data-level={h.ratio >= 1.5 ? 'alert' : 'warning'}
              >
                <span>
                  {t(wholeDay ? 'scenario.cycling.hotspotItemAt' : 'scenario.cycling.hotspotItem', values)}
                  {h.isNew && ` · ${t('scenario.cycling.hotspotNew')}`}
                </span>
                {wholeDay && (
                  <Button appearance="subtle-button" onClick={() => show(h.step)}>
                    {t('scenario.cycling.showHour', { hours: values.hours })}
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {hotspots.length > SHOWN && (
        <Paragraph small>
          {t(countKey('scenario.cycling.moreHotspots', hotspots.length - SHOWN), {
            count: hotspots.length - SHOWN,
          })}
        </Paragraph>
      )}
    </>
  );
}

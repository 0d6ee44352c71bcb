import { Heading3, Paragraph } from '@utrecht/component-library-react';
import { useTranslate } from '../../use-translate.ts';
import type { CyclingRun } from '../../../scenarios/cycling/definition.ts';
import type { RunOutcome } from '../../../scenarios/engine/runner.ts';
import { useAppStore } from '../../../state/app-store.ts';
import { periodText, tripUnit } from './period.ts';
import { odRows, shortZoneNames } from './results-model.ts';

/**
 * Travel times between the main origins and destinations, before and with the scenario, and each
 * route's detour factor. Rows over the detour limit say so in words, not only by their look.
 */
export function OdTable({ outcome, detourLimit }: { outcome: RunOutcome; detourLimit: number }) {
  const t = useTranslate();
  const locale = useAppStore((s) => (s.language === 'nl' ? 'nl-NL' : 'en-GB'));
  const run = outcome.scenario.run as CyclingRun;
  const unit = tripUnit(run, t);
  const rows = odRows(outcome.output.tables?.['odTravelTimes']);
  const number = (value: number | null, digits: number, signed = false) =>
    value === null
      ? '–'
      : value.toLocaleString(locale, {
          minimumFractionDigits: digits,
          maximumFractionDigits: digits,
          signDisplay: signed ? 'exceptZero' : 'auto',
        });
  const limit = number(detourLimit, 1);
  const name = shortZoneNames(rows);

  return (
    <>
      <Heading3 id="cycling-od-heading">{t('scenario.cycling.od.heading')}</Heading3>
      {rows.length === 0 ? (
        <Paragraph small>{t('scenario.cycling.od.none')}</Paragraph>
      ) : (
        <div
          className="cycling-od"
          role="region"
          aria-labelledby="cycling-od-heading"
          // Focusable so a keyboard user can scroll the table should it be wider than the panel.
          tabIndex={0}
        >
          <table className="scenario-results__table cycling-od__table" data-testid="cycling-od-table">
            <caption>{t('scenario.cycling.od.caption', { period: periodText(run, t), limit })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('scenario.cycling.od.route')}</th>
                <th scope="col">{t('scenario.cycling.od.before')}</th>
                <th scope="col">{t('scenario.cycling.od.after')}</th>
                <th scope="col">{t('scenario.cycling.od.change')}</th>
                <th scope="col">{t('scenario.cycling.od.detour')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr
                  key={`${row.origin}→${row.destination}`}
                  className={row.overDetourLimit || row.lostRoute ? 'cycling-od__row--flagged' : undefined}
                  data-od={`${row.origin} → ${row.destination}`}
                >
                  <th scope="row">
                    {name(row.origin)} → {name(row.destination)}
                    <span className="cycling-od__trips">
                      {t('scenario.cycling.od.tripsValue', { trips: number(row.trips, 0), unit })}
                    </span>
                  </th>
                  <td>{number(row.baselineMinutes, 1)}</td>
                  <td>{row.lostRoute ? t('scenario.cycling.od.noRoute') : number(row.scenarioMinutes, 1)}</td>
                  <td>{number(row.changeMinutes, 1, true)}</td>
                  <td>
                    {number(row.detourFactor, 2)}
                    {row.overDetourLimit && (
                      <span className="cycling-od__flag">{t('scenario.cycling.od.overLimit')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

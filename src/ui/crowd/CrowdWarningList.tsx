import { Button, Paragraph } from '@utrecht/component-library-react';
import { useTranslate } from '../use-translate.ts';
import type { Translate } from '../../i18n/translate.ts';
import type { CrowdWarning } from '../../monitor/monitor.ts';
import { warningKey } from '../../monitor/event-settings.ts';
import { useCrowdEventStore } from '../../state/crowd-event-store.ts';
import { localClock } from '../../time/age.ts';
import type { CrowdMonitorView } from '../bindings/use-crowd-monitor.ts';
import { countsMoment } from '../../layers/crowd-monitor/monitor-text.ts';

const round2 = (value: number) => Math.round(value * 100) / 100;

export function warningText(w: CrowdWarning, t: Translate): string {
  const level = t(`crowd.level.${w.level}`);
  return w.when === 'now'
    ? t('crowd.warningNow', { site: w.siteName, level, density: round2(w.density) })
    : t('crowd.warningAhead', {
        site: w.siteName,
        level,
        minutes: w.when,
        density: round2(w.density),
        low: round2(w.low),
        high: round2(w.high),
      });
}

/**
 * Where a threshold is passed now or expected within the hour, most urgent first, with how sure.
 * "No warnings" only over current counts from every site: without them the warnings are unknown
 * (the last known ones stay, greyed, with their time) and sites without current counts are named.
 */
export function CrowdWarningList({
  view,
  limit,
  acknowledge = false,
}: {
  view: CrowdMonitorView;
  limit?: number;
  acknowledge?: boolean;
}) {
  const t = useTranslate();
  const { verdict } = view;
  if (verdict.kind === 'unknown')
    return (
      <div className="crowd-warnings-unknown" data-testid="crowd-warnings-unknown">
        <Paragraph small className="crowd-warnings__unknown">
          <strong>{t('crowd.warningsUnknown')}</strong>
        </Paragraph>
        {verdict.lastKnown.length > 0 && verdict.lastKnownAt !== null && (
          <>
            <Paragraph small>
              {t('crowd.lastKnownWarnings', { time: countsMoment(verdict.lastKnownAt, view.nowMs, t) })}
            </Paragraph>
            <WarningItems warnings={verdict.lastKnown.slice(0, limit)} stale acknowledge={false} />
          </>
        )}
      </div>
    );
  const unknownNames = verdict.unknownSites.map((s) => s.site.name).join(', ');
  if (verdict.warnings.length === 0)
    return (
      <Paragraph small data-testid="crowd-no-warnings">
        {unknownNames ? t('crowd.noWarningsSomeUnknown', { sites: unknownNames }) : t('crowd.noWarnings')}
      </Paragraph>
    );
  return (
    <>
      <WarningItems warnings={verdict.warnings.slice(0, limit)} stale={false} acknowledge={acknowledge} />
      {unknownNames && <Paragraph small>{t('crowd.unknownAt', { sites: unknownNames })}</Paragraph>}
    </>
  );
}

function WarningItems({
  warnings,
  stale,
  acknowledge,
}: {
  warnings: readonly CrowdWarning[];
  stale: boolean;
  acknowledge: boolean;
}) {
  const t = useTranslate();
  const acks = useCrowdEventStore((s) => s.acks);
  return (
    <ul
      className={stale ? 'crowd-warnings crowd-warnings--stale' : 'crowd-warnings'}
      data-testid={stale ? 'crowd-warnings-last-known' : 'crowd-warnings'}
    >
      {warnings.map((w) => {
        const key = warningKey(w);
        const text = warningText(w, t);
        const ackedAt = acks[key];
        return (
          <li
            key={`${w.siteId}-${w.level}-${w.when}`}
            className="crowd-warnings__item"
            data-level={w.level}
            data-when={w.when === 'now' ? 'now' : 'ahead'}
          >
            <span>{text}</span>{' '}
            <span className="crowd-warnings__certainty">
              {t('crowd.warningCertainty', { certainty: t(`crowd.certainty.${w.certainty}`) })}
            </span>
            {acknowledge &&
              (ackedAt === undefined ? (
                <>
                  {' '}
                  <Button
                    appearance="subtle-button"
                    aria-label={t('crowd.ackLabel', { warning: text })}
                    onClick={() => useCrowdEventStore.getState().acknowledge(w, Date.now())}
                  >
                    {t('crowd.ack')}
                  </Button>
                </>
              ) : (
                <span className="crowd-warnings__acked">
                  {' '}
                  · {t('crowd.acked', { time: localClock(ackedAt) })}
                </span>
              ))}
          </li>
        );
      })}
    </ul>
  );
}

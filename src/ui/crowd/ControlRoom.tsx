import { Button } from '@utrecht/component-library-react';
import { useEffect, useRef } from 'react';
import { AMSTERDAM_TIME_ZONE } from '../../time/amsterdam.ts';
import { useTranslate } from '../use-translate.ts';
import { siteColor } from '../../layers/crowd-monitor/monitor-layers.ts';
import {
  countsMoment,
  formatAge,
  formatDensity,
  trendText,
} from '../../layers/crowd-monitor/monitor-text.ts';
import { siteFreshness, type SiteFreshness } from '../../monitor/feed-state.ts';
import { useCrowdMonitor } from '../bindings/use-crowd-monitor.ts';
import type { SiteStatus } from '../../monitor/monitor.ts';
import { useAppStore } from '../../state/app-store.ts';
import { useCrowdMonitorStore } from '../../state/crowd-monitor-store.ts';
import { useTimeStore } from '../../state/time-store.ts';
import { FeedAlarm, MonitorStatus } from './CrowdMonitorPanel.tsx';
import { EventSettingsPanel } from './EventSettingsPanel.tsx';
import { CrowdWarningList } from './CrowdWarningList.tsx';
import { Sparkline } from './Sparkline.tsx';

/**
 * The control-room layout: the map stays on the left; on the right large numbers readable from a
 * distance: the clock, the age of the data, the warnings and one tile per counting site.
 */
export function ControlRoom() {
  const t = useTranslate();
  const open = useCrowdMonitorStore((s) => s.controlRoom);
  const view = useCrowdMonitor();
  const time = useTimeStore((s) => s.time);
  const locale = useAppStore((s) => (s.language === 'nl' ? 'nl-NL' : 'en-GB'));
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (open) heading.current?.focus();
  }, [open]);

  if (!open) return null;
  const clock = new Intl.DateTimeFormat(locale, {
    timeZone: AMSTERDAM_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
  }).format(time);
  const { assessment } = view;
  const sites = assessment ? [...assessment.sites].sort(bySeverity) : [];

  return (
    <section className="control-room" aria-labelledby="control-room-heading" data-testid="control-room">
      <header className="control-room__header">
        <h2 id="control-room-heading" tabIndex={-1} ref={heading}>
          {t('crowd.controlRoom')}
        </h2>
        <p className="control-room__clock" aria-label={`${t('crowd.clock')} ${clock}`}>
          {clock}
        </p>
        <Button
          appearance="secondary-action-button"
          onClick={() => useCrowdMonitorStore.getState().setControlRoom(false)}
        >
          {t('crowd.closeControlRoom')}
        </Button>
      </header>
      <MonitorStatus view={view} large />
      <FeedAlarm view={view} />
      <p className="control-room__source">
        {view.source === 'sample'
          ? `${t(`crowd.day.${view.sampleDay}`)} · ${t('crowd.sampleNote')}`
          : t('crowd.liveNote')}
      </p>
      <h3>{t('crowd.warnings')}</h3>
      <CrowdWarningList view={view} acknowledge />
      <ul className="control-room__tiles">
        {sites.map((status) => (
          <SiteTile
            key={status.site.id}
            status={status}
            nowMs={assessment!.nowMs}
            fresh={
              view.status.warningsKnown
                ? siteFreshness(status, assessment!.nowMs, view.staleAfterMs)
                : 'stale'
            }
          />
        ))}
      </ul>
      <EventSettingsPanel view={view} />
    </section>
  );
}

const WARNING_ORDER = ['none', 'info', 'warning', 'alert', 'danger'];

function bySeverity(a: SiteStatus, b: SiteStatus): number {
  return (
    WARNING_ORDER.indexOf(b.warning) - WARNING_ORDER.indexOf(a.warning) ||
    (b.density ?? -1) - (a.density ?? -1)
  );
}

/** One site in large numbers; without current counts its last values stay, greyed, with their time. */
function SiteTile({ status, nowMs, fresh }: { status: SiteStatus; nowMs: number; fresh: SiteFreshness }) {
  const t = useTranslate();
  const [r, g, b] = siteColor(status);
  const ahead = status.forecast.at(-1);
  const old = fresh !== 'current' && status.latestAt !== null;
  return (
    <li
      className={old ? 'site-tile site-tile--stale' : 'site-tile'}
      data-site={status.site.id}
      data-warning={status.warning}
      data-fresh={fresh}
    >
      <h4 className="site-tile__name">
        <span
          className="site-tile__swatch"
          style={{ backgroundColor: `rgb(${r} ${g} ${b})` }}
          aria-hidden="true"
        />
        {status.site.name}
      </h4>
      <p className="site-tile__density">
        {status.density === null ? (
          <span title={t(status.suppressed ? 'crowd.suppressed' : 'crowd.noData')}>–</span>
        ) : (
          formatDensity(status.density, t)
        )}
        {status.level && <span className="site-tile__level">{status.level}</span>}
      </p>
      {old && (
        <p className="site-tile__when" data-testid="site-last-value">
          {t('crowd.lastValueAt', {
            time: countsMoment(status.latestAt!, nowMs, t),
            age: formatAge(nowMs, status.latestAt!, t),
          })}
        </p>
      )}
      {status.density === null && (
        <p className="site-tile__note">{t(status.suppressed ? 'crowd.suppressed' : 'crowd.noData')}</p>
      )}
      <p className="site-tile__facts">
        {trendText(status, t)}
        {status.count !== null &&
          ` · ${Math.round(status.count)} ${t(status.site.kind === 'area' ? 'crowd.inside' : 'crowd.perMinute').toLowerCase()}`}
      </p>
      <Sparkline status={status} nowMs={nowMs} />
      <p className="site-tile__facts">
        {ahead && `${t('crowd.forecast')}: ${formatDensity(ahead.density, t)} · `}
        {t('crowd.certainty')}: {t(`crowd.certainty.${status.certainty}`)}
      </p>
    </li>
  );
}

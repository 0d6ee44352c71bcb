import {
  Button,
  Checkbox,
  FormField,
  FormLabel,
  Heading2,
  Paragraph,
  Select,
  SelectOption,
} from '@utrecht/component-library-react';
import { localClock } from '../../time/age.ts';
import { useTranslate } from '../use-translate.ts';
import { MONITOR_LEGEND } from '../../layers/crowd-monitor/monitor-layers.ts';
import { CROWD_DAYS, type CrowdDay } from '../../layers/crowd-monitor/replay.ts';
import { useCrowdMonitor, type CrowdMonitorView } from '../bindings/use-crowd-monitor.ts';
import { countsMoment, formatAge } from '../../layers/crowd-monitor/monitor-text.ts';
import { DEFAULT_SUPPRESSION_THRESHOLD } from '../../scenarios/crowd/counts-to-density.ts';
import { useCrowdEventStore } from '../../state/crowd-event-store.ts';
import { useCrowdMonitorStore } from '../../state/crowd-monitor-store.ts';
import { Legend } from '../Legend.tsx';
import { CrowdWarningList } from './CrowdWarningList.tsx';

/** The crowd monitor in the side panel: on/off, which data, its age, the warnings and the control room. */
export function CrowdMonitorPanel() {
  const t = useTranslate();
  const on = useCrowdMonitorStore((s) => s.on);
  const day = useCrowdMonitorStore((s) => s.day);
  const { setOn, setDay, setControlRoom } = useCrowdMonitorStore.getState();
  const view = useCrowdMonitor();

  return (
    <section aria-labelledby="crowd-heading" className="panel-section crowd-panel">
      <Heading2 id="crowd-heading">{t('crowd.heading')}</Heading2>
      <Paragraph small>{t('crowd.intro')}</Paragraph>
      <FormField type="checkbox">
        <Checkbox id="crowd-on" checked={on} onChange={(event) => setOn(event.target.checked)} />
        <FormLabel htmlFor="crowd-on" type="checkbox">
          {t('crowd.show')}
        </FormLabel>
      </FormField>
      {on && (
        <>
          {view.source === 'sample' ? (
            <>
              <FormLabel htmlFor="crowd-day">{t('crowd.day')}</FormLabel>
              <Select id="crowd-day" value={day} onChange={(event) => setDay(event.target.value as CrowdDay)}>
                {CROWD_DAYS.map((option) => (
                  <SelectOption key={option} value={option}>
                    {t(`crowd.day.${option}`)}
                  </SelectOption>
                ))}
              </Select>
              <Paragraph small className="layer-entry__sample">
                {t('crowd.sampleNote')}
              </Paragraph>
            </>
          ) : (
            <Paragraph small>{t('crowd.liveNote')}</Paragraph>
          )}
          <MonitorStatus view={view} />
          <FeedAlarm view={view} />
          <CrowdWarningList view={view} limit={5} />
          <Legend legend={MONITOR_LEGEND} id="crowd-monitor" />
          <Paragraph small>{t('crowd.privacy', { n: DEFAULT_SUPPRESSION_THRESHOLD })}</Paragraph>
          <Button appearance="primary-action-button" onClick={() => setControlRoom(true)}>
            {t('crowd.openControlRoom')}
          </Button>
        </>
      )}
    </section>
  );
}

/**
 * The feed state, always in view: live, late, stopped, never started or clock skew, the time and
 * age of the newest counts, and why the newest fetch failed. The alarm itself is FeedAlarm.
 */
export function MonitorStatus({ view, large = false }: { view: CrowdMonitorView; large?: boolean }) {
  const t = useTranslate();
  const { load, status, newestCountAt, nowMs } = view;
  const Text = large ? 'p' : Paragraph;
  const counts =
    newestCountAt === null
      ? null
      : { time: countsMoment(newestCountAt, nowMs, t), age: formatAge(nowMs, newestCountAt, t) };
  const detail = (() => {
    switch (status.state) {
      case 'never-started':
        return load.state === 'loading' ? t('crowd.loading') : t('crowd.feedNever');
      case 'live':
        return t('crowd.feedLive', counts!);
      case 'late':
        return t('crowd.feedLate', counts!);
      case 'stopped':
        return t('crowd.feedStopped', counts!);
      case 'clock-skew':
        return t('crowd.feedSkew', { age: formatAge(newestCountAt!, nowMs, t) });
    }
  })();
  return (
    <div className="crowd-status" data-testid="crowd-status" data-feed-state={status.state}>
      <Text
        className={`crowd-status__state crowd-status__state--${status.state}`}
        data-testid="crowd-feed-state"
      >
        <strong>{t('crowd.feedState', { state: t(`crowd.feed.${status.state}`) })}</strong> {detail}
      </Text>
      {view.failure !== null && (
        <Text className="crowd-status__error">{t('crowd.fetchFailing', { message: view.failure })}</Text>
      )}
    </div>
  );
}

/**
 * The connection alarm, raised when the feed state says the counts are not current, and the
 * recovery after it. The sentence sits in a live region that is always in the page, so screen
 * readers announce it as it changes; the acknowledge button stays outside it.
 */
export function FeedAlarm({ view }: { view: CrowdMonitorView }) {
  const t = useTranslate();
  const alarmOn = useCrowdEventStore((s) => s.alarmOn);
  const ackedAt = useCrowdEventStore((s) => s.alarmAckedAt);
  const announcement = useCrowdEventStore((s) => s.announcement);
  const { status, newestCountAt } = view;
  // The page shows the alarm from the feed state at once; the store's record is for the log.
  const on = status.alarm || alarmOn;
  let text = '';
  if (on)
    text =
      status.state === 'clock-skew'
        ? t('crowd.alarmSkew')
        : newestCountAt === null
          ? t('crowd.alarmNever')
          : t('crowd.alarm', { time: countsMoment(newestCountAt, view.nowMs, t) });
  else if (announcement?.kind === 'recovered')
    text = t('crowd.recovered', {
      time: localClock(announcement.at),
      until: announcement.newestCountAt === null ? '–' : localClock(announcement.newestCountAt),
    });
  return (
    <div
      className={on ? 'crowd-alarm crowd-alarm--on' : 'crowd-alarm'}
      data-testid="crowd-alarm"
      data-alarm={on}
    >
      <p aria-live="assertive" aria-atomic="true" className="crowd-alarm__text" data-testid="crowd-announcer">
        {text}
      </p>
      {on &&
        (ackedAt === null ? (
          <Button
            appearance="secondary-action-button"
            onClick={() => useCrowdEventStore.getState().acknowledgeAlarm(Date.now())}
          >
            {t('crowd.ackAlarm')}
          </Button>
        ) : (
          <p className="crowd-alarm__acked">{t('crowd.alarmAcked', { time: localClock(ackedAt) })}</p>
        ))}
    </div>
  );
}

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
import { AMSTERDAM_TIME_ZONE } from '../../time/amsterdam.ts';
import { useTranslate } from '../use-translate.ts';
import { MONITOR_LEGEND } from '../../layers/crowd-monitor/monitor-layers.ts';
import { CROWD_DAYS, type CrowdDay } from '../../layers/crowd-monitor/replay.ts';
import { useCrowdMonitor, type CrowdMonitorView } from '../bindings/use-crowd-monitor.ts';
import { formatAge } from '../../layers/crowd-monitor/monitor-text.ts';
import { DEFAULT_SUPPRESSION_THRESHOLD } from '../../scenarios/crowd/counts-to-density.ts';
import { useAppStore } from '../../state/app-store.ts';
import { useCrowdMonitorStore } from '../../state/crowd-monitor-store.ts';
import { Legend } from '../Legend.tsx';
import { CrowdWarningList } from './CrowdWarningList.tsx';

/** Data older than this is called stale on screen (the last state stays shown). */
export const STALE_AFTER_SECONDS = 10 * 60;

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
          {view.assessment && <CrowdWarningList warnings={view.assessment.warnings} limit={5} />}
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

/** Loading, failure, the time of the newest counts and their age; stale data is said loudly. */
export function MonitorStatus({ view, large = false }: { view: CrowdMonitorView; large?: boolean }) {
  const t = useTranslate();
  const locale = useAppStore((s) => (s.language === 'nl' ? 'nl-NL' : 'en-GB'));
  const { load, assessment } = view;
  const clock = new Intl.DateTimeFormat(locale, {
    timeZone: AMSTERDAM_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
  });
  const Text = large ? 'p' : Paragraph;
  return (
    <div aria-live="polite" className="crowd-status" data-testid="crowd-status">
      {load.state === 'loading' && !assessment && <Text role="status">{t('crowd.loading')}</Text>}
      {load.state === 'error' && (
        <Text role="alert" className="crowd-status__error">
          {t('crowd.loadFailed', { message: load.message })}
        </Text>
      )}
      {assessment && assessment.latestAt === null && <Text>{t('crowd.noDataYet')}</Text>}
      {assessment && assessment.latestAt !== null && assessment.ageSeconds !== null && (
        <>
          <Text className="crowd-status__age">
            {t('crowd.dataAt', {
              time: clock.format(assessment.latestAt),
              age: formatAge(assessment.ageSeconds, t),
            })}
          </Text>
          {assessment.ageSeconds > STALE_AFTER_SECONDS && (
            <Text role="alert" className="crowd-status__stale" data-testid="crowd-stale">
              {t('crowd.stale', { age: formatAge(assessment.ageSeconds, t) })}
            </Text>
          )}
        </>
      )}
    </div>
  );
}

import { Button, Checkbox, FormField, FormLabel, Paragraph, Textbox } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslate } from '../use-translate.ts';
import { formatNumber } from '../../i18n/format-number.ts';
import { useAppStore } from '../../state/app-store.ts';
import {
  STALE_AFTER_RANGE,
  THRESHOLD_RANGE,
  logMessage,
  logToCsv,
  logToJson,
  siteThresholds,
} from '../../monitor/event-settings.ts';
import { useCrowdEventStore } from '../../state/crowd-event-store.ts';
import { localClock, localDate } from '../../time/age.ts';
import type { CrowdMonitorView } from '../bindings/use-crowd-monitor.ts';
import { offerDownload } from '../download.ts';

/** How many log lines the control room shows; the download has them all. */
const LOG_SHOWN = 8;

/** The event team's settings (kept with the event on this device) and the log with its export. */
export function EventSettingsPanel({ view }: { view: CrowdMonitorView }) {
  const t = useTranslate();
  const settings = useCrowdEventStore((s) => s.settings);
  const from = useCrowdEventStore((s) => s.settingsFrom);
  const eventId = useCrowdEventStore((s) => s.eventId) ?? view.eventId;
  const language = useAppStore((s) => s.language);
  const store = useCrowdEventStore.getState();
  const sites = view.feed?.sites ?? [];
  const fileName = `tweeling-logboek-${eventId.replace(/[^a-z0-9]+/gi, '-')}-${localDate(view.nowMs)}`;

  return (
    <section className="event-settings" aria-labelledby="event-settings-heading">
      <h3 id="event-settings-heading">{t('crowd.log')}</h3>
      {settings.log.length === 0 ? (
        <Paragraph small>{t('crowd.log.empty')}</Paragraph>
      ) : (
        <ol className="event-log" data-testid="event-log">
          {settings.log
            .slice(-LOG_SHOWN)
            .reverse()
            .map((entry) => {
              const m = logMessage(entry);
              return (
                <li key={`${entry.at}-${entry.kind}`} data-kind={entry.kind}>
                  <time dateTime={new Date(entry.at).toISOString()}>{localClock(entry.at)}</time>{' '}
                  {t(m.key, m.params)}
                </li>
              );
            })}
        </ol>
      )}
      <div className="event-settings__downloads">
        <Button
          appearance="secondary-action-button"
          onClick={() =>
            offerDownload(`${fileName}.csv`, logToCsv(settings.log, t), 'text/csv;charset=utf-8')
          }
        >
          {t('crowd.log.downloadCsv')}
        </Button>
        <Button
          appearance="secondary-action-button"
          onClick={() =>
            offerDownload(`${fileName}.json`, logToJson(settings.log, t, eventId), 'application/json')
          }
        >
          {t('crowd.log.downloadJson')}
        </Button>
      </div>

      <details className="event-settings__details">
        <summary>{t('crowd.settings')}</summary>
        {(from === 'newer' || from === 'unreadable') && (
          <Paragraph small role="status">
            {t(from === 'newer' ? 'crowd.settings.newer' : 'crowd.settings.unreadable')}
          </Paragraph>
        )}
        <NumberField
          id="crowd-stale-after"
          label={t('crowd.settings.staleAfter')}
          value={settings.staleAfterMinutes}
          min={STALE_AFTER_RANGE.min}
          max={STALE_AFTER_RANGE.max}
          step={1}
          onCommit={(value) => {
            if (value !== null && Number.isInteger(value)) store.setStaleAfterMinutes(value);
          }}
        />
        <FormField type="checkbox">
          <Checkbox
            id="crowd-alarm-sound"
            checked={settings.sound}
            onChange={(event) => store.setSound(event.target.checked)}
          />
          <FormLabel htmlFor="crowd-alarm-sound" type="checkbox">
            {t('crowd.settings.sound')}
          </FormLabel>
        </FormField>
        <h4>{t('crowd.settings.thresholds')}</h4>
        {sites.map((site) =>
          siteThresholds(settings, site).map((threshold) => (
            <NumberField
              key={`${site.id}-${threshold.level}`}
              id={`crowd-threshold-${site.id}-${threshold.level}`}
              label={t('crowd.settings.threshold', {
                site: site.name,
                level: t(`crowd.level.${threshold.level}`),
              })}
              value={settings.sites[site.id]?.[threshold.level] ?? null}
              placeholder={formatNumber(threshold.density, language, { quantity: 'density' })}
              min={THRESHOLD_RANGE.min}
              max={THRESHOLD_RANGE.max}
              step={0.01}
              onCommit={(value) => store.setSiteThreshold(site.id, threshold.level, value)}
            />
          )),
        )}
        <Button appearance="secondary-action-button" onClick={() => store.resetThresholds()}>
          {t('crowd.settings.reset')}
        </Button>
      </details>
    </section>
  );
}

/** A number typed freely and taken when it is valid and the field is left (or Enter pressed). */
function NumberField(props: {
  id: string;
  label: string;
  value: number | null;
  placeholder?: string;
  min: number;
  max: number;
  step: number;
  onCommit: (value: number | null) => void;
}) {
  const [text, setText] = useState<string | null>(null);
  const commit = () => {
    if (text === null) return;
    const value = text.trim() === '' ? null : Number(text.replace(',', '.'));
    if (value === null || (Number.isFinite(value) && value >= props.min && value <= props.max))
      props.onCommit(value);
    setText(null);
  };
  return (
    <div className="event-settings__field">
      <FormLabel htmlFor={props.id}>{props.label}</FormLabel>
      <Textbox
        id={props.id}
        type="number"
        inputMode="decimal"
        min={props.min}
        max={props.max}
        step={props.step}
        value={text ?? (props.value === null ? '' : String(props.value))}
        {...(props.placeholder === undefined ? {} : { placeholder: props.placeholder })}
        onChange={(event) => setText(event.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
        }}
      />
    </div>
  );
}

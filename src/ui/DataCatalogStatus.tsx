import { Button, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { translator } from '../i18n/translate.ts';
import { licenceText } from './licence-text.ts';
import { useTranslate } from './use-translate.ts';
import { retryLoad } from './bindings/layer-data.ts';
import type { LayerId } from '../layers/layer-ids.ts';
import { getCatalogEntry } from '../sources/catalog.ts';
import { describeSourceError, describeStale, formatDuration } from '../sources/messages.ts';
import { useAppStore } from '../state/app-store.ts';
import type { LayerLoadStatus, ShownData } from '../state/layers-store.ts';
import type { Language } from '../i18n/language.ts';

/**
 * The live state of a source-backed layer in words: loading, live and fine (with its age), stale,
 * failed (in the user's language, with what the map shows instead), or the recorded sample. Used
 * next to each layer in the layer panel; the data catalog sums the same states up per source.
 */
export type LiveState = 'idle' | 'loading' | 'snapshot' | 'ok' | 'stale' | 'error';

export function liveStateOf(status: LayerLoadStatus): LiveState {
  switch (status.state) {
    case 'idle':
      return 'idle';
    case 'loading':
      return 'loading';
    case 'error':
      return 'error';
    case 'ready': {
      const shown = status.shown;
      if (!shown?.live) return 'snapshot';
      return shown.source?.provenance.stale ? 'stale' : 'ok';
    }
  }
}

/** Re-renders every `ms` so ages ("3 minutes ago") stay true while the panel is open. */
export function useNow(ms = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

export function formats(language: Language) {
  const locale = language === 'nl' ? 'nl-NL' : 'en-GB';
  return {
    date: new Intl.DateTimeFormat(locale, { dateStyle: 'long' }),
    time: new Intl.DateTimeFormat(locale, { timeStyle: 'short' }),
    dateTime: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
  };
}

/**
 * The message for a failed load in the user's language (technical detail only when it is not a
 * SourceError). The catalog's fallback sentence ("… is not shown") is left off while the layer
 * still shows older data, which the panel then names instead.
 */
export function errorText(status: Extract<LayerLoadStatus, { state: 'error' }>, language: Language): string {
  if (!status.error) return status.message;
  const full = describeSourceError(status.error, language);
  const entry = getCatalogEntry(status.error.sourceId);
  const fallback = entry && translator(language)(entry.fallbackKey);
  return status.shown && fallback && full.endsWith(fallback)
    ? full.slice(0, -fallback.length).trimEnd()
    : full;
}

function ShownNote({ shown, now }: { shown: ShownData | undefined; now: number }) {
  const t = useTranslate();
  const language = useAppStore((s) => s.language);
  const f = formats(language);
  let what = t('layers.showingNothing');
  if (shown && !shown.live && shown.source?.recordedAt) {
    what = t('layers.showingSnapshot', { date: f.date.format(new Date(shown.source.recordedAt)) });
  } else if (shown?.source) {
    const fetchedAt = Date.parse(shown.source.provenance.fetchedAt);
    what = t('layers.showingOlder', {
      time: f.dateTime.format(fetchedAt),
      age: formatDuration(now - fetchedAt, language),
    });
  }
  return (
    <Paragraph small className="layer-live__shown">
      {t('layers.showing', { what })}
    </Paragraph>
  );
}

/** The live-state line of a source-backed layer, with refresh/retry. */
export function SourceLoadState({ id, status }: { id: LayerId; status: LayerLoadStatus }) {
  const t = useTranslate();
  const language = useAppStore((s) => s.language);
  const now = useNow();
  const f = formats(language);
  const state = liveStateOf(status);
  const common = { className: 'layer-live', 'data-testid': `layer-live-${id}`, 'data-state': state };

  if (status.state === 'idle') return null;
  if (status.state === 'loading') {
    return (
      <div {...common} role="status">
        <Paragraph small>
          {status.live ? t('layers.liveLoading') : t('layers.loading')}
          {status.progress !== null && <progress max={1} value={status.progress} />}
        </Paragraph>
      </div>
    );
  }
  if (status.state === 'error') {
    return (
      <div {...common} role="alert">
        <Paragraph small className="layer-live__error">
          {errorText(status, language)}
        </Paragraph>
        <ShownNote shown={status.shown} now={now} />
        <Button appearance="secondary-action-button" onClick={() => retryLoad(id)}>
          {t('layers.retry')}
        </Button>
      </div>
    );
  }
  const shown = status.shown;
  const source = shown?.source;
  if (!shown?.live || !source) {
    return (
      <div {...common}>
        <Paragraph small className="layer-entry__sample">
          {t('layers.snapshot', {
            date: f.date.format(new Date(source?.recordedAt ?? source?.provenance.fetchedAt ?? now)),
          })}
        </Paragraph>
      </div>
    );
  }
  const fetchedAt = Date.parse(source.provenance.fetchedAt);
  const stale = describeStale(source.provenance, language);
  return (
    <div {...common} data-duration-ms={shown.durationMs}>
      <Paragraph small>
        {stale ??
          t('layers.liveOk', {
            time: f.time.format(fetchedAt),
            age: formatDuration(now - fetchedAt, language),
          })}
      </Paragraph>
      {source.warning && (
        <Paragraph small className="layer-live__error">
          {describeSourceError(source.warning, language)}
        </Paragraph>
      )}
      <Button appearance="secondary-action-button" onClick={() => retryLoad(id)}>
        {t('layers.refresh')}
      </Button>
    </div>
  );
}

/** Source, licence, attribution and fetch time of the data on the map (source-backed layers). */
export function ShownProvenance({ shown }: { shown: ShownData | undefined }) {
  const t = useTranslate();
  const language = useAppStore((s) => s.language);
  const source = shown?.source;
  if (!source) return null;
  const p = source.provenance;
  return (
    <dl className="layer-entry__source" data-testid="layer-provenance">
      <dt>{t('layers.source')}</dt>
      <dd>{p.title}</dd>
      <dt>{t('layers.licence')}</dt>
      <dd>{licenceText(p.licence, t)}</dd>
      <dt>{t('layers.attribution')}</dt>
      <dd>{p.attributionUrl ? <a href={p.attributionUrl}>{p.attribution}</a> : p.attribution}</dd>
      <dt>{t('layers.fetchedAt')}</dt>
      <dd>
        <time dateTime={p.fetchedAt}>{formats(language).dateTime.format(Date.parse(p.fetchedAt))}</time>
      </dd>
    </dl>
  );
}

import { Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import type { MessageKey } from '../i18n/nl.ts';
import { licenceText } from './licence-text.ts';
import { useTranslate } from './use-translate.ts';
import type { RegisteredLayer } from '../layers/layer-types.ts';
import { registeredLayers } from '../layers/registry.ts';
import { catalogEntries, type CatalogEntry } from '../sources/catalog.ts';
import { describeSourceError, describeStale } from '../sources/messages.ts';
import { useAppStore } from '../state/app-store.ts';
import { useLayersStore, type LayerLoadStatus } from '../state/layers-store.ts';
import { needsNetwork } from '../config/view-options.ts';
import { errorText, formats, liveStateOf, type LiveState } from './DataCatalogStatus.tsx';

/** What the catalog says about one source right now. */
interface SourceStatus {
  state: LiveState | 'unused' | 'in-use';
  text: string;
}

const SEVERITY: Record<SourceStatus['state'], number> = {
  error: 6,
  stale: 5,
  loading: 4,
  ok: 3,
  snapshot: 2,
  'in-use': 1,
  idle: 0,
  unused: 0,
};

/**
 * Every open-data source the app knows (src/sources/catalog.ts): title, licence and attribution,
 * how certain the shape of its data is, whether a browser may read it (CORS), and its live status.
 * Collapsed by default: it is reference material, not something to act on.
 */
export function DataCatalog() {
  const t = useTranslate();
  return (
    <section aria-labelledby="catalog-heading" className="panel-section data-catalog">
      <Heading2 id="catalog-heading">{t('catalog.heading')}</Heading2>
      <details data-testid="data-catalog">
        <summary>{t('catalog.toggle', { count: catalogEntries.length })}</summary>
        <Paragraph small>{t('catalog.intro')}</Paragraph>
        {catalogEntries.map((entry) => (
          <CatalogItem key={entry.id} entry={entry} />
        ))}
      </details>
    </section>
  );
}

function CatalogItem({ entry }: { entry: CatalogEntry }) {
  const t = useTranslate();
  const status = useSourceStatus(entry);
  const users = registeredLayers().filter((l) => l.definition.sourceId === entry.id);
  return (
    <article className="data-catalog__entry" data-source={entry.id}>
      <Heading3 className="layer-entry__title">{t(entry.titleKey)}</Heading3>
      <dl>
        <dt>{t('catalog.licence')}</dt>
        <dd>{licenceText(entry.licence, t, entry.licenceCertainty, entry.licenceNoteKey)}</dd>
        <dt>{t('catalog.attribution')}</dt>
        <dd>
          {entry.attributionUrl ? <a href={entry.attributionUrl}>{entry.attribution}</a> : entry.attribution}
        </dd>
        <dt>{t('catalog.certainty')}</dt>
        <dd>{t(`catalog.certainty.${entry.certainty}` as MessageKey)}</dd>
        <dt>{t('catalog.cors')}</dt>
        <dd>{t(`catalog.cors.${entry.cors}` as MessageKey)}</dd>
        {users.length > 0 && (
          <>
            <dt>{t('catalog.usedBy')}</dt>
            <dd>{users.map((l) => t(l.definition.titleKey)).join(', ')}</dd>
          </>
        )}
        <dt>{t('catalog.status')}</dt>
        <dd data-testid={`catalog-status-${entry.id}`} data-state={status.state}>
          {status.text}
        </dd>
      </dl>
      <Paragraph small>
        <a href={entry.homepage}>{t('catalog.homepage')}</a>
      </Paragraph>
    </article>
  );
}

function useSourceStatus(entry: CatalogEntry): SourceStatus {
  const t = useTranslate();
  const language = useAppStore((s) => s.language);
  const dataSource = useAppStore((s) => s.dataSource);
  const baseLayer = useAppStore((s) => s.baseLayer);
  const tileset = useAppStore((s) => s.tilesetStatus);
  const statuses = useLayersStore((s) => s.status);
  const f = formats(language);

  // Base map and buildings are not layers: their use follows the data panel's choices.
  if (entry.id === '3dbag-tiles' && dataSource === '3dbag') {
    if (tileset.state === 'loading') return { state: 'loading', text: t('catalog.status.loading') };
    if (tileset.state === 'error') {
      const problem = tileset.problem;
      const message =
        problem.kind === 'network'
          ? t('status.reason.network')
          : problem.kind === 'http'
            ? t('status.reason.http', { status: problem.status })
            : t('status.reason.invalid', { detail: problem.detail });
      return { state: 'error', text: t('catalog.status.error', { message }) };
    }
    return { state: 'in-use', text: t('catalog.status.inUse') };
  }
  if (
    (entry.id === 'pdok-luchtfoto' && baseLayer === 'luchtfoto') ||
    (entry.id === 'pdok-brt' && baseLayer === 'brt') ||
    // Address search asks PDOK whenever the view is online (see SearchBox).
    (entry.id === 'pdok-locatieserver' && needsNetwork(dataSource, baseLayer))
  )
    return { state: 'in-use', text: t('catalog.status.inUse') };

  const layerStatuses = registeredLayers()
    .filter((l: RegisteredLayer) => l.definition.sourceId === entry.id)
    .map((l) => statuses[l.definition.id])
    .filter((s) => s.state !== 'idle');
  const worst = layerStatuses.reduce<LayerLoadStatus | undefined>(
    (a, b) => (a && SEVERITY[liveStateOf(a)] >= SEVERITY[liveStateOf(b)] ? a : b),
    undefined,
  );
  if (!worst) return { state: 'unused', text: t('catalog.status.unused') };
  const state = liveStateOf(worst);
  switch (worst.state) {
    case 'idle':
      return { state: 'unused', text: t('catalog.status.unused') };
    case 'loading':
      return { state, text: t('catalog.status.loading') };
    case 'error':
      return { state, text: t('catalog.status.error', { message: errorText(worst, language) }) };
    case 'ready': {
      const source = worst.shown?.source;
      if (!worst.shown?.live || !source) return { state, text: t('catalog.status.snapshot') };
      const p = source.provenance;
      if (p.stale) {
        const message = source.warning
          ? describeSourceError(source.warning, language)
          : (describeStale(p, language) ?? '');
        return {
          state,
          text: t('catalog.status.stale', { time: f.dateTime.format(Date.parse(p.stale.since)), message }),
        };
      }
      return { state, text: t('catalog.status.ok', { time: f.time.format(Date.parse(p.fetchedAt)) }) };
    }
  }
}

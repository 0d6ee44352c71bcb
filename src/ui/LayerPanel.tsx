import {
  Button,
  Checkbox,
  FormField,
  FormLabel,
  Heading2,
  Heading3,
  Paragraph,
} from '@utrecht/component-library-react';
import { useTranslate } from './use-translate.ts';
import { retryLoad } from './bindings/layer-data.ts';
import type { RegisteredLayer } from '../layers/layer-types.ts';
import { registeredLayers } from '../layers/registry.ts';
import { useAppStore } from '../state/app-store.ts';
import { useLayersStore } from '../state/layers-store.ts';
import { ShownProvenance, SourceLoadState } from './DataCatalogStatus.tsx';
import { Legend } from './Legend.tsx';

/** The data layers on the map, from the registry: on/off, opacity, legend, source and load state. */
export function LayerPanel() {
  const t = useTranslate();
  return (
    <section aria-labelledby="layers-heading" className="panel-section layer-panel">
      <Heading2 id="layers-heading">{t('layers.heading')}</Heading2>
      <Paragraph small>{t('layers.intro')}</Paragraph>
      {registeredLayers().map((layer) => (
        <LayerEntry key={layer.definition.id} layer={layer} />
      ))}
    </section>
  );
}

function LayerEntry({ layer }: { layer: RegisteredLayer }) {
  const t = useTranslate();
  const language = useAppStore((s) => s.language);
  const { id, titleKey, descriptionKey, legend, source, time, occlusion } = layer.definition;
  const ui = useLayersStore((s) => s.layers[id]);
  const status = useLayersStore((s) => s.status[id]);
  const { setVisible, setOpacity } = useLayersStore.getState();
  const title = t(titleKey);
  const toggleId = `layer-${id}-toggle`;
  const opacityId = `layer-${id}-opacity`;
  const dateFormat = new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long' });
  const timeFormat = new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { timeStyle: 'short' });

  return (
    <article className="layer-entry" data-layer={id} aria-labelledby={`${toggleId}-label`}>
      <FormField type="checkbox">
        <Checkbox
          id={toggleId}
          checked={ui.visible}
          onChange={(event) => setVisible(id, event.target.checked)}
        />
        <FormLabel htmlFor={toggleId} type="checkbox" id={`${toggleId}-label`}>
          <Heading3 className="layer-entry__title">{title}</Heading3>
        </FormLabel>
      </FormField>
      <Paragraph small>{t(descriptionKey)}</Paragraph>
      {source.sample && (
        <Paragraph small className="layer-entry__sample">
          {t('layers.sampleBadge')}
        </Paragraph>
      )}

      {layer.definition.sourceId ? (
        <SourceLoadState id={id} status={status} />
      ) : (
        <LoadState id={id} status={status} timeFormat={timeFormat} />
      )}

      {ui.visible && (
        <div className="layer-entry__details">
          <div className="layer-entry__opacity">
            <FormLabel htmlFor={opacityId}>{t('layers.opacity')}</FormLabel>
            <input
              id={opacityId}
              type="range"
              min={0}
              max={100}
              step={5}
              value={ui.opacity}
              aria-valuetext={t('layers.opacityValue', { value: ui.opacity })}
              onChange={(event) => setOpacity(id, Number(event.target.value))}
            />
            <output htmlFor={opacityId}>{t('layers.opacityValue', { value: ui.opacity })}</output>
          </div>
          <Legend legend={legend} id={id} />
          <Paragraph small>
            {t(`layers.occlusion.${occlusion}`)}
            {time.aware && ` ${t('layers.timeAware')}`}
          </Paragraph>
        </div>
      )}

      {layer.definition.sourceId && status.state !== 'idle' && status.shown?.source ? (
        <ShownProvenance shown={status.shown} />
      ) : (
        <StaticSource layer={layer} dateFormat={dateFormat} />
      )}
    </article>
  );
}

/** What the definition says about its source, before any data is in. */
function StaticSource({ layer, dateFormat }: { layer: RegisteredLayer; dateFormat: Intl.DateTimeFormat }) {
  const t = useTranslate();
  const { source } = layer.definition;
  return (
    <dl className="layer-entry__source">
      <dt>{t('layers.source')}</dt>
      <dd>{t(source.nameKey)}</dd>
      <dt>{t('layers.licence')}</dt>
      <dd>{source.licenceUrl ? <a href={source.licenceUrl}>{source.licence}</a> : source.licence}</dd>
      <dd className="layer-entry__date">
        {t('layers.dataDate', { date: dateFormat.format(new Date(source.dataDate)) })}
      </dd>
    </dl>
  );
}

function LoadState({
  id,
  status,
  timeFormat,
}: {
  id: RegisteredLayer['definition']['id'];
  status: ReturnType<typeof useLayersStore.getState>['status'][RegisteredLayer['definition']['id']];
  timeFormat: Intl.DateTimeFormat;
}) {
  const t = useTranslate();
  switch (status.state) {
    case 'idle':
      return null;
    case 'loading':
      return (
        <Paragraph small role="status" className="layer-entry__status">
          {status.progress === null
            ? t('layers.loading')
            : t('layers.loadingProgress', { percent: Math.round(status.progress * 100) })}
          {status.progress !== null && <progress max={1} value={status.progress} />}
        </Paragraph>
      );
    case 'ready':
      return (
        <Paragraph small className="layer-entry__status" data-state="ready">
          {t('layers.loaded', { time: timeFormat.format(status.loadedAt) })}
        </Paragraph>
      );
    case 'error':
      return (
        <div role="alert" className="layer-entry__error">
          <Paragraph small>{t('layers.error', { message: status.message })}</Paragraph>
          <Button appearance="secondary-action-button" onClick={() => retryLoad(id)}>
            {t('layers.retry')}
          </Button>
        </div>
      );
  }
}

import {
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormLabel,
  Heading2,
  Paragraph,
  RadioButton,
} from '@utrecht/component-library-react';
import type { MessageKey } from '../i18n/nl.ts';
import { useTranslate } from './use-translate.ts';
import { useAppStore } from '../state/app-store.ts';
import { BASE_LAYERS, DATA_SOURCES, needsNetwork } from '../config/view-options.ts';
import { useShallow } from 'zustand/react/shallow';

function RadioGroup<T extends string>(props: {
  name: string;
  legend: string;
  options: readonly T[];
  value: T;
  label: (option: T) => string;
  onChange: (option: T) => void;
}) {
  return (
    <Fieldset>
      <FieldsetLegend>{props.legend}</FieldsetLegend>
      {props.options.map((option) => {
        const id = `${props.name}-${option}`;
        return (
          <FormField type="radio" key={option}>
            <RadioButton
              id={id}
              name={props.name}
              value={option}
              checked={props.value === option}
              onChange={() => props.onChange(option)}
            />
            <FormLabel htmlFor={id} type="radio">
              {props.label(option)}
            </FormLabel>
          </FormField>
        );
      })}
    </Fieldset>
  );
}

export function DataPanel() {
  const t = useTranslate();
  // Only these fields: the whole store changes on every camera move.
  const { dataSource, baseLayer, live, setDataSource, setBaseLayer, setLive } = useAppStore(
    useShallow((s) => ({
      dataSource: s.dataSource,
      baseLayer: s.baseLayer,
      live: s.live,
      setDataSource: s.setDataSource,
      setBaseLayer: s.setBaseLayer,
      setLive: s.setLive,
    })),
  );
  return (
    <section aria-labelledby="data-heading" className="panel-section">
      <Heading2 id="data-heading">{t('data.heading')}</Heading2>
      <RadioGroup
        name="data-source"
        legend={t('data.source')}
        options={DATA_SOURCES}
        value={dataSource}
        label={(id) => t(`data.source.${id}` as MessageKey)}
        onChange={setDataSource}
      />
      <RadioGroup
        name="base-layer"
        legend={t('data.base')}
        options={BASE_LAYERS}
        value={baseLayer}
        label={(id) => t(`data.base.${id}` as MessageKey)}
        onChange={setBaseLayer}
      />
      <FormField type="checkbox">
        <Checkbox id="live-data" checked={live} onChange={(event) => setLive(event.target.checked)} />
        <FormLabel htmlFor="live-data" type="checkbox">
          {t('data.live')}
        </FormLabel>
      </FormField>
      <Paragraph small>{t('data.liveHint')}</Paragraph>
      {(needsNetwork(dataSource, baseLayer) || live) && (
        <Paragraph small>{t('data.networkNotice')}</Paragraph>
      )}
      {dataSource === 'sample' && <Paragraph small>{t('data.sampleNotice')}</Paragraph>}
    </section>
  );
}

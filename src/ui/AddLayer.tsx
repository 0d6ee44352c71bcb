import {
  Button,
  Checkbox,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Heading2,
  Heading3,
  Paragraph,
  Select,
  SelectOption,
  Textbox,
} from '@utrecht/component-library-react';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import type { MessageKey } from '../i18n/nl.ts';
import { useTranslate } from './use-translate.ts';
import {
  checkUrl,
  detectKind,
  GLOBE_KINDS,
  USER_LAYER_KINDS,
  type UserLayerKind,
} from '../layers/user-layers/detect.ts';
import { addUserLayer, addUserLayerFile } from './bindings/add-user-layer.ts';
import { describeSourceError } from '../sources/messages.ts';
import { useAppStore } from '../state/app-store.ts';
import type { UserLayer } from '../layers/user-layers/user-layer.ts';
import { useUserLayersStore } from '../state/user-layers-store.ts';
import { formats } from './DataCatalogStatus.tsx';

type Choice = UserLayerKind | 'auto';

/**
 * Add a layer from a URL: the URL is checked first (full http(s) address), the type is detected
 * from it or chosen, and the data is loaded through the shared fetch wrapper. Errors are worded
 * like every other source's. User layers stay in this session (not in the share link).
 */
export function AddLayer() {
  const t = useTranslate();
  const [url, setUrl] = useState('');
  const [choice, setChoice] = useState<Choice>('auto');
  const [problem, setProblem] = useState<string | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const layers = useUserLayersStore((s) => s.layers);

  const openFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = ''; // the same file can be chosen again after fixing it
    if (!file) return;
    const read = await addUserLayerFile(file);
    setFileProblem(read.ok ? null : t(read.problem, read.values));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkUrl(url);
    if (!checked.ok) {
      setProblem(t(`addLayer.problem.${checked.problem}` as MessageKey));
      return;
    }
    const kind = choice === 'auto' ? detectKind(checked.url) : choice;
    if (!kind) {
      setProblem(t('addLayer.problem.unknownKind'));
      return;
    }
    setProblem(null);
    addUserLayer(checked.url, kind);
    setUrl('');
  };

  return (
    <section aria-labelledby="add-layer-heading" className="panel-section add-layer">
      <Heading2 id="add-layer-heading">{t('addLayer.heading')}</Heading2>
      <form onSubmit={submit} noValidate data-testid="add-layer-form">
        <FormField>
          <FormLabel htmlFor="add-layer-url">{t('addLayer.url')}</FormLabel>
          <FormFieldDescription id="add-layer-url-hint">{t('addLayer.urlHint')}</FormFieldDescription>
          {problem && (
            <FormFieldErrorMessage id="add-layer-url-error" role="alert">
              {problem}
            </FormFieldErrorMessage>
          )}
          <Textbox
            id="add-layer-url"
            type="url"
            value={url}
            invalid={problem !== null}
            aria-describedby={problem ? 'add-layer-url-hint add-layer-url-error' : 'add-layer-url-hint'}
            onChange={(event) => setUrl(event.target.value)}
          />
        </FormField>
        <FormField>
          <FormLabel htmlFor="add-layer-kind">{t('addLayer.kind')}</FormLabel>
          <Select
            id="add-layer-kind"
            value={choice}
            onChange={(event) => setChoice(event.target.value as Choice)}
          >
            <SelectOption value="auto">{t('addLayer.kind.auto')}</SelectOption>
            {USER_LAYER_KINDS.map((kind) => (
              <SelectOption key={kind} value={kind}>
                {t(`addLayer.kind.${kind}` as MessageKey)}
              </SelectOption>
            ))}
          </Select>
        </FormField>
        <Button type="submit" appearance="primary-action-button">
          {t('addLayer.submit')}
        </Button>
      </form>
      <FormField>
        <FormLabel htmlFor="add-layer-file">{t('addLayer.file')}</FormLabel>
        <FormFieldDescription id="add-layer-file-hint">{t('addLayer.fileHint')}</FormFieldDescription>
        {fileProblem && (
          <FormFieldErrorMessage id="add-layer-file-error" role="alert">
            {fileProblem}
          </FormFieldErrorMessage>
        )}
        <input
          id="add-layer-file"
          type="file"
          accept=".geojson,.json,application/geo+json,application/json"
          aria-describedby={fileProblem ? 'add-layer-file-hint add-layer-file-error' : 'add-layer-file-hint'}
          onChange={(event) => void openFile(event)}
        />
      </FormField>
      {layers.map((layer) => (
        <UserLayerEntry key={layer.id} layer={layer} />
      ))}
    </section>
  );
}

function UserLayerEntry({ layer }: { layer: UserLayer }) {
  const t = useTranslate();
  const language = useAppStore((s) => s.language);
  const { update, remove } = useUserLayersStore.getState();
  const toggleId = `${layer.id}-toggle`;
  const status = layer.status;
  return (
    <article className="layer-entry" data-user-layer={layer.id} data-state={status.state}>
      <FormField type="checkbox">
        <Checkbox
          id={toggleId}
          checked={layer.visible}
          onChange={(event) => update(layer.id, { visible: event.target.checked })}
        />
        <FormLabel htmlFor={toggleId} type="checkbox">
          <Heading3 className="layer-entry__title">{layer.title}</Heading3>
        </FormLabel>
      </FormField>
      <Paragraph small className="add-layer__url">
        {t(`addLayer.kind.${layer.kind}` as MessageKey)} · {layer.url}
      </Paragraph>
      {status.state === 'loading' && (
        <Paragraph small role="status">
          {t('layers.loading')}
        </Paragraph>
      )}
      {status.state === 'error' && (
        <Paragraph small role="alert" className="layer-live__error">
          {status.problem
            ? t(status.problem.key, status.problem.values)
            : status.error
              ? describeSourceError(status.error, language)
              : status.message}
        </Paragraph>
      )}
      {status.state === 'ready' && (
        <Paragraph small data-testid={`${layer.id}-status`}>
          {!status.drawable
            ? t('addLayer.notDrawable')
            : GLOBE_KINDS.includes(layer.kind)
              ? t('addLayer.drawnOnGlobe', {
                  time: formats(language).time.format(Date.parse(status.provenance.fetchedAt)),
                })
              : t('addLayer.loaded', {
                  count: status.count,
                  time: formats(language).time.format(Date.parse(status.provenance.fetchedAt)),
                })}
          {status.convertedFrom === 'rd' && ` ${t('addLayer.convertedFromRd')}`}
        </Paragraph>
      )}
      <Button appearance="secondary-action-button" onClick={() => remove(layer.id)}>
        {t('addLayer.remove')}
      </Button>
    </article>
  );
}

import {
  Button,
  FormLabel,
  Heading2,
  Heading3,
  Paragraph,
  Select,
  SelectOption,
} from '@utrecht/component-library-react';
import { useState, type ChangeEvent } from 'react';
import { useTranslate } from '../use-translate.ts';
import { useScenarioStore } from '../../state/scenario-store.ts';
import { ChangeList } from './ChangeList.tsx';
import { EXAMPLE_SCENARIOS } from './examples.ts';
import { KIND_PARTS, kindParts } from './kinds.ts';
import { ScenarioResults } from './ScenarioResults.tsx';
import { downloadScenario, readScenarioFile } from './scenario-files.ts';
import { INPUT_LIMITS } from '../../config/input-limits.ts';
import { megabytes } from '../../sources/messages.ts';
import { limitMessage } from './limit-message.ts';

/**
 * What-if scenarios: open an example or a file, see what it changes, follow the computation
 * (with a stop button), then the result. A refused file or link says why and changes nothing.
 */
export function ScenarioPanel() {
  const t = useTranslate();
  const scenario = useScenarioStore((s) => s.scenario);
  const origin = useScenarioStore((s) => s.origin);
  const status = useScenarioStore((s) => s.status);
  const progress = useScenarioStore((s) => s.progress);
  const error = useScenarioStore((s) => s.error);
  const rejected = useScenarioStore((s) => s.rejected);
  const canUndo = useScenarioStore((s) => s.undoStack.length > 0);
  const canRedo = useScenarioStore((s) => s.redoStack.length > 0);
  const { load, run, cancel, clear, dismissRejected, undo, redo } = useScenarioStore.getState();
  const [exampleId, setExampleId] = useState('');
  const Editor = scenario ? kindParts(scenario.kind)?.ui.Editor : undefined;

  const openExample = () => {
    const example = EXAMPLE_SCENARIOS.find((e) => e.id === exampleId);
    if (example) void load(example.value, { type: 'example', id: example.id }, example.name);
  };

  const openFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = ''; // the same file can be chosen again after fixing it
    if (!file) return;
    const read = await readScenarioFile(file);
    if (!read.ok) {
      const message =
        read.reason === 'tooLarge'
          ? t('scenario.fileTooLarge', { mb: megabytes(INPUT_LIMITS.scenarioBytes) })
          : t('scenario.fileUnreadable');
      useScenarioStore.setState({ rejected: { source: file.name, issues: [{ path: file.name, message }] } });
      return;
    }
    void load(read.text, { type: 'file', name: file.name }, file.name);
  };

  return (
    <section aria-labelledby="scenario-heading" className="panel-section scenario-panel">
      <Heading2 id="scenario-heading">{t('scenario.heading')}</Heading2>
      <Paragraph small>{t('scenario.intro')}</Paragraph>

      <div className="scenario-panel__open">
        <FormLabel htmlFor="scenario-example">{t('scenario.examples')}</FormLabel>
        <div className="scenario-panel__row">
          <Select id="scenario-example" value={exampleId} onChange={(e) => setExampleId(e.target.value)}>
            <SelectOption value="">{t('scenario.chooseExample')}</SelectOption>
            {EXAMPLE_SCENARIOS.map((example) => (
              <SelectOption key={example.id} value={example.id}>
                {example.name}
              </SelectOption>
            ))}
          </Select>
          <Button appearance="primary-action-button" disabled={!exampleId} onClick={openExample}>
            {t('scenario.loadExample')}
          </Button>
        </div>
        <FormLabel htmlFor="scenario-file">{t('scenario.openFile')}</FormLabel>
        <input id="scenario-file" type="file" accept=".json,application/json" onChange={openFile} />
        <div className="scenario-panel__new">
          {Object.values(KIND_PARTS).flatMap(({ definition, ui }) => {
            const blank = ui.blank;
            return blank
              ? [
                  <Button
                    key={definition.kind}
                    appearance="secondary-action-button"
                    onClick={() => void load(blank.scenario(), { type: 'new' }, t(blank.labelKey))}
                  >
                    {t(blank.labelKey)}
                  </Button>,
                ]
              : [];
          })}
        </div>
      </div>

      {rejected && (
        <div className="scenario-panel__rejected" role="alert">
          <Paragraph small>
            {rejected.source === 'link'
              ? t('scenario.rejectedLink')
              : t('scenario.rejected', { source: rejected.source })}
          </Paragraph>
          <ul>
            {rejected.issues.map((issue, i) => (
              <li key={i}>
                <code>{issue.path}</code>:{' '}
                {issue.limit ? limitMessage(issue.limit, t, rejected.source === 'link') : issue.message}
              </li>
            ))}
          </ul>
          <Button appearance="subtle-button" onClick={dismissRejected}>
            {t('scenario.dismiss')}
          </Button>
        </div>
      )}

      {scenario && (
        <article className="scenario-panel__loaded" aria-labelledby="scenario-name">
          <Heading3 id="scenario-name">{scenario.name}</Heading3>
          <Paragraph small className="scenario-panel__origin">
            {t('scenario.loaded')}:{' '}
            {origin?.type === 'file'
              ? t('scenario.origin.file', { name: origin.name })
              : t(`scenario.origin.${origin?.type ?? 'example'}` as const)}
            {canUndo && ` · ${t('scenario.edited')}`}
          </Paragraph>
          {scenario.description && <Paragraph small>{scenario.description}</Paragraph>}
          <ChangeList scenario={scenario} />
          {Editor && <Editor />}

          <div aria-live="polite" className="scenario-panel__status" data-status={status}>
            {status === 'running' && (
              <div role="status">
                <Paragraph small>{t('scenario.running', { percent: Math.round(progress * 100) })}</Paragraph>
                <progress max={1} value={progress} aria-label={t('scenario.running', { percent: '' })} />
                <Button appearance="secondary-action-button" onClick={cancel}>
                  {t('scenario.cancel')}
                </Button>
              </div>
            )}
            {status === 'cancelled' && <Paragraph small>{t('scenario.cancelled')}</Paragraph>}
            {status === 'failed' && error && (
              <div role="alert">
                <Paragraph small>{t('scenario.failed', { message: error.message })}</Paragraph>
              </div>
            )}
          </div>

          {status === 'done' && <ScenarioResults />}

          <div className="scenario-panel__actions">
            <Button appearance="secondary-action-button" disabled={!canUndo} onClick={() => void undo()}>
              {t('scenario.undo')}
            </Button>
            <Button appearance="secondary-action-button" disabled={!canRedo} onClick={() => void redo()}>
              {t('scenario.redo')}
            </Button>
            {(status === 'cancelled' || status === 'failed') && (
              <Button appearance="primary-action-button" onClick={() => void run()}>
                {t('scenario.runAgain')}
              </Button>
            )}
            <Button appearance="secondary-action-button" onClick={() => downloadScenario(scenario)}>
              {t('scenario.save')}
            </Button>
            <Button appearance="subtle-button" onClick={clear}>
              {t('scenario.close')}
            </Button>
          </div>
          <Paragraph small>{t('scenario.shareNote')}</Paragraph>
        </article>
      )}
    </section>
  );
}

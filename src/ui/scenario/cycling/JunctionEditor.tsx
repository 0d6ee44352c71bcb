import { Button, FormLabel, Paragraph, Textbox } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslate } from '../../use-translate.ts';
import { setJunctionDelay } from './cycling-edits.ts';
import type { CyclingNetworkState } from '../../../layers/scenario-result/cycling/cycling-network.ts';
import { applyEdit } from './link-edits.ts';
import { JunctionSelect } from './JunctionSelect.tsx';

/** The model accepts 0–600 s; whole seconds are precise enough for a junction's mean wait. */
const MAX_DELAY = 600;

/** Sets the mean wait at a junction (signals, giving way): choose it, type seconds, apply. */
export function JunctionEditor({ network }: { network: CyclingNetworkState }) {
  const t = useTranslate();
  const [nodeId, setNodeId] = useState('');
  const [draft, setDraft] = useState('');
  const junction = network.junctions.find((j) => j.id === nodeId);
  const seconds = Number(draft);
  const valid = draft.trim() !== '' && Number.isInteger(seconds) && seconds >= 0 && seconds <= MAX_DELAY;

  const choose = (id: string) => {
    setNodeId(id);
    const chosen = network.junctions.find((j) => j.id === id);
    setDraft(chosen ? String(Math.round(chosen.delay)) : '');
  };
  const apply = () => {
    if (!junction || !valid) return;
    applyEdit({
      edit: setJunctionDelay(junction.id, seconds, junction.baseDelay),
      label: t('scenario.cycling.change.set-junction-delay', { node: junction.name, seconds }),
    });
  };

  return (
    // Used less often than street edits: folded away until opened (a native, keyboard-operable toggle).
    <details className="cycling-editor__section cycling-editor__more">
      <summary>{t('scenario.cycling.junctionHeading')}</summary>
      <JunctionSelect
        id="cycling-junction"
        label={t('scenario.cycling.junction')}
        junctions={network.junctions}
        value={nodeId}
        onChange={choose}
      />
      {junction && (
        <>
          <FormLabel htmlFor="cycling-delay">{t('scenario.cycling.delay')}</FormLabel>
          <div className="scenario-panel__row">
            <Textbox
              id="cycling-delay"
              type="number"
              inputMode="numeric"
              min={0}
              max={MAX_DELAY}
              step={1}
              value={draft}
              invalid={!valid}
              aria-describedby="cycling-delay-hint"
              onChange={(e) => setDraft(e.target.value)}
            />
            <Button appearance="secondary-action-button" disabled={!valid} onClick={apply}>
              {t('scenario.cycling.applyDelay')}
            </Button>
          </div>
          <Paragraph small id="cycling-delay-hint">
            {t('scenario.cycling.delayHint', { base: Math.round(junction.baseDelay), max: MAX_DELAY })}
          </Paragraph>
        </>
      )}
    </details>
  );
}

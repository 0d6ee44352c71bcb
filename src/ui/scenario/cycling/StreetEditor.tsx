import {
  Button,
  FormLabel,
  Heading4,
  Paragraph,
  Select,
  SelectOption,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslate } from '../../use-translate.ts';
import type {
  CyclingNetworkState,
  LinkState,
} from '../../../layers/scenario-result/cycling/cycling-network.ts';
import { linkActionsFor } from '../../../layers/scenario-result/cycling/link-actions.ts';
import { applyLinkAction } from './link-edits.ts';
import { layoutText } from '../../../layers/scenario-result/cycling/link-text.ts';

/**
 * The keyboard way to edit a street (the same edits as clicking it on the map): choose it from the
 * list, read how it stands, and press one of the buttons.
 */
export function StreetEditor({ network }: { network: CyclingNetworkState }) {
  const t = useTranslate();
  const [linkId, setLinkId] = useState('');
  const link = network.linkById.get(linkId);
  const sorted = [...network.links].sort((a, b) => a.label.localeCompare(b.label));
  const marker = (l: LinkState) =>
    l.closed
      ? ` (${t('scenario.cycling.info.closed')})`
      : l.added
        ? ` (${t('scenario.cycling.info.added')})`
        : '';

  return (
    <section className="cycling-editor__section" aria-labelledby="cycling-street-heading">
      <Heading4 id="cycling-street-heading">{t('scenario.cycling.streetHeading')}</Heading4>
      <FormLabel htmlFor="cycling-street">{t('scenario.cycling.street')}</FormLabel>
      <Select id="cycling-street" value={link ? linkId : ''} onChange={(e) => setLinkId(e.target.value)}>
        <SelectOption value="">{t('scenario.cycling.chooseStreet')}</SelectOption>
        {sorted.map((l) => (
          <SelectOption key={l.id} value={l.id}>
            {l.label}
            {marker(l)}
          </SelectOption>
        ))}
      </Select>
      {link && (
        <>
          <Paragraph small aria-live="polite" data-testid="cycling-street-status">
            {t('scenario.cycling.status', { layout: layoutText(link, t) })}
          </Paragraph>
          <div className="cycling-editor__actions">
            {linkActionsFor(link).map((action, i) => (
              // The first button toggles the street (close / reopen) and keeps its place and focus.
              <Button
                key={i === 0 ? 'state' : action.id}
                appearance={i === 0 ? 'primary-action-button' : 'secondary-action-button'}
                onClick={() => applyLinkAction(action, t)}
              >
                {t(action.labelKey, action.labelValues)}
              </Button>
            ))}
          </div>
        </>
      )}
    </section>
  );
}

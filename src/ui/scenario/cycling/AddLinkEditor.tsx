import { Button, Heading4, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { useTranslate } from '../../use-translate.ts';
import { useMapToolStore } from '../../../state/map-tool-store.ts';
import {
  ADD_LINK_TOOL,
  addLinkEdit,
  CLICK_SNAP_METRES,
  startAddLinkTool,
  stopAddLinkTool,
  type DrawingState,
} from './add-link-tool.ts';
import type { CyclingNetworkState } from '../../../layers/scenario-result/cycling/cycling-network.ts';
import { applyEdit } from './link-edits.ts';
import { JunctionSelect } from './JunctionSelect.tsx';

/**
 * A new bridge or bike street: drawn on the map (two clicks, each at a junction) with instructions
 * and a stop button, or chosen as two junctions from lists, without a mouse.
 */
export function AddLinkEditor({ network }: { network: CyclingNetworkState }) {
  const t = useTranslate();
  const drawing = useMapToolStore((s) => s.tool?.id === ADD_LINK_TOOL);
  const [state, setState] = useState<DrawingState>({ next: 'from', from: null, problem: null });
  const [fromId, setFromId] = useState('');
  const [toId, setToId] = useState('');
  const from = network.junctions.find((j) => j.id === fromId);
  const to = network.junctions.find((j) => j.id === toId);

  // The tool belongs to this editor: put it away when the editor goes (another scenario, closed panel).
  useEffect(() => stopAddLinkTool, []);

  const instruction = () => {
    const problem =
      state.problem === 'noJunction'
        ? `${t('scenario.cycling.draw.noJunction', { metres: CLICK_SNAP_METRES })} `
        : state.problem === 'sameJunction'
          ? `${t('scenario.cycling.draw.sameJunction')} `
          : '';
    const next =
      state.next === 'from' || !state.from
        ? t('scenario.cycling.draw.first')
        : t('scenario.cycling.draw.second', { from: state.from.name });
    return problem + next;
  };

  return (
    <section className="cycling-editor__section" aria-labelledby="cycling-add-heading">
      <Heading4 id="cycling-add-heading">{t('scenario.cycling.addHeading')}</Heading4>
      <Paragraph small>{t('scenario.cycling.addIntro')}</Paragraph>
      {/* The live region stays in place so each new instruction is announced. */}
      <div role="status" data-testid="cycling-draw-status">
        {drawing && (
          <Paragraph small className="cycling-editor__drawing">
            {instruction()}
          </Paragraph>
        )}
      </div>
      {/* One button that starts and stops drawing, so keyboard focus stays on it. */}
      <Button
        appearance="secondary-action-button"
        onClick={() => (drawing ? stopAddLinkTool() : startAddLinkTool(t, setState))}
      >
        {t(drawing ? 'scenario.cycling.draw.stop' : 'scenario.cycling.draw.start')}
      </Button>
      <details className="cycling-editor__more">
        <summary>{t('scenario.cycling.addByList')}</summary>
        <JunctionSelect
          id="cycling-add-from"
          label={t('scenario.cycling.addFrom')}
          junctions={network.junctions}
          value={fromId}
          onChange={setFromId}
        />
        <JunctionSelect
          id="cycling-add-to"
          label={t('scenario.cycling.addTo')}
          junctions={network.junctions}
          value={toId}
          onChange={setToId}
          disabledId={fromId}
        />
        <Button
          appearance="secondary-action-button"
          disabled={!from || !to || from.id === to.id}
          onClick={() => from && to && applyEdit(addLinkEdit(network, from, to, t))}
        >
          {t('scenario.cycling.addLink')}
        </Button>
      </details>
    </section>
  );
}

// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { translator } from '../../../i18n/translate.ts';
import type { CyclingChange } from '../../../scenarios/cycling/definition.ts';
import { useAppStore } from '../../../state/app-store.ts';
import { useMapToolStore } from '../../../state/map-tool-store.ts';
import { useScenarioStore } from '../../../state/scenario-store.ts';
import { ChangeList, describeChange } from '../ChangeList.tsx';
import { ADD_LINK_TOOL, startAddLinkTool, type DrawingState } from './add-link-tool.ts';
import { CyclingEditor } from './CyclingEditor.tsx';
import { CyclingResults } from './CyclingResults.tsx';
import { blankCyclingScenario } from './cycling-ui.ts';
import {
  bridgeExample,
  installInProcessStore,
  roadworksExample,
  runFinished,
} from '../../../../tests/support/cycling-in-process.ts';

let restore: () => void;
beforeEach(() => {
  useAppStore.setState({ language: 'nl' });
  restore = installInProcessStore();
});
afterEach(() => {
  cleanup();
  useMapToolStore.getState().setTool(null);
  restore();
});

const changes = () => useScenarioStore.getState().scenario!.changes as CyclingChange[];
const odRow = (od: string) => document.querySelector(`[data-od="${od}"]`) as HTMLElement;
const NEUDE_CENTRAAL = 'Neude (binnenstad noord) → Utrecht Centraal (station en stallingen)';

describe('cycling results in the panel', () => {
  it('shows the travel-time table with rows over the detour limit marked in words, and the hotspots', async () => {
    await useScenarioStore
      .getState()
      .load({ ...roadworksExample, run: { dayType: 'weekday', hour: 8 } }, { type: 'new' }, 'x');
    render(<CyclingResults />);
    const table = screen.getByTestId('cycling-od-table');
    expect(within(table).getByText(/werkdag, 08:00–09:00/)).toBeTruthy();
    const row = odRow(NEUDE_CENTRAAL);
    expect(within(row).getByRole('rowheader').textContent).toMatch(
      /^Neude → Utrecht Centraal\d+ ritten per uur$/,
    );
    expect(row.textContent).toContain('te veel omweg');
    expect(row.className).toContain('flagged');
    const calm = odRow('Utrecht Centraal (station en stallingen) → Vredenburg / Hoog Catharijne');
    expect(calm.textContent).not.toContain('te veel omweg');
    expect(screen.getByTestId('cycling-detour').textContent).toMatch(
      /^[\d.]+ ritten per uur \(\d+ verbindingen/,
    );
    const hotspots = screen.getByTestId('cycling-hotspots');
    expect(hotspots.firstElementChild?.textContent).toMatch(
      // 3,375 cyclists/h on 3.5 m; LoS F begins at 630 · 3.5 / 3 = 735/h (Botma 1995): 4.59 ×.
      /^Geertebrug – Springweg: 4,59 × de grens van niveau F, 3\.375 fietsers per uur/,
    );
    expect(within(hotspots).getAllByRole('listitem')).toHaveLength(8);
    expect(screen.getByText(/^En nog \d+ straten\.$/)).toBeTruthy();
    expect(screen.queryByTestId('cycling-unservable')).toBeNull();
  });

  it('opens a scenario about one hour at that hour, and leaves playback alone after an edit', async () => {
    await useScenarioStore.getState().load(bridgeExample, { type: 'example', id: 'bridge' }, 'x');
    expect(useScenarioStore.getState().step).toBe(8);
    render(<CyclingResults />);
    expect(useScenarioStore.getState().step).toBe(17);
    useScenarioStore.getState().setStep(9);
    await useScenarioStore.getState().edit((s) => ({ ...s, name: 'anders' }), 'x');
    cleanup();
    render(<CyclingResults />);
    expect(useScenarioStore.getState().step).toBe(9);
  });

  it('calls out trips that lose their route', async () => {
    // Closing both links to Lombok cuts the zone off.
    const scenario = blankCyclingScenario();
    scenario.changes = [
      { type: 'close-link', link: 'daalsetunnel' },
      { type: 'close-link', link: 'jaarbeurs-lombok' },
    ];
    await useScenarioStore.getState().load(scenario, { type: 'new' }, 'x');
    render(<CyclingResults />);
    expect(screen.getByTestId('cycling-unservable').textContent).toMatch(
      /^Let op: [\d.]+ ritten per dag hebben geen route meer/,
    );
    const flagged = [...document.querySelectorAll('.cycling-od__row--flagged')].map((r) => r.textContent);
    expect(
      flagged.some((text) => text?.startsWith('Lombok / Leidsche Rijn →') && text.includes('geen route')),
    ).toBe(true);
  });
});

describe('editing a cycling scenario without a mouse', () => {
  it('closes a street from the list, runs again, and the change list says so; undo brings it back', async () => {
    await useScenarioStore.getState().load(blankCyclingScenario(), { type: 'new' }, 'x');
    render(
      <>
        <ChangeList scenario={useScenarioStore.getState().scenario!} />
        <CyclingEditor />
      </>,
    );
    fireEvent.change(screen.getByLabelText('Straat'), { target: { value: 'vredenburg' } });
    expect(screen.getByTestId('cycling-street-status').textContent).toBe(
      'Nu: open, twee richtingen, 18 km/u, 10 m breed.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Afsluiten voor fietsers' }));
    await runFinished();
    expect(changes()).toEqual([{ type: 'close-link', link: 'vredenburg' }]);
    expect(screen.getByTestId('cycling-street-status').textContent).toBe('Nu: afgesloten voor fietsers.');
    expect(screen.getByRole('button', { name: 'Weer openstellen voor fietsers' })).toBeTruthy();
    cleanup();
    render(<ChangeList scenario={useScenarioStore.getState().scenario!} />);
    expect(screen.getByRole('listitem').textContent).toBe('Afgesloten voor fietsers: Vredenburg');
    await useScenarioStore.getState().undo();
    expect(changes()).toEqual([]);
  });

  it('sets the hour and day type, and follows the hour on the map', async () => {
    await useScenarioStore.getState().load(blankCyclingScenario(), { type: 'new' }, 'x');
    render(<CyclingEditor />);
    fireEvent.change(screen.getByLabelText('Uur voor de reistijden en knelpunten'), {
      target: { value: '17' },
    });
    await runFinished();
    expect(useScenarioStore.getState().scenario!.run).toEqual({ dayType: 'weekday', hour: 17 });
    expect(useScenarioStore.getState().step).toBe(17);
    fireEvent.click(screen.getByLabelText('weekenddag'));
    await runFinished();
    expect(useScenarioStore.getState().scenario!.run).toEqual({ dayType: 'weekend', hour: 17 });
  });

  it('changes a junction’s wait and adds a link chosen from two lists', async () => {
    await useScenarioStore.getState().load(blankCyclingScenario(), { type: 'new' }, 'x');
    render(<CyclingEditor />);
    fireEvent.change(screen.getByLabelText('Kruispunt'), { target: { value: 'neude' } });
    const delay = screen.getByLabelText('Gemiddelde wachttijd (seconden)') as HTMLInputElement;
    expect(delay.value).toBe('5');
    fireEvent.change(delay, { target: { value: '45' } });
    fireEvent.click(screen.getByRole('button', { name: 'Wachttijd toepassen' }));
    await runFinished();
    fireEvent.change(screen.getByLabelText('Begint bij'), { target: { value: 'neude' } });
    fireEvent.change(screen.getByLabelText('Eindigt bij'), { target: { value: 'mariaplaats' } });
    fireEvent.click(screen.getByRole('button', { name: 'Verbinding toevoegen' }));
    await runFinished();
    expect(changes()).toEqual([
      { type: 'set-junction-delay', node: 'neude', seconds: 45 },
      {
        type: 'add-link',
        id: 'nieuw-1',
        name: 'Nieuwe verbinding Neude – Mariaplaats',
        from: 'neude',
        to: 'mariaplaats',
      },
    ]);
    const t = translator('nl');
    const nodeName = (id: string) => (id === 'neude' ? 'Neude' : id);
    expect(describeChange('cycling-route', changes()[0], t, (id) => id, nodeName)).toBe(
      'Wachttijd bij Neude: 45 s',
    );
    expect(describeChange('cycling-route', changes()[1], t)).toBe(
      'Nieuwe verbinding: Nieuwe verbinding Neude – Mariaplaats',
    );
  });
});

describe('drawing a new link on the map', () => {
  it('snaps two clicks to junctions, says what to do next, and adds the link', async () => {
    await useScenarioStore.getState().load(blankCyclingScenario(), { type: 'new' }, 'x');
    const states: DrawingState[] = [];
    startAddLinkTool(translator('nl'), (s) => states.push(s));
    const click = (lon: number, lat: number) => useMapToolStore.getState().tool!.onPoint(lon, lat);
    click(5.1, 52.1); // nowhere near a junction
    expect(states.at(-1)).toMatchObject({ next: 'from', problem: 'noJunction' });
    click(5.11475, 52.09031); // by Catharijnesingel / Lange Elisabethstraat
    expect(states.at(-1)).toMatchObject({ next: 'to', from: { id: 'catharijne-zuid' }, problem: null });
    click(5.11501, 52.09029); // the same junction again
    expect(states.at(-1)).toMatchObject({ next: 'to', problem: 'sameJunction' });
    click(5.1186, 52.0896); // Mariaplaats
    expect(useMapToolStore.getState().tool).toBeNull();
    await runFinished();
    expect(changes()).toEqual([
      {
        type: 'add-link',
        id: 'nieuw-1',
        name: 'Nieuwe verbinding Catharijnesingel / Lange Elisabethstraat – Mariaplaats',
        from: 'catharijne-zuid',
        to: 'mariaplaats',
      },
    ]);
  });

  it('shows instructions and a stop button while drawing', async () => {
    await useScenarioStore.getState().load(blankCyclingScenario(), { type: 'new' }, 'x');
    render(<CyclingEditor />);
    fireEvent.click(screen.getByRole('button', { name: 'Verbinding tekenen op de kaart' }));
    expect(useMapToolStore.getState().tool?.id).toBe(ADD_LINK_TOOL);
    expect(screen.getByTestId('cycling-draw-status').textContent).toMatch(
      /^Klik op de kaart bij het kruispunt/,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Stoppen met tekenen' }));
    expect(useMapToolStore.getState().tool).toBeNull();
    expect(screen.getByRole('button', { name: 'Verbinding tekenen op de kaart' })).toBeTruthy();
  });
});

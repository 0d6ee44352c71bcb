import type { MessageKey } from '../../../i18n/nl.ts';
import { translator, type Translate } from '../../../i18n/translate.ts';
import {
  cyclingRouteDefinition,
  type CyclingChange,
  type CyclingScenario,
} from '../../../scenarios/cycling/definition.ts';
import { useAppStore } from '../../../state/app-store.ts';
import type { ElementNames, KindUi } from '../kind-parts.ts';
import { CyclingEditor } from './CyclingEditor.tsx';
import { CyclingResults } from './CyclingResults.tsx';
import { applyLinkAction } from './link-edits.ts';

/** The cycling indicators in the order a planner reads them. */
export const CYCLING_INDICATORS: readonly (readonly [string, MessageKey])[] = [
  ['totalTrips', 'scenario.ind.totalTrips'],
  ['unservableTrips', 'scenario.ind.unservableTrips'],
  ['tripsOverDetour', 'scenario.ind.tripsOverDetour'],
  ['odPairsOverDetour', 'scenario.ind.odPairsOverDetour'],
  ['meanTripMinutes', 'scenario.ind.meanTripMinutes'],
  ['hotspots', 'scenario.ind.hotspots'],
  ['worstHotspot', 'scenario.ind.worstHotspot'],
  ['cycledKm', 'scenario.ind.cycledKm'],
];

/** A new cycling scenario: no changes yet, an average weekday, named in the user's language. */
export function blankCyclingScenario(): CyclingScenario {
  const t = translator(useAppStore.getState().language);
  return {
    version: 1,
    kind: cyclingRouteDefinition.kind,
    name: t('scenario.cycling.blankName'),
    baseline: cyclingRouteDefinition.baseline.id,
    changes: [],
    run: { dayType: 'weekday' },
  };
}

export function describeCyclingChange(change: CyclingChange, t: Translate, names: ElementNames): string {
  switch (change.type) {
    case 'close-link':
      return t('scenario.cycling.change.close-link', { link: names.link(change.link) });
    case 'add-link': {
      // An end is a junction id or a point that snaps to the nearest junction.
      const end = (ref: typeof change.from) =>
        typeof ref === 'string' ? names.node(ref) : `${ref.lat.toFixed(5)}, ${ref.lon.toFixed(5)}`;
      return t('scenario.cycling.change.add-link', {
        name: change.name ?? `${end(change.from)} – ${end(change.to)}`,
      });
    }
    case 'one-way':
      if (change.direction === 'both')
        return t('scenario.cycling.change.two-way', { link: names.link(change.link) });
      return t('scenario.cycling.change.one-way', { link: names.link(change.link) });
    case 'set-speed':
      return t('scenario.cycling.change.set-speed', { link: names.link(change.link), speed: change.speed });
    case 'set-width':
      return t('scenario.cycling.change.set-width', { link: names.link(change.link), width: change.width });
    case 'set-junction-delay':
      return t('scenario.cycling.change.set-junction-delay', {
        node: names.node(change.node),
        seconds: change.seconds,
      });
  }
}

/** The cycling kind's panel part: street, junction and new-link editing, OD table and hotspots. */
export const cyclingRouteUi: KindUi<typeof cyclingRouteDefinition> = {
  Results: CyclingResults,
  Editor: CyclingEditor,
  blank: { labelKey: 'scenario.cycling.new', scenario: blankCyclingScenario },
  indicators: CYCLING_INDICATORS,
  describeChange: describeCyclingChange,
  applyAction: applyLinkAction,
};

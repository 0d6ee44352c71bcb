import type { ComponentType } from 'react';
import type { MessageKey } from '../../i18n/nl.ts';
import type { Scenario } from '../../scenarios/engine/types.ts';
import { translator } from '../../i18n/translate.ts';
import { useAppStore } from '../../state/app-store.ts';
import { CrowdWarnings } from './CrowdWarnings.tsx';
import { CyclingEditor } from './cycling/CyclingEditor.tsx';
import { CyclingResults } from './cycling/CyclingResults.tsx';
import { blankCyclingScenario, CYCLING_INDICATORS } from './cycling/kind.ts';
import { HeatEditor } from './heat/HeatEditor.tsx';

/**
 * What the scenario panel shows for each kind beyond the shared parts (load, run, playback,
 * indicators, notes): a results section (e.g. bottlenecks, an OD table), an editor for drawing or
 * picking changes on the map, and a blank scenario to start from.
 */
export interface KindUi {
  Results?: ComponentType;
  Editor?: ComponentType;
  /** A new, empty scenario of this kind (its baseline and default run settings). */
  blank?: { labelKey: MessageKey; scenario: () => Scenario };
  /** Indicators with a text of their own, in the order a reader wants them. */
  indicators?: readonly (readonly [string, MessageKey])[];
}

export const KIND_UI: Readonly<Record<string, KindUi>> = {
  'heat-greening': {
    Editor: HeatEditor,
    blank: {
      labelKey: 'scenario.heat.new',
      scenario: () => ({
        version: 1,
        kind: 'heat-greening',
        name: translator(useAppStore.getState().language)('scenario.heat.newName'),
        baseline: 'utrecht-centre-heat-sample',
        changes: [],
        run: {},
      }),
    },
    indicators: [
      ['drawn.meanPetChange', 'scenario.ind.drawn.meanPetChange'],
      ['pet.mean', 'scenario.ind.pet.mean'],
      ['pet.max', 'scenario.ind.pet.max'],
      ['shade.share', 'scenario.ind.shade.share'],
      ['area.class5', 'scenario.ind.area.class5'],
      ['area.class4', 'scenario.ind.area.class4'],
      ['area.class3', 'scenario.ind.area.class3'],
      ['area.class2', 'scenario.ind.area.class2'],
      ['coolPlace.area', 'scenario.ind.coolPlace.area'],
      ['nearby.homes.meanDistance', 'scenario.ind.nearby.homes.meanDistance'],
      ['nearby.homes.shareBeyond300m', 'scenario.ind.nearby.homes.shareBeyond300m'],
      ['drawn.area', 'scenario.ind.drawn.area'],
    ],
  },
  'cycling-route': {
    Results: CyclingResults,
    Editor: CyclingEditor,
    blank: { labelKey: 'scenario.cycling.new', scenario: blankCyclingScenario },
    indicators: CYCLING_INDICATORS,
  },
  'crowd-event': {
    Results: CrowdWarnings,
    indicators: [
      ['peakDensity', 'scenario.ind.peakDensity'],
      ['maxMinutesAbove.warning', 'scenario.ind.maxMinutesAbove.warning'],
      ['maxMinutesAbove.alert', 'scenario.ind.maxMinutesAbove.alert'],
      ['linkMinutesAbove.warning', 'scenario.ind.linkMinutesAbove.warning'],
      ['worstBottleneckDelay', 'scenario.ind.worstBottleneckDelay'],
      ['unroutable', 'scenario.ind.unroutable'],
      ['waitingAtEnd', 'scenario.ind.waitingAtEnd'],
    ],
  },
};

export function kindUi(kind: string): KindUi {
  return Object.hasOwn(KIND_UI, kind) ? KIND_UI[kind]! : {};
}

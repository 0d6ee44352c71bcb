import type { MessageKey } from '../../../i18n/nl.ts';
import { translator } from '../../../i18n/translate.ts';
import type { CyclingScenario } from '../../../scenarios/cycling/definition.ts';
import type { Scenario } from '../../../scenarios/engine/types.ts';
import { useAppStore } from '../../../state/app-store.ts';

/** The bike network every cycling scenario of this app is a diff over. */
export const CYCLING_BASELINE = 'utrecht-centre-bike-sample';

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
export function blankCyclingScenario(): Scenario {
  const t = translator(useAppStore.getState().language);
  const scenario: CyclingScenario = {
    version: 1,
    kind: 'cycling-route',
    name: t('scenario.cycling.blankName'),
    baseline: CYCLING_BASELINE,
    changes: [],
    run: { dayType: 'weekday' },
  };
  return scenario;
}

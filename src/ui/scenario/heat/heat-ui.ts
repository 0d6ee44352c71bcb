import { translator } from '../../../i18n/translate.ts';
import { heatGreeningDefinition } from '../../../scenarios/heat/definition.ts';
import { useAppStore } from '../../../state/app-store.ts';
import type { KindUi } from '../kind-parts.ts';
import { describeHeatChange } from './heat-change-text.ts';
import { HeatEditor } from './HeatEditor.tsx';

/** The heat kind's panel part: drawing greening on the map, a blank scenario, its indicators. */
export const heatGreeningUi: KindUi<typeof heatGreeningDefinition> = {
  Editor: HeatEditor,
  blank: {
    labelKey: 'scenario.heat.new',
    scenario: () => ({
      version: 1,
      kind: heatGreeningDefinition.kind,
      name: translator(useAppStore.getState().language)('scenario.heat.newName'),
      baseline: heatGreeningDefinition.baseline.id,
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
  describeChange: (change, t) => describeHeatChange(change, t),
};

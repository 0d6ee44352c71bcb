import type { Translate } from '../../../i18n/translate.ts';
import type { CrowdChange, crowdEventDefinition } from '../../../scenarios/crowd/definition.ts';
import type { ElementNames, KindUi } from '../kind-parts.ts';
import { CrowdWarnings } from './CrowdWarnings.tsx';

function describeCrowdChange(change: CrowdChange, t: Translate, names: ElementNames): string {
  switch (change.type) {
    case 'event':
      return t('scenario.crowd.change.event', {
        name: change.name ?? '',
        visitors: change.visitors,
        arrive: `${change.arrival.from}–${change.arrival.until}`,
        leave: `${change.departure.from}–${change.departure.until}`,
      });
    case 'close-link':
      return t('scenario.crowd.change.close-link', { link: names.link(change.link) });
    case 'set-width':
      return t('scenario.crowd.change.set-width', { link: names.link(change.link), width: change.width });
    case 'one-way':
      return t('scenario.crowd.change.one-way', { link: names.link(change.link) });
    case 'scale-background':
      return t('scenario.crowd.change.scale-background', { factor: change.factor });
  }
}

/** The crowd event's panel part: its bottleneck warnings and the indicators a reader wants first. */
export const crowdEventUi: KindUi<typeof crowdEventDefinition> = {
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
  describeChange: describeCrowdChange,
};

import type { Translate } from '../../../i18n/translate.ts';
import type { LinkState } from './cycling-network.ts';

/** Which way a link may be cycled, in words: "two-way" or "only towards Neude". */
export function directionText(link: LinkState, t: Translate): string {
  if (link.direction === 'both') return t('scenario.cycling.info.twoWay');
  return t('scenario.cycling.info.oneWayTo', {
    node: link.direction === 'forward' ? link.toName : link.fromName,
  });
}

/** How a link stands in the scenario: "open, two-way, 18 km/h, 4 m wide" or "closed to cyclists". */
export function layoutText(link: LinkState, t: Translate): string {
  if (link.closed) return t('scenario.cycling.info.closed');
  return t(link.added ? 'scenario.cycling.layout.added' : 'scenario.cycling.layout.open', {
    direction: directionText(link, t),
    speed: Math.round(link.speed * 10) / 10,
    width: link.width,
  });
}

import { Paragraph } from '@utrecht/component-library-react';
import type { Translate } from '../../i18n/translate.ts';
import { useTranslate } from '../../i18n/use-translate.ts';
import type { CrowdChange } from '../../scenarios/crowd/definition.ts';
import type { CyclingChange } from '../../scenarios/cycling/definition.ts';
import type { HeatChange } from '../../scenarios/heat/changes.ts';
import { describeHeatChange } from './heat/heat-change-text.ts';
import type { Scenario } from '../../scenarios/engine/types.ts';
import { useScenarioStore } from '../../state/scenario-store.ts';

/** Each change of a scenario in one plain sentence (kinds without texts show their type). */
export function ChangeList({ scenario }: { scenario: Scenario }) {
  const t = useTranslate();
  const baselineData = useScenarioStore((s) => s.baselineData);
  const names = elementNames(baselineData);
  const nodeNames = elementNames(baselineData, 'nodes');
  return (
    <>
      <Paragraph small className="scenario-panel__changes-heading">
        {t('scenario.changes')}
      </Paragraph>
      <ul className="scenario-panel__changes">
        {scenario.changes.map((change, i) => (
          <li key={i}>
            {describeChange(
              scenario.kind,
              change,
              t,
              (id) => names.get(id) ?? id,
              (id) => nodeNames.get(id) ?? id,
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

/** Display names of a baseline's links or nodes (any baseline file with `links: [{id, name}]`). */
function elementNames(baselineData: unknown, list: 'links' | 'nodes' = 'links'): Map<string, string> {
  const links = (baselineData as Record<string, unknown> | null)?.[list];
  if (!Array.isArray(links)) return new Map();
  return new Map(
    links.flatMap((l: { id?: unknown; name?: unknown }) =>
      typeof l.id === 'string' && typeof l.name === 'string' ? [[l.id, l.name] as const] : [],
    ),
  );
}

export function describeChange(
  kind: string,
  change: unknown,
  t: Translate,
  nameOf: (id: string) => string = (id) => id,
  nodeNameOf: (id: string) => string = (id) => id,
): string {
  if (kind === 'crowd-event') return describeCrowdChange(change as CrowdChange, t, nameOf);
  if (kind === 'heat-greening') return describeHeatChange(change as HeatChange, t);
  if (kind === 'cycling-route') return describeCyclingChange(change as CyclingChange, t, nameOf, nodeNameOf);
  const type = (change as { type?: unknown }).type;
  return typeof type === 'string' ? type : JSON.stringify(change);
}

function describeCrowdChange(change: CrowdChange, t: Translate, nameOf: (id: string) => string): string {
  switch (change.type) {
    case 'event':
      return t('scenario.crowd.change.event', {
        name: change.name ?? '',
        visitors: change.visitors,
        arrive: `${change.arrival.from}–${change.arrival.until}`,
        leave: `${change.departure.from}–${change.departure.until}`,
      });
    case 'close-link':
      return t('scenario.crowd.change.close-link', { link: nameOf(change.link) });
    case 'set-width':
      return t('scenario.crowd.change.set-width', { link: nameOf(change.link), width: change.width });
    case 'one-way':
      return t('scenario.crowd.change.one-way', { link: nameOf(change.link) });
    case 'scale-background':
      return t('scenario.crowd.change.scale-background', { factor: change.factor });
  }
}

function describeCyclingChange(
  change: CyclingChange,
  t: Translate,
  nameOf: (id: string) => string,
  nodeNameOf: (id: string) => string,
): string {
  switch (change.type) {
    case 'close-link':
      return t('scenario.cycling.change.close-link', { link: nameOf(change.link) });
    case 'add-link': {
      // An end is a junction id or a point that snaps to the nearest junction.
      const end = (ref: typeof change.from) =>
        typeof ref === 'string' ? nodeNameOf(ref) : `${ref.lat.toFixed(5)}, ${ref.lon.toFixed(5)}`;
      return t('scenario.cycling.change.add-link', {
        name: change.name ?? `${end(change.from)} – ${end(change.to)}`,
      });
    }
    case 'one-way':
      if (change.direction === 'both')
        return t('scenario.cycling.change.two-way', { link: nameOf(change.link) });
      return t('scenario.cycling.change.one-way', { link: nameOf(change.link) });
    case 'set-speed':
      return t('scenario.cycling.change.set-speed', { link: nameOf(change.link), speed: change.speed });
    case 'set-width':
      return t('scenario.cycling.change.set-width', { link: nameOf(change.link), width: change.width });
    case 'set-junction-delay':
      return t('scenario.cycling.change.set-junction-delay', {
        node: nodeNameOf(change.node),
        seconds: change.seconds,
      });
  }
}

import { Paragraph } from '@utrecht/component-library-react';
import type { Translate } from '../../i18n/translate.ts';
import { useTranslate } from '../use-translate.ts';
import type { Scenario } from '../../scenarios/engine/types.ts';
import { useScenarioStore } from '../../state/scenario-store.ts';
import { kindParts } from './kinds.ts';

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

/** One change in one plain sentence, by its kind's UI part (a kind without one shows the type). */
export function describeChange(
  kind: string,
  change: unknown,
  t: Translate,
  nameOf: (id: string) => string = (id) => id,
  nodeNameOf: (id: string) => string = (id) => id,
): string {
  const parts = kindParts(kind);
  if (parts) return parts.ui.describeChange(change, t, { link: nameOf, node: nodeNameOf });
  const type = (change as { type?: unknown }).type;
  return typeof type === 'string' ? type : JSON.stringify(change);
}

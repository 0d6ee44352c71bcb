import {
  Button,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Paragraph,
} from '@utrecht/component-library-react';
import { useTranslate } from './use-translate.ts';
import { useAppStore } from '../state/app-store.ts';
import { buildingFacts } from './building-facts.ts';

/** The picked building's attributes; also the text alternative to looking at the map. */
export function BuildingInfo() {
  const t = useTranslate();
  const selection = useAppStore((s) => s.selection);
  const select = useAppStore((s) => s.select);
  return (
    <aside
      className="building-info"
      aria-labelledby="building-heading"
      aria-live="polite"
      data-testid="building-info"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && selection) select(null);
      }}
    >
      <div className="building-info__header">
        <Heading2 id="building-heading">{t('building.heading')}</Heading2>
        {selection && (
          <Button appearance="subtle-button" onClick={() => select(null)}>
            {t('building.close')}
          </Button>
        )}
      </div>
      {selection ? (
        <DataList>
          {buildingFacts(selection, t).map((fact) => (
            <DataListItem key={fact.key} data-fact={fact.key}>
              <DataListKey>{fact.label}</DataListKey>
              <DataListValue>{fact.value}</DataListValue>
            </DataListItem>
          ))}
        </DataList>
      ) : (
        <Paragraph small>{t('building.none')}</Paragraph>
      )}
    </aside>
  );
}

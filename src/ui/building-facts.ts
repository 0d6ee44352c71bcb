import type { MessageKey } from '../i18n/nl.ts';
import type { Translate } from '../i18n/translate.ts';
import type { SelectedBuilding } from '../state/app-store.ts';
import { BUILDING_SOURCES } from '../config/buildings.ts';

export interface BuildingFact {
  label: string;
  value: string;
  /** Machine-readable name for tests and styling. */
  key: string;
}

const ROOF_TYPES = new Set(['slanted', 'multiple horizontal', 'single horizontal', 'horizontal']);

/** Turns raw 3DBAG-style attributes into labelled, unit-bearing lines in the user's language. */
export function buildingFacts(building: SelectedBuilding, t: Translate): BuildingFact[] {
  const p = building.properties;
  const num = (key: string) => (typeof p[key] === 'number' ? (p[key] as number) : null);
  const metres = (value: number | null) => (value === null ? t('building.unknown') : t('unit.m', { value }));
  const ground = num('b3_h_maaiveld');
  const ridge = num('b3_h_nok');
  const roof = typeof p['b3_dak_type'] === 'string' ? p['b3_dak_type'] : '';
  const facts: BuildingFact[] = [];
  if (typeof p['naam'] === 'string' && p['naam'].length > 0) {
    facts.push({ key: 'naam', label: t('building.naam'), value: p['naam'] });
  }
  facts.push(
    {
      key: 'identificatie',
      label: t('building.identificatie'),
      value: String(p['identificatie'] ?? t('building.unknown')),
    },
    {
      key: 'height',
      label: t('building.height'),
      value: metres(ground !== null && ridge !== null ? Math.round((ridge - ground) * 10) / 10 : null),
    },
    {
      key: 'year',
      label: t('building.year'),
      value: num('oorspronkelijkbouwjaar')?.toString() ?? t('building.unknown'),
    },
    {
      key: 'roof',
      label: t('building.roof'),
      value: t((ROOF_TYPES.has(roof) ? `roof.${roof}` : 'roof.unknown') as MessageKey),
    },
    {
      key: 'storeys',
      label: t('building.storeys'),
      value: num('b3_bouwlagen')?.toString() ?? t('building.unknown'),
    },
    { key: 'ridge', label: t('building.ridge'), value: metres(ridge) },
    { key: 'ground', label: t('building.ground'), value: metres(ground) },
    {
      key: 'source',
      label: t('building.source'),
      value:
        building.dataSource === 'sample'
          ? t('building.sourceSample')
          : t('building.source3dbag', { version: BUILDING_SOURCES['3dbag'].version }),
    },
  );
  return facts;
}

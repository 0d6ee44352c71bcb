import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/translate.ts';
import { buildingFacts } from './building-facts.ts';

const domtoren = {
  dataSource: 'sample' as const,
  properties: {
    identificatie: 'sample.pand.domtoren',
    naam: 'Domtoren',
    b3_h_maaiveld: 4.2,
    b3_h_nok: 116.5,
    oorspronkelijkbouwjaar: 1382,
    b3_dak_type: 'slanted',
    b3_bouwlagen: 8,
  },
};

describe('building facts', () => {
  it('labels the attributes in Dutch with units and derives the height above ground', () => {
    const facts = Object.fromEntries(buildingFacts(domtoren, translator('nl')).map((f) => [f.key, f]));
    expect(facts['height']?.value).toBe('112,3 m');
    expect(facts['height']?.label).toBe('Hoogte boven maaiveld');
    expect(facts['roof']?.value).toBe('schuin dak');
    expect(facts['year']?.value).toBe('1382');
    expect(facts['source']?.value).toContain('geen officiële registratie');
  });

  it('says "unknown" for missing values and names 3DBAG with its version and licence', () => {
    const facts = buildingFacts(
      { dataSource: '3dbag', properties: { identificatie: 'NL.IMBAG.Pand.1' } },
      translator('en'),
    );
    const byKey = Object.fromEntries(facts.map((f) => [f.key, f.value]));
    expect(byKey['height']).toBe('unknown');
    expect(byKey['naam']).toBeUndefined();
    expect(byKey['source']).toMatch(/3DBAG v\d+ .*CC BY 4\.0/);
  });
});

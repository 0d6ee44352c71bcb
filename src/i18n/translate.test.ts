import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { nl } from './nl.ts';
import { translator } from './translate.ts';

describe('i18n', () => {
  it('has every Dutch key in English and no extra ones', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
  });

  it('keeps the same placeholders in every language', () => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(nl) as (keyof typeof nl)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(nl[key]));
    }
  });

  it('fills placeholders and formats numbers per language', () => {
    expect(translator('nl')('unit.m', { value: 112.3 })).toBe('112,3 m');
    expect(translator('en')('unit.m', { value: 112.3 })).toBe('112.3 m');
    // Issue 15: a tiny negative change read "-0".
    expect(translator('nl')('unit.m', { value: -0.001 })).toBe('0 m');
    expect(translator('nl')('search.noResults', { query: 'xyz' })).toBe('Niets gevonden voor “xyz”.');
  });
});

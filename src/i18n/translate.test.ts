import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { nl } from './nl.ts';
import { countKey, translator } from './translate.ts';

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

  it('names the same PET height in the heat legend and in the run note', () => {
    // Issue 15: the legend said 1.1 m while the note said 1.2 m (the model's height, where its wind is taken).
    const height = (text: string) => /(\d+[.,]\d+) m/.exec(text)?.[1];
    for (const dictionary of [nl, en]) {
      expect(height(dictionary['scenario.heat.legendPet'])).toBe(
        height(dictionary['scenario.note.heat.when']),
      );
    }
  });

  it('writes one of a thing in the singular and every other count in the plural', () => {
    const nl = translator('nl');
    const en = translator('en');
    const votes = (t: typeof nl, count: number) =>
      t(countKey('participation.vote.count', count), { title: 'Park', count });
    // Issue 16: one vote read "Park: 1 stemmen".
    expect(votes(nl, 1)).toBe('Park: 1 stem');
    expect(votes(nl, 0)).toBe('Park: 0 stemmen');
    expect(votes(nl, 2)).toBe('Park: 2 stemmen');
    expect(votes(en, 1)).toBe('Park: 1 vote');
    expect(votes(en, 1000)).toBe('Park: 1,000 votes');
    expect(nl(countKey('search.results', 1), { count: 1 })).toBe('1 resultaat');
  });
});

import type { Language } from './language.ts';
import { en } from './en.ts';
import { formatNumber } from './format-number.ts';
import { nl, type MessageKey } from './nl.ts';

const dictionaries: Record<Language, Record<MessageKey, string>> = { nl, en };

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/**
 * Looks a text up and fills `{name}` placeholders; numbers go through the one formatter (at most two
 * decimals; format a quantity with its own rule before passing it when it needs fewer).
 */
export function translator(language: Language): Translate {
  const dictionary = dictionaries[language];
  return (key, values) =>
    dictionary[key].replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = values?.[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? formatNumber(value, language) : value;
    });
}

import type { Language } from './language.ts';
import { en } from './en.ts';
import { nl, type MessageKey } from './nl.ts';

const dictionaries: Record<Language, Record<MessageKey, string>> = { nl, en };

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** Looks a text up and fills `{name}` placeholders; numbers are formatted for the language. */
export function translator(language: Language): Translate {
  const dictionary = dictionaries[language];
  const numberFormat = new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
    maximumFractionDigits: 2,
  });
  return (key, values) =>
    dictionary[key].replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = values?.[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? numberFormat.format(value) : value;
    });
}

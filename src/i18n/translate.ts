import { formatCalendarDate } from '../time/calendar-date.ts';
import type { Language } from './language.ts';
import { en } from './en.ts';
import { formatNumber } from './format-number.ts';
import type { MessageParam } from './message.ts';
import { nl, type MessageKey } from './nl.ts';

const dictionaries: Record<Language, Record<MessageKey, string>> = { nl, en };

export type Translate = (key: MessageKey, values?: Record<string, MessageParam>) => string;

/**
 * Looks a text up and fills `{name}` placeholders: numbers go through the one formatter (at most
 * two decimals; format a quantity with its own rule before passing it when it needs fewer), dates
 * are written out, nested messages translated and lists of them joined with commas.
 */
export function translator(language: Language): Translate {
  const dictionary = dictionaries[language];
  const locale = language === 'nl' ? 'nl-NL' : 'en-GB';
  const fill = (value: MessageParam): string => {
    if (typeof value === 'number') return formatNumber(value, language);
    if (typeof value === 'string') return value;
    if (Array.isArray(value)) return value.map(fill).join(', ');
    if ('date' in value) return formatCalendarDate(value.date, locale);
    return translate(value.key, value.params);
  };
  const translate: Translate = (key, values) =>
    dictionary[key].replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = values?.[name];
      return value === undefined ? whole : fill(value);
    });
  return translate;
}

/** The keys that come as a pair `<base>.one` and `<base>.other`. */
export type CountedKey = {
  [K in MessageKey]: K extends `${infer Base}.one`
    ? `${Base}.other` extends MessageKey
      ? Base
      : never
    : never;
}[MessageKey];

/**
 * The form of a counted text for `count`: "1 stem", "2 stemmen". Dutch and English share the
 * plural rule (only exactly 1 is singular), so one choice serves both languages.
 */
export function countKey(base: CountedKey, count: number): MessageKey {
  return count === 1 ? `${base}.one` : `${base}.other`;
}

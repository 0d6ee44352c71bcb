import type { MessageKey } from './nl.ts';

/**
 * A value filled into a text's `{name}` placeholder: text as it is, a number (formatted for the
 * language), a calendar date (`{ date: 'YYYY-MM-DD' }`, written out for the language), another
 * message (a part of the sentence that has its own words per language), or a list of messages
 * (joined with commas).
 */
export type MessageParam = string | number | { date: string } | Message | Message[];

/**
 * A text by its key with the values for its placeholders. Code below the UI (the models in the
 * worker) says what happened this way, without choosing a language; the UI translates it.
 */
export interface Message {
  key: MessageKey;
  params?: Record<string, MessageParam>;
}

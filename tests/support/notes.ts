/**
 * Model notes as a reader sees them: each note's text with its values filled in, for tests that
 * check what a run says. Not used by the app.
 */
import type { Language } from '../../src/i18n/language.ts';
import { translator } from '../../src/i18n/translate.ts';
import type { ModelNote } from '../../src/scenarios/engine/types.ts';

export function noteTexts(notes: readonly ModelNote[], language: Language = 'en'): string[] {
  const t = translator(language);
  return notes.map((note) => t(note.key, note.params));
}

import type { Language } from '../../i18n/language.ts';
import type { MessageKey } from '../../i18n/nl.ts';
import type { Translate } from '../../i18n/translate.ts';
import type { ParticipationProblem } from '../../state/participation-store.ts';

/** A plan's own text in the language on screen (the server gives Dutch and English). */
export function pickText(text: { nl: string; en: string }, language: Language): string {
  return language === 'en' ? text.en : text.nl;
}

/** What went wrong, in plain words: the server's refusal by its code, else the kind of failure. */
export function problemText(problem: ParticipationProblem, t: Translate): string {
  if (problem.kind === 'refused' && problem.code !== null)
    return t(`participation.error.code.${problem.code}` as MessageKey);
  return t(`participation.error.${problem.kind}` as MessageKey);
}

import type { MessageKey } from '../i18n/nl.ts';
import type { Translate } from '../i18n/translate.ts';
import type { Certainty } from '../sources/catalog.ts';

/**
 * A licence as people read it: the SPDX id, "(not fully certain)" when the catalog is not sure, and
 * the catalog's note instead of SPDX's `NOASSERTION` when no single licence is known.
 */
export function licenceText(
  licence: string,
  t: Translate,
  certainty: Certainty = 'high',
  noteKey?: MessageKey,
): string {
  if (licence === 'NOASSERTION') return noteKey ? t(noteKey) : t('licence.NOASSERTION');
  return certainty === 'high' ? licence : t('licence.uncertain', { licence });
}

import { INPUT_LIMITS, type InputLimitName } from '../../config/input-limits.ts';
import type { Translate } from '../../i18n/translate.ts';
import { megabytes } from '../../sources/messages.ts';

/** The plain sentence for a scenario refused by an input limit: which limit, and its value. */
export function limitMessage(limit: InputLimitName, t: Translate, fromLink: boolean): string {
  switch (limit) {
    case 'scenarioLinkChars':
      return t('scenario.linkTooLong', { count: INPUT_LIMITS.scenarioLinkChars });
    case 'jsonDepth':
      return t('scenario.tooDeep', { depth: INPUT_LIMITS.jsonDepth });
    default: {
      const mb = megabytes(INPUT_LIMITS[limit]);
      return fromLink ? t('scenario.inflatesTooLarge', { mb }) : t('scenario.textTooLarge', { mb });
    }
  }
}

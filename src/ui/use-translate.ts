import { useMemo } from 'react';
import { useAppStore } from '../state/app-store.ts';
import { translator, type Translate } from '../i18n/translate.ts';

export function useTranslate(): Translate {
  const language = useAppStore((s) => s.language);
  return useMemo(() => translator(language), [language]);
}

import type { MessageKey } from '../i18n/nl.ts';
import { useTranslate } from './use-translate.ts';
import { useAppStore } from '../state/app-store.ts';

/** Names the source and licence of everything currently on screen. */
export function AttributionBar() {
  const t = useTranslate();
  const dataSource = useAppStore((s) => s.dataSource);
  const baseLayer = useAppStore((s) => s.baseLayer);
  const keys: MessageKey[] = [dataSource === 'sample' ? 'attribution.sample' : 'attribution.3dbag'];
  if (baseLayer !== 'none') keys.push(`attribution.${baseLayer}`);
  return (
    <footer className="attribution" aria-label={t('attribution.heading')} data-testid="attribution">
      {keys.map((key) => (
        <span key={key}>{t(key)}</span>
      ))}
    </footer>
  );
}

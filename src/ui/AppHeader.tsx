import { Button, Heading1, Paragraph } from '@utrecht/component-library-react';
import { useTranslate } from './use-translate.ts';
import { useAppStore } from '../state/app-store.ts';
import type { Language } from '../i18n/language.ts';

export function AppHeader({ menuOpen, onToggleMenu }: { menuOpen: boolean; onToggleMenu: () => void }) {
  const t = useTranslate();
  const setLanguage = useAppStore((s) => s.setLanguage);
  const other = t('language.switchToLang') as Language;
  return (
    <header className="app-header">
      <div className="app-header__title">
        <Heading1 className="app-header__name">{t('app.title')}</Heading1>
        <Paragraph className="app-header__subtitle">{t('app.subtitle')}</Paragraph>
      </div>
      <div className="app-header__actions">
        <Button appearance="secondary-action-button" lang={other} onClick={() => setLanguage(other)}>
          {t('language.switchTo')}
        </Button>
        <Button
          appearance="subtle-button"
          className="app-header__menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="panel"
          onClick={onToggleMenu}
        >
          {menuOpen ? t('app.closeMenu') : t('app.menu')}
        </Button>
      </div>
    </header>
  );
}

import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { useTranslate } from '../i18n/use-translate.ts';
import { useAppStore } from '../state/app-store.ts';

/** Loading progress and problems, announced politely to screen readers. */
export function StatusBar() {
  const t = useTranslate();
  const status = useAppStore((s) => s.tilesetStatus);
  const ignored = useAppStore((s) => s.ignoredUrlKeys);
  const dismiss = useAppStore((s) => s.dismissUrlNotice);
  return (
    <div className="status-bar" aria-live="polite" data-testid="status" data-state={status.state}>
      {status.state === 'loading' && (
        <Paragraph small className="status-bar__progress">
          <span className="spinner" aria-hidden="true" />
          {t('status.loadingBuildings', { pending: status.pendingRequests + status.processing })}
        </Paragraph>
      )}
      {status.state === 'error' && (
        <Alert type="error">
          <Paragraph>{t('status.buildingsError', { message: status.message })}</Paragraph>
        </Alert>
      )}
      {ignored.length > 0 && (
        <Alert type="warning">
          <Paragraph>{t('status.urlIgnored', { keys: ignored.join(', ') })}</Paragraph>
          <Button appearance="subtle-button" onClick={dismiss}>
            {t('status.dismiss')}
          </Button>
        </Alert>
      )}
    </div>
  );
}

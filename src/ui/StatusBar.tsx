import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import type { Translate } from '../i18n/translate.ts';
import { useTranslate } from './use-translate.ts';
import { useAppStore, type LoadProblem } from '../state/app-store.ts';

/** Loading progress and problems, announced politely to screen readers. */
export function StatusBar() {
  const t = useTranslate();
  const status = useAppStore((s) => s.tilesetStatus);
  const dataSource = useAppStore((s) => s.dataSource);
  const renderError = useAppStore((s) => s.renderError);
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
          <Paragraph>
            {t('status.buildingsError', {
              reason: describeProblem(status.problem, t),
              advice: t(dataSource === 'sample' ? 'status.advice.sample' : 'status.advice.3dbag'),
            })}
          </Paragraph>
        </Alert>
      )}
      {renderError !== null && (
        <Alert type="error">
          <Paragraph>{t('status.renderError', { detail: renderError })}</Paragraph>
          <Button appearance="primary-action-button" onClick={() => window.location.reload()}>
            {t('status.reload')}
          </Button>
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

function describeProblem(problem: LoadProblem, t: Translate): string {
  switch (problem.kind) {
    case 'network':
      return t('status.reason.network');
    case 'http':
      return problem.status === 404
        ? t('status.reason.notFound')
        : t('status.reason.http', { status: problem.status });
    case 'invalid':
      return t('status.reason.invalid', { detail: problem.detail });
  }
}

import { Button, FormLabel, Heading2, Paragraph, Textbox } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslate } from './use-translate.ts';
import { useShareLink } from '../state/share-link.ts';

export function SharePanel() {
  const t = useTranslate();
  const [feedback, setFeedback] = useState<'copied' | 'failed' | null>(null);
  const link = useShareLink();

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setFeedback('copied');
    } catch {
      setFeedback('failed');
    }
  };

  return (
    <section aria-labelledby="share-heading" className="panel-section">
      <Heading2 id="share-heading">{t('share.heading')}</Heading2>
      <FormLabel htmlFor="share-link">{t('share.linkLabel')}</FormLabel>
      <Textbox id="share-link" readOnly value={link} onFocus={(event) => event.currentTarget.select()} />
      <Button appearance="secondary-action-button" onClick={copy}>
        {t('share.copy')}
      </Button>
      <div aria-live="polite">
        {feedback && (
          <Paragraph small>{t(feedback === 'copied' ? 'share.copied' : 'share.copyFailed')}</Paragraph>
        )}
      </div>
    </section>
  );
}

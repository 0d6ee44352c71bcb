import {
  Button,
  FormField,
  FormFieldDescription,
  FormLabel,
  Paragraph,
  Textbox,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import { useParticipationStore } from '../../state/participation-store.ts';
import { useTranslate } from '../use-translate.ts';

/** Joining a meeting by the short code on its big screen (for those who cannot scan the QR code). */
export function JoinForm() {
  const t = useTranslate();
  const failed = useParticipationStore((s) => s.joinFailed);
  const [code, setCode] = useState('');
  return (
    <form
      className="participation__join"
      onSubmit={(event) => {
        event.preventDefault();
        void useParticipationStore.getState().join(code);
      }}
    >
      <FormField>
        <FormLabel htmlFor="participation-join-code">{t('participation.join.label')}</FormLabel>
        <FormFieldDescription id="participation-join-hint">
          {t('participation.join.hint')}
        </FormFieldDescription>
        <Textbox
          id="participation-join-code"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          aria-describedby="participation-join-hint"
          aria-invalid={failed || undefined}
          value={code}
          onChange={(event) => setCode(event.target.value)}
        />
      </FormField>
      {failed && (
        <Paragraph role="alert" data-testid="participation-join-failed">
          {t('participation.join.failed')}
        </Paragraph>
      )}
      <Button type="submit" appearance="secondary-action-button" disabled={code.trim() === ''}>
        {t('participation.join.submit')}
      </Button>
    </form>
  );
}

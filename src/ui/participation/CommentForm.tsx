import {
  Button,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormLabel,
  Heading3,
  Paragraph,
  RadioButton,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';
import { groundPointInView } from '../../geo/camera-pose.ts';
import type { Sentiment } from '../../sources/participation/schema.ts';
import { useAppStore } from '../../state/app-store.ts';
import { useParticipationStore } from '../../state/participation-store.ts';
import { useTranslate } from '../use-translate.ts';
import { pickText } from './text.ts';

/** The server's limit (server/schemas.ts COMMENT_MAX_CHARS). */
export const COMMENT_MAX_CHARS = 2000;
const SENTIMENTS: Sentiment[] = ['for', 'against', 'neutral'];

/**
 * A new comment: an optional pin (a tap on the map, or the middle of the map without a mouse), the
 * text, an optional for/against/neutral and name. What is typed is kept on this device until sent.
 */
export function CommentForm() {
  const t = useTranslate();
  const language = useAppStore((s) => s.language);
  const plan = useParticipationStore((s) => s.plan)!;
  const alternativeId = useParticipationStore((s) => s.alternativeId);
  const draft = useParticipationStore((s) => s.draft);
  const placing = useParticipationStore((s) => s.placing);
  const sending = useParticipationStore((s) => s.sending);
  const { setDraft, setPlacing, setPin, sendComment } = useParticipationStore.getState();
  const alternative = plan.resources.find((r) => r.id === alternativeId);

  const pinAtCentre = () => {
    const camera = useAppStore.getState().camera;
    setPin({ ...groundPointInView(camera), height: 0 }, camera);
  };

  return (
    <section aria-labelledby="participation-comment-heading" className="participation__form">
      <Heading3 id="participation-comment-heading">{t('participation.comment.heading')}</Heading3>
      {alternative && (
        <Paragraph small>
          {t('participation.comment.about', { title: pickText(alternative.title, language) })}
        </Paragraph>
      )}
      <div aria-live="polite">
        {placing ? (
          <Paragraph data-testid="participation-placing">{t('participation.comment.placing')}</Paragraph>
        ) : (
          <Paragraph small data-testid="participation-pin-state">
            {draft.point ? t('participation.comment.pinSet') : t('participation.comment.noPin')}
          </Paragraph>
        )}
      </div>
      <div className="participation__buttons">
        {placing ? (
          <Button appearance="secondary-action-button" onClick={() => setPlacing(false)}>
            {t('participation.comment.cancelPlacing')}
          </Button>
        ) : (
          <Button appearance="secondary-action-button" disabled={!plan.open} onClick={() => setPlacing(true)}>
            {t('participation.comment.placeOnMap')}
          </Button>
        )}
        <Button appearance="secondary-action-button" disabled={!plan.open} onClick={pinAtCentre}>
          {t('participation.comment.useCentre')}
        </Button>
        {draft.point && (
          <Button appearance="subtle-button" onClick={() => setDraft({ point: null, camera: null })}>
            {t('participation.comment.removePin')}
          </Button>
        )}
      </div>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void sendComment();
        }}
      >
        <FormField>
          <FormLabel htmlFor="participation-text">{t('participation.comment.text')}</FormLabel>
          <Textarea
            id="participation-text"
            value={draft.text}
            maxLength={COMMENT_MAX_CHARS}
            rows={4}
            aria-describedby="participation-text-hint"
            onChange={(event) => setDraft({ text: event.target.value })}
          />
          <Paragraph small id="participation-text-hint">
            {t('participation.comment.textHint', { max: COMMENT_MAX_CHARS })}
          </Paragraph>
        </FormField>
        <Fieldset>
          <FieldsetLegend>{t('participation.comment.sentiment')}</FieldsetLegend>
          <div className="participation__sentiments">
            {SENTIMENTS.map((sentiment) => (
              <FormField type="radio" key={sentiment}>
                <RadioButton
                  id={`participation-sentiment-${sentiment}`}
                  name="participation-sentiment"
                  checked={draft.sentiment === sentiment}
                  onChange={() => setDraft({ sentiment })}
                />
                <FormLabel htmlFor={`participation-sentiment-${sentiment}`} type="radio">
                  {t(`participation.sentiment.${sentiment}`)}
                </FormLabel>
              </FormField>
            ))}
          </div>
        </Fieldset>
        <FormField>
          <FormLabel htmlFor="participation-name">{t('participation.comment.name')}</FormLabel>
          <Textbox
            id="participation-name"
            value={draft.displayName}
            maxLength={60}
            autoComplete="nickname"
            onChange={(event) => setDraft({ displayName: event.target.value })}
          />
        </FormField>
        <Button
          type="submit"
          appearance="primary-action-button"
          disabled={sending || !plan.open || draft.text.trim() === ''}
        >
          {sending ? t('participation.comment.sending') : t('participation.comment.send')}
        </Button>
      </form>
    </section>
  );
}

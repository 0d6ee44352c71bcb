import { Button, FormField, FormLabel, Heading3, Paragraph, Textbox } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { PlanComment } from '../../sources/participation/schema.ts';
import { useParticipationStore } from '../../state/participation-store.ts';
import { useTranslate } from '../use-translate.ts';
import { offerDownload } from '../download.ts';
import { Meta } from './CommentList.tsx';

/**
 * For the city: with a moderator key (kept for this tab only, never in a link) every comment with its
 * status; approve, or hide with a reason. Hidden comments are never deleted.
 */
export function ModeratorView() {
  const t = useTranslate();
  const token = useParticipationStore((s) => s.moderatorToken);
  const moderated = useParticipationStore((s) => s.moderated);
  const { loginModerator, logoutModerator, setModeratorView } = useParticipationStore.getState();
  const [key, setKey] = useState('');

  return (
    <section
      aria-labelledby="participation-mod-heading"
      className="participation__moderation"
      data-testid="participation-moderation"
    >
      <Heading3 id="participation-mod-heading">{t('participation.mod.heading')}</Heading3>
      {token === null ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void loginModerator(key).then((ok) => ok && setKey(''));
          }}
        >
          <Paragraph small>{t('participation.mod.intro')}</Paragraph>
          <FormField>
            <FormLabel htmlFor="participation-mod-token">{t('participation.mod.token')}</FormLabel>
            <Textbox
              id="participation-mod-token"
              type="password"
              autoComplete="off"
              value={key}
              onChange={(event) => setKey(event.target.value)}
            />
          </FormField>
          <Button type="submit" appearance="primary-action-button" disabled={key.trim() === ''}>
            {t('participation.mod.login')}
          </Button>
        </form>
      ) : (
        <>
          <Paragraph small>{t('participation.mod.hiddenNote')}</Paragraph>
          <ExportButtons />
          {moderated.length === 0 ? (
            <Paragraph>{t('participation.mod.empty')}</Paragraph>
          ) : (
            <ul className="participation__comments" data-testid="participation-moderated">
              {[...moderated].reverse().map((comment) => (
                <ModeratedItem key={comment.id} comment={comment} />
              ))}
            </ul>
          )}
          <Button appearance="subtle-button" onClick={logoutModerator}>
            {t('participation.mod.logout')}
          </Button>
        </>
      )}
      <Button appearance="secondary-action-button" onClick={() => setModeratorView(false)}>
        {t('participation.mod.close')}
      </Button>
    </section>
  );
}

function ModeratedItem({ comment }: { comment: PlanComment }) {
  const t = useTranslate();
  const { approve, hide } = useParticipationStore.getState();
  const [reason, setReason] = useState('');
  const status = comment.status ?? 'published';
  const reasonId = `participation-hide-reason-${comment.id}`;

  return (
    <li className={`participation__comment participation__comment--${status}`} data-comment-id={comment.id}>
      <Meta comment={comment} />
      <p className="participation__comment-text">{comment.text}</p>
      <Paragraph small data-testid="participation-mod-status">
        <strong>{t(`participation.mod.status.${status}`)}</strong>
        {comment.hiddenReason && ` · ${t('participation.mod.reasonShown', { reason: comment.hiddenReason })}`}
      </Paragraph>
      {status !== 'published' && (
        <Button appearance="secondary-action-button" onClick={() => void approve(comment.id)}>
          {t('participation.mod.approve')}
        </Button>
      )}
      {status !== 'hidden' && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void hide(comment.id, reason).then((ok) => ok && setReason(''));
          }}
        >
          <FormField>
            <FormLabel htmlFor={reasonId}>{t('participation.mod.reason')}</FormLabel>
            <Textbox
              id={reasonId}
              value={reason}
              maxLength={500}
              onChange={(e) => setReason(e.target.value)}
            />
          </FormField>
          <Button type="submit" appearance="secondary-action-button" disabled={reason.trim() === ''}>
            {t('participation.mod.hide')}
          </Button>
        </form>
      )}
    </li>
  );
}

const EXPORT_TYPES = { csv: 'text/csv', geojson: 'application/geo+json' } as const;

/** The results to take away: every comment, hidden ones flagged, as a table or a map file. */
function ExportButtons() {
  const t = useTranslate();
  const planId = useParticipationStore((s) => s.planId);
  const save = async (format: keyof typeof EXPORT_TYPES) => {
    const text = await useParticipationStore.getState().exportComments(format);
    if (text !== null)
      offerDownload(`tweeling-plan-${planId}-reacties.${format}`, text, EXPORT_TYPES[format]);
  };
  return (
    <div className="participation__export">
      <Paragraph small>{t('participation.mod.export')}</Paragraph>
      <div className="participation__buttons">
        <Button appearance="secondary-action-button" onClick={() => void save('csv')}>
          {t('participation.mod.exportCsv')}
        </Button>
        <Button appearance="secondary-action-button" onClick={() => void save('geojson')}>
          {t('participation.mod.exportGeojson')}
        </Button>
      </div>
    </div>
  );
}

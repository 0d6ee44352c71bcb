import {
  Button,
  FormField,
  FormLabel,
  Heading3,
  Paragraph,
  Select,
  SelectOption,
  Textarea,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import type { PlanComment, Sentiment } from '../../sources/participation/schema.ts';
import { useAppStore } from '../../state/app-store.ts';
import { filteredComments, repliesTo, useParticipationStore } from '../../state/participation-store.ts';
import { countKey } from '../../i18n/translate.ts';
import { useTranslate } from '../use-translate.ts';
import { pickText } from './text.ts';

const SENTIMENTS: Sentiment[] = ['for', 'against', 'neutral'];

/**
 * Every comment as a list: the text alternative to the pins on the map, filtered by alternative and
 * sentiment. Opening one flies to the view it was written in and shows its answers. Comments are shown
 * as text only (React escapes them), never as HTML.
 */
export function CommentList() {
  const t = useTranslate();
  const language = useAppStore((s) => s.language);
  const plan = useParticipationStore((s) => s.plan)!;
  const comments = useParticipationStore((s) => s.comments);
  const filter = useParticipationStore((s) => s.filter);
  const { setFilter } = useParticipationStore.getState();
  const shown = filteredComments(comments, filter);

  return (
    <section aria-labelledby="participation-list-heading" className="participation__list">
      <Heading3 id="participation-list-heading">{t('participation.list.heading')}</Heading3>
      <div className="participation__filters">
        <FormField>
          <FormLabel htmlFor="participation-filter-resource">
            {t('participation.list.filterResource')}
          </FormLabel>
          <Select
            id="participation-filter-resource"
            value={String(filter.resource)}
            onChange={(event) =>
              setFilter({ resource: event.target.value === 'all' ? 'all' : Number(event.target.value) })
            }
          >
            <SelectOption value="all">{t('participation.list.all')}</SelectOption>
            {plan.resources.map((r) => (
              <SelectOption key={r.id} value={String(r.id)}>
                {pickText(r.title, language)}
              </SelectOption>
            ))}
          </Select>
        </FormField>
        <FormField>
          <FormLabel htmlFor="participation-filter-sentiment">
            {t('participation.list.filterSentiment')}
          </FormLabel>
          <Select
            id="participation-filter-sentiment"
            value={filter.sentiment}
            onChange={(event) => setFilter({ sentiment: event.target.value as Sentiment | 'all' })}
          >
            <SelectOption value="all">{t('participation.list.all')}</SelectOption>
            {SENTIMENTS.map((s) => (
              <SelectOption key={s} value={s}>
                {t(`participation.sentiment.${s}`)}
              </SelectOption>
            ))}
          </Select>
        </FormField>
      </div>
      <Paragraph small aria-live="polite">
        {shown.length === 0
          ? t('participation.list.empty')
          : t(countKey('participation.list.count', shown.length), { count: shown.length })}
      </Paragraph>
      <ul className="participation__comments" data-testid="participation-comments">
        {shown.map((comment) => (
          <CommentItem key={comment.id} comment={comment} replies={repliesTo(comments, comment.id)} />
        ))}
      </ul>
    </section>
  );
}

function CommentItem({ comment, replies }: { comment: PlanComment; replies: PlanComment[] }) {
  const t = useTranslate();
  const language = useAppStore((s) => s.language);
  const plan = useParticipationStore((s) => s.plan)!;
  const open = useParticipationStore((s) => s.openCommentId === comment.id);
  const agreed = useParticipationStore((s) => s.agreed.includes(comment.id));
  const { openComment, agree, sendReply } = useParticipationStore.getState();
  const [reply, setReply] = useState('');
  const alternative = plan.resources.find((r) => r.id === comment.resourceId);
  const replyId = `participation-reply-${comment.id}`;

  return (
    <li
      className={`participation__comment${open ? ' participation__comment--open' : ''}`}
      data-comment-id={comment.id}
    >
      <Meta comment={comment} />
      <p className="participation__comment-text">{comment.text}</p>
      <Paragraph small>
        {alternative ? pickText(alternative.title, language) : t('participation.list.general')}
        {comment.location === null && ` · ${t('participation.list.noPlace')}`}
        {' · '}
        {t('participation.list.agreeCount', { count: comment.agreements })}
      </Paragraph>
      <div className="participation__buttons">
        <Button
          appearance="secondary-action-button"
          aria-expanded={open}
          onClick={() => openComment(comment.id)}
        >
          {comment.camera ? t('participation.list.showOnMap') : t('participation.list.replies')}
        </Button>
        <Button
          appearance="subtle-button"
          aria-pressed={agreed}
          disabled={!plan.open}
          onClick={() => void agree(comment.id)}
        >
          {agreed ? t('participation.list.agreed') : t('participation.list.agree')}
        </Button>
      </div>
      {open && (
        <div className="participation__thread">
          {replies.length > 0 && (
            <ul aria-label={t('participation.list.replies')}>
              {replies.map((r) => (
                <li key={r.id} className="participation__reply">
                  <Meta comment={r} />
                  <p className="participation__comment-text">{r.text}</p>
                </li>
              ))}
            </ul>
          )}
          {plan.open && (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                void sendReply(comment.id, reply).then((sent) => sent && setReply(''));
              }}
            >
              <FormField>
                <FormLabel htmlFor={replyId}>{t('participation.list.reply')}</FormLabel>
                <Textarea
                  id={replyId}
                  rows={2}
                  maxLength={2000}
                  value={reply}
                  onChange={(e) => setReply(e.target.value)}
                />
              </FormField>
              <Button type="submit" appearance="secondary-action-button" disabled={reply.trim() === ''}>
                {t('participation.list.sendReply')}
              </Button>
            </form>
          )}
        </div>
      )}
    </li>
  );
}

/** Who (a name, or "resident"), their view in words, and when. */
export function Meta({ comment }: { comment: PlanComment }) {
  const t = useTranslate();
  const language = useAppStore((s) => s.language);
  const when = new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(comment.createdAt));
  return (
    <p className="participation__meta">
      <strong>{comment.displayName ?? t('participation.list.anonymous')}</strong>
      {' · '}
      <span className={`participation__sentiment participation__sentiment--${comment.sentiment}`}>
        {t(`participation.sentiment.${comment.sentiment}`)}
      </span>
      {' · '}
      <time dateTime={comment.createdAt}>{when}</time>
    </p>
  );
}

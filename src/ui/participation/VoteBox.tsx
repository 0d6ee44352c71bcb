import { Button, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useAppStore } from '../../state/app-store.ts';
import { useParticipationStore } from '../../state/participation-store.ts';
import { countKey } from '../../i18n/translate.ts';
import { useTranslate } from '../use-translate.ts';
import { pickText } from './text.ts';

/** One vote per browser for one alternative; the running count when the plan shows it. */
export function VoteBox() {
  const t = useTranslate();
  const language = useAppStore((s) => s.language);
  const plan = useParticipationStore((s) => s.plan)!;
  const stats = useParticipationStore((s) => s.stats);
  const votedFor = useParticipationStore((s) => s.votedFor);
  const vote = useParticipationStore((s) => s.vote);
  if (plan.resources.length < 2) return null;
  const chosen = plan.resources.find((r) => r.id === votedFor);

  return (
    <section
      aria-labelledby="participation-vote-heading"
      className="participation__vote"
      data-testid="participation-vote"
    >
      <Heading3 id="participation-vote-heading">{t('participation.vote.heading')}</Heading3>
      {chosen ? (
        <Paragraph>{t('participation.vote.done', { title: pickText(chosen.title, language) })}</Paragraph>
      ) : (
        <>
          <Paragraph small>{t('participation.vote.intro')}</Paragraph>
          <div className="participation__buttons">
            {plan.resources.map((r) => (
              <Button
                key={r.id}
                appearance="secondary-action-button"
                disabled={!plan.open}
                onClick={() => void vote(r.id)}
              >
                {t('participation.vote.for', { title: pickText(r.title, language) })}
              </Button>
            ))}
          </div>
        </>
      )}
      {stats?.votesVisible && stats.votes ? (
        <ul className="participation__counts" data-testid="participation-vote-counts">
          {plan.resources.map((r) => {
            const count = stats.votes!.find((v) => v.resourceId === r.id)?.votes ?? 0;
            return (
              <li key={r.id}>
                {t(countKey('participation.vote.count', count), {
                  title: pickText(r.title, language),
                  count,
                })}
              </li>
            );
          })}
        </ul>
      ) : (
        <Paragraph small>{t('participation.vote.hidden')}</Paragraph>
      )}
      <Paragraph small>{t('participation.vote.limit')}</Paragraph>
    </section>
  );
}

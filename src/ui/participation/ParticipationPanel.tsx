import { Alert, Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect } from 'react';
import { useAppStore } from '../../state/app-store.ts';
import { useParticipationStore } from '../../state/participation-store.ts';
import { useTranslate } from '../use-translate.ts';
import { CommentForm } from './CommentForm.tsx';
import { CommentList } from './CommentList.tsx';
import { JoinForm } from './JoinForm.tsx';
import { LiveStatus } from './LiveStatus.tsx';
import { ModeratorView } from './ModeratorView.tsx';
import { PlanTour } from './PlanTour.tsx';
import { RoomView } from './RoomView.tsx';
import { pickText, problemText } from './text.ts';
import { useParticipationMap } from './use-participation-map.ts';
import { VoteBox } from './VoteBox.tsx';

/**
 * Residents take part in a plan: its text and guided tour, the alternatives, pins with comments, the
 * vote; a moderator approves or hides. Without the participation server it says so in plain words and
 * offers to try again; the rest of the viewer is untouched.
 */
export function ParticipationPanel() {
  const t = useTranslate();
  const language = useAppStore((s) => s.language);
  const availability = useParticipationStore((s) => s.availability);
  const plans = useParticipationStore((s) => s.plans);
  const planId = useParticipationStore((s) => s.planId);
  const plan = useParticipationStore((s) => s.plan);
  const problem = useParticipationStore((s) => s.problem);
  const notice = useParticipationStore((s) => s.notice);
  const moderatorView = useParticipationStore((s) => s.moderatorView);
  const room = useParticipationStore((s) => s.room);
  const { check, openPlan, setModeratorView, setRoom, dismissNotice } = useParticipationStore.getState();
  useParticipationMap();

  useEffect(() => {
    void useParticipationStore.getState().check();
  }, []);

  return (
    <section
      aria-labelledby="participation-heading"
      className="panel-section participation"
      data-testid="participation"
    >
      <Heading2 id="participation-heading">{t('participation.heading')}</Heading2>
      <div aria-live="polite" className="participation__status">
        {availability === 'checking' && <Paragraph small>{t('participation.checking')}</Paragraph>}
        {availability === 'unavailable' && (
          <Alert type="warning">
            <Paragraph>{t('participation.unavailable')}</Paragraph>
            <Button appearance="secondary-action-button" onClick={() => void check()}>
              {t('participation.retry')}
            </Button>
          </Alert>
        )}
        {notice && (
          <Alert type={notice === 'draftKept' ? 'warning' : 'ok'}>
            <Paragraph data-testid="participation-notice">{t(`participation.notice.${notice}`)}</Paragraph>
          </Alert>
        )}
        {problem && availability !== 'unavailable' && (
          <Alert type="error">
            <Paragraph data-testid="participation-problem">{problemText(problem, t)}</Paragraph>
            <Button appearance="subtle-button" onClick={dismissNotice}>
              {t('participation.dismiss')}
            </Button>
          </Alert>
        )}
      </div>

      {planId === null && availability === 'available' && (
        <>
          <Paragraph small>{t('participation.intro')}</Paragraph>
          {plans.length === 0 ? (
            <Paragraph small>{t('participation.noPlans')}</Paragraph>
          ) : (
            <ul className="participation__plans" aria-label={t('participation.plans')}>
              {plans.map((p) => (
                <li key={p.id}>
                  <Button appearance="primary-action-button" onClick={() => void openPlan(p.id)}>
                    {pickText(p.title, language)}
                    {!p.open && ` (${t('participation.closed')})`}
                  </Button>
                </li>
              ))}
            </ul>
          )}
          <JoinForm />
        </>
      )}

      {planId !== null && !plan && availability !== 'unavailable' && (
        <Paragraph small>{t('participation.loading')}</Paragraph>
      )}

      {plan && (
        <div className="participation__plan" data-testid="participation-plan">
          <Button appearance="subtle-button" onClick={() => void openPlan(null)}>
            {t('participation.backToPlans')}
          </Button>
          {moderatorView ? (
            <ModeratorView />
          ) : room ? (
            <RoomView />
          ) : (
            <>
              <PlanTour />
              {!plan.open && <Paragraph>{t('participation.planClosed')}</Paragraph>}
              <VoteBox />
              <CommentForm />
              <LiveStatus />
              <CommentList />
              <Button appearance="subtle-button" onClick={() => setRoom(true)}>
                {t('participation.room.open')}
              </Button>
              <Button appearance="subtle-button" onClick={() => setModeratorView(true)}>
                {t('participation.mod.open')}
              </Button>
            </>
          )}
        </div>
      )}
    </section>
  );
}

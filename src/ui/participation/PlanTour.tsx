import {
  Button,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormLabel,
  Heading3,
  Paragraph,
  RadioButton,
} from '@utrecht/component-library-react';
import { useEffect, useRef } from 'react';
import { useAppStore } from '../../state/app-store.ts';
import { useParticipationStore } from '../../state/participation-store.ts';
import { useTranslate } from '../use-translate.ts';
import { pickText } from './text.ts';

/** The plan in words: its title and text, the guided tour step by step, and the alternatives to look at. */
export function PlanTour() {
  const t = useTranslate();
  const language = useAppStore((s) => s.language);
  const plan = useParticipationStore((s) => s.plan)!;
  const step = useParticipationStore((s) => s.step);
  const alternativeId = useParticipationStore((s) => s.alternativeId);
  const { goToStep, chooseAlternative } = useParticipationStore.getState();
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const tourStep = step === null ? null : plan.tour[step];

  // Each new step is announced by moving focus to its title (keyboard and screen-reader users).
  useEffect(() => {
    if (step !== null) stepHeading.current?.focus();
  }, [step]);

  return (
    <>
      <Heading3 className="participation__title">{pickText(plan.title, language)}</Heading3>
      <Paragraph className="participation__text">{pickText(plan.text, language)}</Paragraph>

      {plan.tour.length > 0 && (
        <section aria-labelledby="participation-tour-heading" className="participation__tour">
          <Heading3 id="participation-tour-heading">{t('participation.tour.heading')}</Heading3>
          {tourStep ? (
            <div className="participation__step" data-testid="participation-step">
              <Paragraph small>
                {t('participation.tour.step', { n: step! + 1, total: plan.tour.length })}
              </Paragraph>
              <h4 ref={stepHeading} tabIndex={-1} className="utrecht-heading-4">
                {pickText(tourStep.title, language)}
              </h4>
              <Paragraph>{pickText(tourStep.text, language)}</Paragraph>
              <div className="participation__buttons">
                <Button
                  appearance="secondary-action-button"
                  disabled={step === 0}
                  onClick={() => goToStep(step! - 1)}
                >
                  {t('participation.tour.previous')}
                </Button>
                <Button
                  appearance="primary-action-button"
                  disabled={step === plan.tour.length - 1}
                  onClick={() => goToStep(step! + 1)}
                >
                  {t('participation.tour.next')}
                </Button>
                <Button appearance="subtle-button" onClick={() => goToStep(null)}>
                  {t('participation.tour.stop')}
                </Button>
              </div>
            </div>
          ) : (
            <Button appearance="primary-action-button" onClick={() => goToStep(0)}>
              {t('participation.tour.start')}
            </Button>
          )}
        </section>
      )}

      {plan.resources.length > 0 && (
        <Fieldset className="participation__alternatives">
          <FieldsetLegend>{t('participation.alternatives.choose')}</FieldsetLegend>
          <Paragraph small>{t('participation.alternatives.intro')}</Paragraph>
          {plan.resources.map((r) => (
            <div key={r.id} className="participation__alternative">
              <FormField type="radio">
                <RadioButton
                  id={`participation-alternative-${r.id}`}
                  name="participation-alternative"
                  checked={alternativeId === r.id}
                  onChange={() => chooseAlternative(r.id)}
                  aria-describedby={`participation-alternative-${r.id}-summary`}
                />
                <FormLabel htmlFor={`participation-alternative-${r.id}`} type="radio">
                  {pickText(r.title, language)}
                </FormLabel>
              </FormField>
              <Paragraph small id={`participation-alternative-${r.id}-summary`}>
                {pickText(r.summary, language)}
              </Paragraph>
            </div>
          ))}
        </Fieldset>
      )}
    </>
  );
}

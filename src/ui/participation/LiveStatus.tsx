import { Paragraph } from '@utrecht/component-library-react';
import { useParticipationStore } from '../../state/participation-store.ts';
import { useTranslate } from '../use-translate.ts';

/** Whether others' new reactions come in by themselves, in words (nothing when there is no stream). */
export function LiveStatus() {
  const t = useTranslate();
  const live = useParticipationStore((s) => s.live);
  if (live === 'off') return null;
  return (
    <Paragraph
      small
      className={`participation__live participation__live--${live}`}
      data-testid="participation-live"
    >
      {t(`participation.live.${live}`)}
    </Paragraph>
  );
}

import { Paragraph } from '@utrecht/component-library-react';
import { useTranslate } from '../use-translate.ts';
import type { CrowdWarning } from '../../monitor/monitor.ts';

const round2 = (value: number) => Math.round(value * 100) / 100;

/** Where a threshold is passed now or expected within the hour, most urgent first, with how sure. */
export function CrowdWarningList({ warnings, limit }: { warnings: readonly CrowdWarning[]; limit?: number }) {
  const t = useTranslate();
  if (warnings.length === 0) return <Paragraph small>{t('crowd.noWarnings')}</Paragraph>;
  return (
    <ul className="crowd-warnings" data-testid="crowd-warnings">
      {warnings.slice(0, limit).map((w) => {
        const level = t(`crowd.level.${w.level}`);
        const text =
          w.when === 'now'
            ? t('crowd.warningNow', { site: w.siteName, level, density: round2(w.density) })
            : t('crowd.warningAhead', {
                site: w.siteName,
                level,
                minutes: w.when,
                density: round2(w.density),
                low: round2(w.low),
                high: round2(w.high),
              });
        return (
          <li
            key={`${w.siteId}-${w.level}-${w.when}`}
            className="crowd-warnings__item"
            data-level={w.level}
            data-when={w.when === 'now' ? 'now' : 'ahead'}
          >
            <span>{text}</span>{' '}
            <span className="crowd-warnings__certainty">
              {t('crowd.warningCertainty', { certainty: t(`crowd.certainty.${w.certainty}`) })}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

import { Button, Heading3, Paragraph } from '@utrecht/component-library-react';
import qrcode from 'qrcode-generator';
import { useMemo } from 'react';
import { filteredComments, useParticipationStore } from '../../state/participation-store.ts';
import { countKey } from '../../i18n/translate.ts';
import { useTranslate } from '../use-translate.ts';
import { LiveStatus } from './LiveStatus.tsx';
import { PlanTour } from './PlanTour.tsx';

const LATEST_SHOWN = 5;

/** Where a phone lands after scanning: this viewer with the plan open (and nothing else). */
export function joinUrl(location: Pick<Location, 'origin' | 'pathname'>, planId: number): string {
  return `${location.origin}${location.pathname}?plan=${planId}`;
}

/**
 * The room screen: the plan on the big screen of a meeting, with a QR code and a short code to join
 * on one's own phone or tablet, the tour to step through, and the newest reactions as they arrive
 * (announced politely to screen readers).
 */
export function RoomView() {
  const t = useTranslate();
  const plan = useParticipationStore((s) => s.plan)!;
  const comments = useParticipationStore((s) => s.comments);
  const { setRoom } = useParticipationStore.getState();
  const url = joinUrl(window.location, plan.id);
  const latest = filteredComments(comments, { resource: 'all', sentiment: 'all' });
  const count = latest.length;

  return (
    <section
      className="participation__room"
      data-testid="participation-room"
      aria-label={t('participation.room.open')}
    >
      <section aria-labelledby="participation-room-join" className="participation__join-block">
        <Heading3 id="participation-room-join">{t('participation.room.heading')}</Heading3>
        <QrCode text={url} label={t('participation.room.qrLabel', { url })} />
        <div>
          <Paragraph>{t('participation.room.scan')}</Paragraph>
          <Paragraph>
            {t('participation.room.or', { url: `${window.location.host}${window.location.pathname}` })}{' '}
            <strong className="participation__code" data-testid="participation-room-code">
              {plan.joinCode}
            </strong>
          </Paragraph>
        </div>
      </section>
      <PlanTour />
      <section aria-labelledby="participation-room-latest">
        <Heading3 id="participation-room-latest">{t('participation.room.latest')}</Heading3>
        <LiveStatus />
        <div aria-live="polite" data-testid="participation-room-latest">
          <Paragraph small>
            {count === 0
              ? t('participation.room.none')
              : t(countKey('participation.list.count', count), { count })}
          </Paragraph>
          <ul className="participation__room-latest">
            {latest.slice(0, LATEST_SHOWN).map((c) => (
              <li key={c.id}>
                <span className={`participation__sentiment participation__sentiment--${c.sentiment}`}>
                  {t(`participation.sentiment.${c.sentiment}`)}
                </span>{' '}
                {c.text}
              </li>
            ))}
          </ul>
        </div>
      </section>
      <Button appearance="secondary-action-button" onClick={() => setRoom(false)}>
        {t('participation.room.close')}
      </Button>
    </section>
  );
}

/** A QR code drawn as SVG squares (no markup from a string), readable by any phone camera. */
function QrCode({ text, label }: { text: string; label: string }) {
  const modules = useMemo(() => {
    // Level M: survives a dirty or partly covered screen, still small enough for a short URL.
    const qr = qrcode(0, 'M');
    qr.addData(text);
    qr.make();
    const size = qr.getModuleCount();
    const dark: [number, number][] = [];
    for (let row = 0; row < size; row++)
      for (let col = 0; col < size; col++) if (qr.isDark(row, col)) dark.push([col, row]);
    return { size, dark };
  }, [text]);
  const quiet = 4; // the four-module white border scanners need
  const side = modules.size + 2 * quiet;
  return (
    <svg
      className="participation__qr"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${side} ${side}`}
      shapeRendering="crispEdges"
      data-testid="participation-room-qr"
    >
      <rect width={side} height={side} fill="#fff" />
      <path fill="#000" d={modules.dark.map(([x, y]) => `M${x + quiet} ${y + quiet}h1v1h-1z`).join('')} />
    </svg>
  );
}

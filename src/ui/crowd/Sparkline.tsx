import { useTranslate } from '../use-translate.ts';
import { FRUIN_WALKWAY_BOUNDS } from '../../scenarios/crowd/fruin.ts';
import type { SiteStatus } from '../../monitor/monitor.ts';

const WIDTH = 180;
const HEIGHT = 48;
const PAST_MINUTES = 120;
const AHEAD_MINUTES = 60;
const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * The last two hours of density as a line and the next hour as a band, with the Fruin E line
 * dashed. Gaps (suppressed or missing) stay gaps. The same facts are in the label for screen readers.
 */
export function Sparkline({ status, nowMs }: { status: SiteStatus; nowMs: number }) {
  const t = useTranslate();
  const known = status.history.filter((h) => h.density !== null).map((h) => h.density!);
  const ahead = status.forecast.at(-1);
  const top = Math.max(1.5, ...known, ...status.forecast.map((f) => f.high)) * 1.1;
  const x = (minutesFromNow: number) =>
    ((minutesFromNow + PAST_MINUTES) / (PAST_MINUTES + AHEAD_MINUTES)) * WIDTH;
  const y = (density: number) => HEIGHT - (Math.min(density, top) / top) * HEIGHT;

  const segments: string[] = [];
  let current = '';
  for (const h of status.history) {
    if (h.density === null) {
      if (current) segments.push(current);
      current = '';
      continue;
    }
    const point = `${x((h.t - nowMs) / 60_000).toFixed(1)},${y(h.density).toFixed(1)}`;
    current += current ? ` L${point}` : `M${point}`;
  }
  if (current) segments.push(current);

  const band =
    status.forecast.length > 0 && known.length > 0
      ? [
          ...status.forecast.map((f) => `${x(f.minutesAhead).toFixed(1)},${y(f.high).toFixed(1)}`),
          ...[...status.forecast]
            .reverse()
            .map((f) => `${x(f.minutesAhead).toFixed(1)},${y(f.low).toFixed(1)}`),
          `${x(0).toFixed(1)},${y(known.at(-1)!).toFixed(1)}`,
        ].join(' ')
      : null;

  const history =
    known.length === 0
      ? t('crowd.sparklineNone')
      : `${round2(Math.min(...known))}–${round2(Math.max(...known))} p/m²`;
  const forecast = ahead
    ? `${round2(ahead.density)} p/m² (${round2(ahead.low)}–${round2(ahead.high)})`
    : t('crowd.sparklineNone');
  const eLine = y(FRUIN_WALKWAY_BOUNDS[3]);

  return (
    <svg
      className="sparkline"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
      role="img"
      aria-label={t('crowd.sparkline', { site: status.site.name, history, forecast })}
    >
      <line x1={0} x2={WIDTH} y1={eLine} y2={eLine} className="sparkline__threshold" />
      <line x1={x(0)} x2={x(0)} y1={0} y2={HEIGHT} className="sparkline__now" />
      {band && <polygon points={band} className="sparkline__band" />}
      {segments.map((d, i) => (
        <path key={i} d={d} className="sparkline__line" />
      ))}
    </svg>
  );
}

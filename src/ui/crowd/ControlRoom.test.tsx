// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CrowdMonitorView } from '../bindings/use-crowd-monitor.ts';
import { assessCrowd } from '../../monitor/monitor.ts';
import { feedStatus, newestCountOf, warningsVerdict } from '../../monitor/feed-state.ts';
import { cest, evenCounts, feedOf, lineSite, series } from '../../../tests/support/monitor-feeds.ts';
import { useCrowdMonitorStore } from '../../state/crowd-monitor-store.ts';
import { useTimeStore } from '../../state/time-store.ts';
import { encodeView, DEFAULT_VIEW } from '../../state/url-codec.ts';
import { ControlRoom } from './ControlRoom.tsx';
import { MonitorStatus } from './CrowdMonitorPanel.tsx';

/** A busy street and a quiet lane whose 5-minute counts (1–4 people) are all under the threshold. */
const SMALL_COUNTS = [1, 2, 3, 4];
const feed = feedOf(
  [lineSite('busy', 4, { name: 'Drukke straat' }), lineSite('quiet', 3, { name: 'Stil straatje' })],
  [
    series(
      'busy',
      '2026-06-13T05:00:00+02:00',
      300,
      evenCounts(288, () => 900),
    ),
    series('quiet', '2026-06-13T05:00:00+02:00', 300, {
      in: Array.from({ length: 288 }, (_, i) => SMALL_COUNTS[i % 4]!),
      out: Array.from({ length: 288 }, (_, i) => SMALL_COUNTS[(i + 1) % 4]!),
    }),
  ],
);

beforeEach(() => {
  useTimeStore.setState({ mode: 'history', time: Date.parse('2026-11-21T14:00:00+01:00') });
  useCrowdMonitorStore.setState({
    on: true,
    day: 'weekday',
    controlRoom: true,
    samples: { weekday: feed },
    sampleLoad: { weekday: { state: 'ready', loadedAt: 0 } },
  });
});
afterEach(cleanup);

describe('control room', () => {
  it('shows large numbers per site, the busiest first, with warnings', () => {
    render(<ControlRoom />);
    const tiles = screen.getAllByRole('listitem').filter((li) => li.classList.contains('site-tile'));
    expect(tiles.map((tile) => tile.getAttribute('data-site'))).toEqual(['busy', 'quiet']);
    expect(within(tiles[0]!).getByText(/p\/m²/, { selector: '.site-tile__density' })).toBeTruthy();
    expect(screen.getByText('14:00')).toBeTruthy();
  });

  it('never shows a count under the privacy threshold, nor anything derived from it', () => {
    render(<ControlRoom />);
    const quiet = document.querySelector('[data-site="quiet"]')!;
    expect(quiet.textContent).toContain('–');
    expect(quiet.textContent).toContain('te weinig mensen geteld om te tonen');
    // No digit at all in the quiet lane's tile (its name has none): no count, density or forecast.
    expect(quiet.textContent).not.toMatch(/\d/);
    expect(quiet.querySelector('svg')?.getAttribute('aria-label')).toBe(
      'Stil straatje: dichtheid de afgelopen 2 uur geen; verwacht over een uur geen.',
    );
    // And the link to this view carries no counts either: only the monitor's day and layout.
    const link = encodeView({ ...DEFAULT_VIEW, crowd: 'weekday', controlRoom: true });
    expect(link).toBe(`?v=1&cam=${link.split('cam=')[1]!.split('&')[0]}&crowd=weekday&view=control`);
  });

  it('says how old the data is when the feed has stopped, and keeps the last state', () => {
    const last = cest('2026-06-13T18:00');
    const stopped = {
      ...feed,
      series: feed.series.map((s) => ({ ...s, in: s.in.slice(0, 156), out: s.out.slice(0, 156) })),
    };
    const view = liveView(stopped, last + 25 * 60_000, 'de verbinding is weg');
    render(<MonitorStatus view={view} large />);
    const state = screen.getByTestId('crowd-feed-state');
    expect(state.textContent).toBe(
      'Telfeed: gestopt Geen actuele tellingen: de nieuwste zijn van 18:00 (25 min oud).',
    );
    expect(screen.getByText(/de verbinding is weg/)).toBeTruthy();
  });

  it('a stopped feed raises the alarm, keeps the last values greyed with their time, and never says "no warnings"', () => {
    // The replayed day ends at 18:00; at 18:25 the newest counts are 25 minutes old.
    const stopped = {
      ...feed,
      series: feed.series.map((s) => ({ ...s, in: s.in.slice(0, 156), out: s.out.slice(0, 156) })),
    };
    useCrowdMonitorStore.setState({ samples: { weekday: stopped } });
    useTimeStore.setState({ mode: 'history', time: Date.parse('2026-11-21T18:25:00+01:00') });
    render(<ControlRoom />);
    expect(screen.getByTestId('crowd-status').getAttribute('data-feed-state')).toBe('stopped');
    expect(screen.getByTestId('crowd-announcer').textContent).toBe(
      'Verbindingsalarm: geen actuele tellingen sinds 18:00. Waarschuwingen zijn onbekend.',
    );
    expect(screen.getByTestId('crowd-warnings-unknown').textContent).toContain('Waarschuwingen onbekend');
    expect(document.body.textContent).not.toContain('Geen waarschuwingen');
    const busy = document.querySelector('[data-site="busy"]')!;
    expect(busy.getAttribute('data-fresh')).toBe('stale');
    expect(busy.classList.contains('site-tile--stale')).toBe(true);
    expect(busy.querySelector('.site-tile__density')!.textContent).toMatch(/\d,\d\d p\/m²/);
    expect(within(busy as HTMLElement).getByTestId('site-last-value').textContent).toBe(
      'Laatst gemeten om 18:00 (25 min oud)',
    );
  });

  it('months-old counts: an age in days with the date, never "4.196 u", and no all-clear', () => {
    const last = cest('2026-06-13T18:00');
    const now = last + 4_196 * 3_600_000;
    const view = liveView(feed, now, null, last);
    render(<MonitorStatus view={view} large />);
    const text = screen.getByTestId('crowd-feed-state').textContent!;
    expect(text).toBe(
      'Telfeed: gestopt Geen actuele tellingen: de nieuwste zijn van 13 juni 2026 18:00 (174 dagen oud).',
    );
    expect(text).not.toMatch(/\d\.\d{3} u/);
    expect(view.verdict.kind).toBe('unknown');
  });
});

/** A live view as useCrowdMonitor builds it, at `nowMs`, after a fetch that failed with `failure`. */
function liveView(
  f: typeof feed,
  nowMs: number,
  failure: string | null,
  newestCountAt = newestCountOf(f),
): CrowdMonitorView {
  const assessment = assessCrowd(f, nowMs);
  const status = feedStatus(
    {
      nowMs,
      startedAt: nowMs - 3_600_000,
      lastSuccessAt: nowMs - 30 * 60_000,
      lastFailureAt: failure === null ? null : nowMs - 10_000,
      newestCountAt,
    },
    { staleAfterMs: 10 * 60_000, expectedDelayMs: 6 * 60_000, skewToleranceMs: 2 * 60_000 },
  );
  return {
    source: 'live',
    sampleDay: 'weekday',
    feed: f,
    load:
      failure === null
        ? { state: 'ready', loadedAt: nowMs }
        : { state: 'error', message: failure, at: nowMs },
    assessment,
    eventId: 'live:test',
    nowMs,
    newestCountAt,
    status,
    staleAfterMs: 10 * 60_000,
    verdict: warningsVerdict(status, assessment, 10 * 60_000),
    failure,
  };
}

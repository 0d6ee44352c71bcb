// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CrowdMonitorView } from '../bindings/use-crowd-monitor.ts';
import { assessCrowd } from '../../monitor/monitor.ts';
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
    const view: CrowdMonitorView = {
      source: 'live',
      sampleDay: 'weekday',
      feed: stopped,
      load: { state: 'error', message: 'de verbinding is weg', at: last + 25 * 60_000 },
      assessment: assessCrowd(stopped, last + 25 * 60_000),
    };
    render(<MonitorStatus view={view} large />);
    expect(screen.getByTestId('crowd-stale').textContent).toContain('25 min oud');
    expect(screen.getByText(/Tellingen tot 18:00/)).toBeTruthy();
    const alerts = screen.getAllByRole('alert').map((a) => a.textContent);
    expect(alerts).toEqual([
      expect.stringContaining('de verbinding is weg'),
      expect.stringContaining('25 min oud'),
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { HOTSPOT_RATIO } from '../../../scenarios/cycling/level-of-service.ts';
import { hotspotList, odRows, shortZoneNames } from './results-model.ts';
import { roadworksExample, runCycling } from '../../../../tests/support/cycling-in-process.ts';

describe('cycling results for the panel', () => {
  it('reads the travel-time table by column name and marks rows over the detour limit', () => {
    const rows = odRows({
      columns: [
        'destination',
        'origin',
        'trips',
        'baselineMinutes',
        'scenarioMinutes',
        'changeMinutes',
        'detourFactor',
        'overDetourLimit',
      ],
      rows: [
        ['B', 'A', 120, 4.15, 6.04, 1.89, 2.08, 1],
        ['A', 'B', 80, 1.6, 1.6, 0, 1.16, 0],
        ['C', 'A', 10, 3, null, null, null, 0],
      ],
    });
    expect(rows.map((r) => [r.origin, r.destination, r.overDetourLimit, r.lostRoute])).toEqual([
      ['A', 'B', true, false],
      ['B', 'A', false, false],
      ['A', 'C', false, true],
    ]);
    expect(rows[0]).toMatchObject({
      trips: 120,
      baselineMinutes: 4.15,
      scenarioMinutes: 6.04,
      detourFactor: 2.08,
    });
    expect(odRows(undefined)).toEqual([]);
  });

  it('shortens zone names only where they stay distinct', () => {
    const rows = odRows({
      columns: ['origin', 'destination'],
      rows: [
        ['Neude (binnenstad noord)', 'Domplein (universiteit)'],
        ['Domplein (oost)', 'Neude (binnenstad noord)'],
      ],
    });
    const name = shortZoneNames(rows);
    expect(name('Neude (binnenstad noord)')).toBe('Neude');
    expect(name('Domplein (universiteit)')).toBe('Domplein (universiteit)');
  });

  it('lists the hotspots at the run hour, worst first, and which are new', async () => {
    const { outcome } = await runCycling({ ...roadworksExample, run: { dayType: 'weekday', hour: 8 } });
    const list = hotspotList(outcome, HOTSPOT_RATIO, 8);
    expect(list.length).toBe(outcome.output.indicators['hotspots']!.value);
    expect(list.map((h) => h.ratio)).toEqual([...list.map((h) => h.ratio)].sort((a, b) => b - a));
    expect(list.every((h) => h.step === 8 && h.ratio >= 1)).toBe(true);
    // Closing Vredenburg sends cyclists round by the singel: Lucasbolwerk reaches LoS F at 08:00.
    expect(list.find((h) => h.linkId === 'lucasbolwerk')?.isNew).toBe(true);
    expect(list.find((h) => h.linkId === 'weerdsingel')?.isNew).toBe(false);
    expect(list.find((h) => h.linkId === 'vredenburg')).toBeUndefined();
  });

  it('judges a whole-day run at each street’s busiest hour', async () => {
    const { outcome } = await runCycling(roadworksExample);
    const list = hotspotList(outcome, HOTSPOT_RATIO, undefined);
    expect(list.length).toBe(outcome.output.indicators['hotspots']!.value);
    const worst = outcome.output.indicators['worstHotspot']!;
    expect(list[0]!.ratio).toBeCloseTo(worst.value!, 5);
  });
});

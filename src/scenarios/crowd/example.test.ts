import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkAgainstBaseline, parseScenario } from '../engine/format.ts';
import { SCENARIO_KINDS } from '../engine/engine-kinds.ts';
import { distanceMetres, networkFileSchema } from './network-file.ts';
import { minutesOfDay, type CrowdScenario } from './definition.ts';
import { buildLoadingInput, runCrowdScenario, triangularCdf } from './run.ts';
import { NetworkLoading } from './network-loading.ts';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const networkRaw: unknown = JSON.parse(read('../../../public/data/crowd/pedestrian-network.json'));
const scenarioText = read('../../../scenarios/vredenburg-stage.json');

describe('sample pedestrian network', () => {
  const file = networkFileSchema.parse(networkRaw);

  it('is labelled as an approximate sample', () => {
    expect(file.meta.sample).toBe(true);
    expect(file.meta.note).toMatch(/approximation/i);
  });

  it('lies in central Utrecht, with plausible link lengths and widths', () => {
    const dom = { lon: 5.12134, lat: 52.09068 };
    for (const n of file.nodes) expect(distanceMetres(n, dom), n.id).toBeLessThan(1500);
    for (const l of file.links) {
      expect(l.width, l.id).toBeGreaterThanOrEqual(3);
      expect(l.width, l.id).toBeLessThanOrEqual(40);
    }
    const names = file.links.map((l) => l.name ?? '').join(' ');
    for (const street of [
      'Stationsplein',
      'Vredenburg',
      'Lange Elisabethstraat',
      'Lange Viestraat',
      'Oudegracht',
      'Steenweg',
    ])
      expect(names).toContain(street);
    expect(file.nodes.map((n) => n.id)).toEqual(
      expect.arrayContaining(['neude', 'domplein', 'stationsplein']),
    );
  });

  it('rejects a broken network file with paths', () => {
    const broken = structuredClone(networkRaw) as { links: { to: string; width: number }[] };
    broken.links[0]!.to = 'nowhere';
    broken.links[1]!.width = 0;
    const r = networkFileSchema.safeParse(broken);
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['links.0.to', 'links.1.width']));
  });
});

describe('example scenario: a stage on Vredenburg', () => {
  const parsed = parseScenario(scenarioText, SCENARIO_KINDS);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const scenario = parsed.value as CrowdScenario;
  const kind = SCENARIO_KINDS.get('crowd-event')!;
  const file = networkFileSchema.parse(networkRaw);

  it('validates against the sample network', () => {
    expect(checkAgainstBaseline(scenario, networkRaw, kind)).toMatchObject({ ok: true });
  });

  it('runs: every visitor reaches the terrain and leaves, closed streets stay empty', async () => {
    const out = await runCrowdScenario(scenario, file);
    const venue = Object.entries(out.indicators).find(([k]) => k.endsWith('.peak'))![1];
    expect(venue.value!).toBeCloseTo(16000, -1);
    expect(out.indicators['unroutable']!.value).toBe(0);
    const density = out.fields['density']!;
    for (const closed of ['vredenburg-plein-west', 'vredenburg-plein-noord', 'vredenburg-plein-zuid']) {
      const l = density.ids.indexOf(closed);
      for (let s = 0; s < density.steps; s++) expect(density.values[s * density.ids.length + l]).toBe(0);
    }
    expect(density.steps).toBe(720); // 12:00–24:00 in minutes
  });

  it('conserves people step by step over the whole evening', () => {
    const { input } = buildLoadingInput(scenario, file);
    const r = new NetworkLoading(input).runToEnd();
    let previous = 0;
    for (let s = 0; s < r.totals.stock.length; s++) {
      const change = r.totals.stock[s]! - previous;
      expect(Math.abs(change - (r.totals.injected[s]! - r.totals.exited[s]!))).toBeLessThan(1e-7);
      previous = r.totals.stock[s]!;
    }
  });

  it('makes the departure crowd visible against the usual Saturday', async () => {
    const base = await runCrowdScenario({ ...scenario, changes: [] }, file);
    const event = await runCrowdScenario(scenario, file);
    expect(event.indicators['peakDensity']!.value!).toBeGreaterThan(
      2 * base.indicators['peakDensity']!.value!,
    );
  });
});

describe('example scenario: the concert exit empties the streets', () => {
  const parsed = parseScenario(read('../../../scenarios/vredenburg-concert-exit.json'), SCENARIO_KINDS);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const scenario = parsed.value as CrowdScenario;
  const file = networkFileSchema.parse(networkRaw);
  /*
   * 30,000 visitors leave 22:30–22:50 (triangular, peak 22:35; 50 p/s at the peak) by the north
   * (40 %), west (35 %) and south (25 %) exits, to Centraal hal 55 %, Stationsplein 10 %, Neude 20 %
   * and Domplein 15 %. Run 14:00–24:00 at 1-minute steps. By hand, on the sample map:
   *
   * Background walkers only, after the event (Little's law, stock = Σ rate × route / v0): in the
   * 23-h hour the profile is 0.15 of the peak; the eleven background flows with their shortest
   * routes (from the sample's coordinates) are, in p/h at peak × m:
   * 1500·981 + 1200·981 + 800·965 + 700·965 + 900·737 + 800·737 + 300·830 + 500·1180 + 400·1233 +
   * 300·545 + 300·545 = 7,008,300; × 0.15 / 3600 / 1.34 m/s = 217.9 people on the streets.
   *
   * When the event crowd has gone: the exit streets' loads by the shortest walks are
   * - Lange Viestraat (west), narrowed to 4.5 m by the scenario: the north exit's Neude and Domplein
   *   visitors (35 % of 12,000 = 4,200), the west exit's (35 % of 10,500 = 3,675, along the north
   *   side) and the south exit's Neude visitors (20 % of 7,500 = 1,500, along the east side): 9,375,
   *   plus background the same way (Centraal → Neude and → Voorstraat, 1,900/h × 0.30 ≈ 0.16 p/s,
   *   ≈ 360 in the 38 minutes) ≈ 9,735. Capacity 4.5 × 1.2249 = 5.51 p/s, at most 20 % less with
   *   the counter-flow of walkers to the station: 4.41 p/s. Its visitors reach that rate 1.4 min
   *   after 22:30 (31 % of the peak rate × t / 5 min = 4.41 p/s), so it clears by
   *   22:30 + 1.4 min + 9,735 / 4.41 s (36.8 min) = 23:08:12;
   * - Catharijnesingel (8 m, 7.84 p/s at −20 %): 7,800 + 4,875 = 12,675 station-bound → 27 min;
   *   the north exit's 7,800 first pass the east side (6 m, with the 1,500 going the other way:
   *   9,300 / (0.8 × 7.35 p/s) = 26 min): both done before 23:00, then 536 m to the hall (12.8 min
   *   at v(ρc) = 0.70 m/s), 23:09;
   * - Hoog Catharijne west (12 m) and Lange Elisabethstraat (6 m) carry 6,825 and 1,125: < 10 min.
   * So Lange Viestraat binds. Beyond it, Domplein is 470 m further (63 + 106 + 134 + 94 + 73 m),
   * 11.2 min at 0.70 m/s: 23:19:23. The south exit's Neude visitors must first cross the east side
   * against the station-bound crowd; with half its width at −20 % that takes at worst
   * 1,500 / (0.5 × 7.35 × 0.8) = 510 s = 8.5 min more: 23:27:53.
   * So by 23:28 only background walkers are left. (The old model still had ~3,700 on the streets
   * then, locked at 5.4 p/m² on the east side, and 2,800 waiting at the exits at midnight.)
   */
  const background = (7_008_300 * 0.15) / 3600 / 1.34;
  const minute = (hhmm: string) => minutesOfDay(hhmm) - minutesOfDay('14:00') - 1; // the step ending then

  it('has only background walkers left by the hand-derived 23:28, and nobody waiting', () => {
    const { input } = buildLoadingInput(scenario, file);
    const r = new NetworkLoading(input).runToEnd();
    expect(background).toBeCloseTo(217.9, 1);
    expect(r.totals.stock[minute('22:45')]!).toBeGreaterThan(20 * background); // the crowd was there
    for (const at of ['23:28', '23:45', '24:00'])
      expect(Math.abs(r.totals.stock[minute(at)]! / background - 1), at).toBeLessThan(0.05);
    expect(r.totals.queued[minute('23:28')]).toBeCloseTo(0, 6);
    expect(r.indicators.waitingAtEnd).toBeCloseTo(0, 6);
  });
});

describe('arrival profile', () => {
  it('is a triangular distribution', () => {
    expect(triangularCdf(0, 0, 1, 3)).toBe(0);
    expect(triangularCdf(1, 0, 1, 3)).toBeCloseTo(1 / 3, 12);
    expect(triangularCdf(3, 0, 1, 3)).toBe(1);
    expect(triangularCdf(2, 0, 1, 3)).toBeCloseTo(1 - 1 / 6, 12);
  });
});

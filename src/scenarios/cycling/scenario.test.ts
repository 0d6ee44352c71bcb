import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkAgainstBaseline, parseScenario } from '../engine/format.ts';
import { InvalidScenarioError, runScenario } from '../engine/runner.ts';
import { CancelledError, type Field, type ScenarioOutput } from '../engine/types.ts';
import { SCENARIO_KINDS } from '../engine/engine-kinds.ts';
import { metresBetween } from './geo.ts';
import { bikeNetworkFileSchema, type BikeNetworkFile } from './network-file.ts';
import { OD_TABLE_COLUMNS, runCyclingScenario, scenarioLinks, topK } from './run.ts';
import type { CyclingChange, CyclingRun, CyclingScenario } from './definition.ts';
import { smallNetwork, type SmallNetworkSpec } from '../../../tests/support/small-bike-network.ts';
import { noteTexts } from '../../../tests/support/notes.ts';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const sampleRaw: unknown = JSON.parse(read('../../../public/data/cycling/utrecht-centre-bike-network.json'));
const sample = bikeNetworkFileSchema.parse(sampleRaw);
const roadworksText = read('../../../scenarios/cycling-vredenburg-roadworks.json');
const bridgeText = read('../../../scenarios/cycling-mariaplaats-bridge.json');

const scenario = (
  file: BikeNetworkFile,
  changes: CyclingChange[] = [],
  run: CyclingRun = {},
): CyclingScenario => ({
  version: 1,
  kind: 'cycling-route',
  name: 'test',
  baseline: file.meta.id,
  changes,
  run,
});

/** Value of a field for one link id at one step. */
const at = (field: Field, id: string, step = 0) =>
  field.values[step * field.ids.length + field.ids.indexOf(id)]!;
const row = (out: ScenarioOutput, origin: string, destination: string) =>
  out.tables!['odTravelTimes']!.rows.find((r) => r[0] === origin && r[1] === destination);

describe('sample bike network', () => {
  it('is labelled as a sample, with counts labelled as sample values', () => {
    expect(sample.meta.sample).toBe(true);
    expect(sample.meta.note).toMatch(/approximation/i);
    expect(sample.counts?.sample).toBe(true);
    expect(sample.counts?.note).toMatch(/not measurements/i);
  });

  it('lies in central Utrecht and gives every link a name and drawable geometry', () => {
    const dom: [number, number] = [5.12134, 52.09068];
    for (const n of sample.nodes) expect(metresBetween([n.lon, n.lat], dom), n.id).toBeLessThan(2000);
    for (const l of sample.links) {
      expect(l.name.length, l.id).toBeGreaterThan(2);
      expect(l.geometry.length, l.id).toBeGreaterThanOrEqual(2);
    }
    const names = sample.links.map((l) => l.name).join(' ');
    for (const street of ['Vredenburg', 'Lange Viestraat', 'Potterstraat', 'Biltstraat', 'Croeselaan'])
      expect(names).toContain(street);
  });

  it('has counting points with lon/lat on links, both day types, Vredenburg at 32,000 a weekday', () => {
    const points = sample.counts!.points;
    expect(points.length).toBeGreaterThanOrEqual(10);
    const links = new Set(sample.links.map((l) => l.id));
    for (const p of points) {
      expect(links.has(p.link), p.id).toBe(true);
      expect(p.weekday).toHaveLength(24);
      expect(p.weekend).toHaveLength(24);
    }
    const daily = (p: (typeof points)[number], day: 'weekday' | 'weekend') =>
      p[day]!.reduce((s, v) => s + v, 0);
    const vredenburg = points.find((p) => p.link === 'vredenburg')!;
    expect(daily(vredenburg, 'weekday')).toBe(32_000);
    // Weekday peaks in the morning and evening; the weekend is lower over the day.
    const hourly = vredenburg.weekday!;
    expect(hourly[8]!).toBeGreaterThan(1.5 * hourly[11]!);
    expect(daily(vredenburg, 'weekend')).toBeLessThan(daily(vredenburg, 'weekday'));
  });

  it('reproduces its counts with the stored OD matrices (RMSE < 5 %, every GEH < 5)', () => {
    for (const day of ['weekday', 'weekend'] as const) {
      const fit = sample.demand![day]!.fit!;
      expect(fit.links).toBe(sample.counts!.points.length);
      expect(fit.relativeRmse, day).toBeLessThan(0.05);
      expect(fit.maxGeh, day).toBeLessThan(5);
      expect(fit.shareGehBelow5).toBe(1);
    }
  });

  it('estimates its OD matrix at run time when the file has none, to the same tolerance', async () => {
    const { demand: _drop, ...withoutDemand } = sample;
    const out = await runCyclingScenario(scenario(withoutDemand), withoutDemand);
    const note = out.notes.find((n) => n.key === 'scenario.note.cycling.demandEstimated');
    expect(note).toBeDefined();
    expect(noteTexts([note!])[0]).toMatch(/estimated for this run/);
    // The note's "GEH at the busiest hour at most …", rounded to 0.1 as shown.
    expect(note!.params!['maxGeh']).toBeLessThan(5);
  });
});

describe('pivot-point flows on the sample', () => {
  it('with no edits, equal the observed counts exactly, hour by hour', async () => {
    for (const dayType of ['weekday', 'weekend'] as const) {
      const out = await runCyclingScenario(scenario(sample, [], { dayType }), sample);
      const flow = out.fields['flow']!;
      const daily = out.fields['daily']!;
      expect(flow.steps).toBe(24);
      for (const p of sample.counts!.points) {
        const counts = p[dayType]!;
        for (let h = 0; h < 24; h++) expect(at(flow, p.link, h), `${p.id} ${h}:00`).toBe(counts[h]);
        expect(at(daily, p.link)).toBe(counts.reduce((s, v) => s + v, 0));
      }
    }
  });

  it('gives the shape the UI draws: per link and hour, 00:00 in hourly steps, vc and hotspots', async () => {
    const out = await runCyclingScenario(scenario(sample), sample);
    expect(out.kind).toBe('cycling-route');
    expect(out.stepSeconds).toBe(3600);
    expect(out.startsAt).toBe('00:00');
    expect(out.fields['flow']!.ids).toEqual(sample.links.map((l) => l.id));
    const width = sample.links.find((l) => l.id === 'vredenburg')!.width;
    const peak = Math.max(...sample.counts!.points.find((p) => p.link === 'vredenburg')!.weekday!);
    // LoS F on a 10 m path: Botma's 630 cyclists/h for 3.0 m, scaled with the width (630 · 10 / 3).
    expect(width).toBe(10);
    expect(at(out.fields['hotspotVc']!, 'vredenburg')).toBeCloseTo(peak / 2100, 5);
    expect(out.tables!['odTravelTimes']!.columns).toEqual([...OD_TABLE_COLUMNS]);
    const worst = out.indicators['worstHotspot']!;
    const hotspotVc = out.fields['hotspotVc']!;
    expect(worst.value).toBeCloseTo(Math.max(...hotspotVc.values), 6);
    expect(worst.label).toBe(sample.links[hotspotVc.values.indexOf(Math.max(...hotspotVc.values))]!.name);
    expect(out.indicators['hotspots']!.value).toBe([...hotspotVc.values].filter((v) => v >= 1).length);
    // Level of service per hour: F exactly where the ratio reaches 1.
    const vc = out.fields['vc']!;
    const los = out.fields['los']!;
    vc.values.forEach((r, k) => expect(los.values[k] === 5, `${k}`).toBe(r >= 1));
  });
});

describe('example: roadworks on Vredenburg', () => {
  const parsed = parseScenario(roadworksText, SCENARIO_KINDS);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));

  it('validates against the sample network', () => {
    expect(checkAgainstBaseline(parsed.value, sampleRaw, SCENARIO_KINDS.get('cycling-route')!)).toMatchObject(
      {
        ok: true,
      },
    );
  });

  it('empties Vredenburg, moves its cyclists elsewhere and keeps every trip', async () => {
    const r = await runScenario(
      { scenario: roadworksText, baseline: sampleRaw, compare: true },
      SCENARIO_KINDS,
    );
    const flow = r.output.fields['flow']!;
    for (let h = 0; h < 24; h++) expect(at(flow, 'vredenburg', h)).toBe(0);
    const d = r.difference!;
    expect(at(d.fields['daily']!, 'vredenburg')).toBe(-32_000);
    // Parallel routes take over: the northern ring and the route via Mariaplaats gain.
    expect(at(d.fields['daily']!, 'weerdsingel')).toBeGreaterThan(1000);
    expect(at(d.fields['daily']!, 'zadelstraat')).toBeGreaterThan(1000);
    expect(d.indicators['totalTrips']!.change).toBeCloseTo(0, 6);
    expect(r.output.indicators['unservableTrips']!.value).toBe(0);
    expect(d.indicators['odPairsOverDetour']!.change!).toBeGreaterThan(0);
    expect(d.indicators['meanTripMinutes']!.change!).toBeGreaterThan(0);
    // The OD table's difference has the changed minutes of the same pairs.
    const table = d.tables!['odTravelTimes']!;
    expect(table.rows.length).toBeGreaterThan(0);
    expect(table.rows.some((r) => (r[5] as number) > 1)).toBe(true);
    // Lange Viestraat's count is below what the closure takes away: shown as 0 with a note, not negative.
    expect(Math.min(...r.output.fields['flow']!.values)).toBeGreaterThanOrEqual(0);
    // The mixed pivot (default) scales a loss by the count, so no hour has to be cut off at 0
    // (the additive pivot did, on some links, and said so in this note).
    expect(r.output.notes.map((n) => n.key)).not.toContain('scenario.note.cycling.clamped');
  });
});

describe('example: a new bike bridge to Mariaplaats', () => {
  it('snaps the coordinate end to Mariaplaats, carries cyclists, and shortens detours', async () => {
    const r = await runScenario({ scenario: bridgeText, baseline: sampleRaw, compare: true }, SCENARIO_KINDS);
    const parsed = JSON.parse(bridgeText) as CyclingScenario;
    const added = scenarioLinks(sample, parsed.changes).find((l) => l.id === 'fietsbrug-mariaplaats')!;
    expect(added.added).toBe(true);
    const mariaplaats = sample.nodes.find((n) => n.id === 'mariaplaats')!;
    expect(added.geometry.at(-1)).toEqual([mariaplaats.lon, mariaplaats.lat]);
    const daily = r.output.fields['daily']!;
    expect(daily.ids.at(-1)).toBe('fietsbrug-mariaplaats');
    expect(at(daily, 'fietsbrug-mariaplaats')).toBeGreaterThan(1000);
    // The baseline has no such link: its difference is the whole new flow.
    expect(at(r.difference!.fields['daily']!, 'fietsbrug-mariaplaats')).toBeCloseTo(
      at(daily, 'fietsbrug-mariaplaats'),
      1,
    );
    expect(r.difference!.indicators['odPairsOverDetour']!.change!).toBeLessThan(0);
    // One-way Zadelstraat: nobody rides it towards Mariaplaats (the model part of its flow changes).
    const zadelstraat = scenarioLinks(sample, parsed.changes).find((l) => l.id === 'zadelstraat')!;
    expect([zadelstraat.forward, zadelstraat.backward]).toEqual([true, false]);
    // Hour 17: hotspots are judged at that hour.
    const vc = r.output.fields['vc']!;
    const hotspotVc = r.output.fields['hotspotVc']!;
    for (const id of ['vredenburg', 'fietsbrug-mariaplaats']) expect(at(hotspotVc, id)).toBe(at(vc, id, 17));
    expect(r.output.indicators['totalTrips']!.unit).toBe('trips/h');
  });
});

/** a and b 1000 m apart, joined directly and by a detour over c of 2 × 800 m (detour factor 1.6). */
const detourSpec: SmallNetworkSpec = {
  nodes: { a: [0, 0], b: [1000, 0], c: [500, 600], d: [1000, 800] },
  links: [
    { id: 'ab', from: 'a', to: 'b' },
    { id: 'ac', from: 'a', to: 'c', length: 800 },
    { id: 'cb', from: 'c', to: 'b', length: 800 },
    { id: 'cd', from: 'c', to: 'd' },
  ],
  zones: [
    { id: 'za', node: 'a' },
    { id: 'zb', node: 'b' },
    { id: 'zd', node: 'd' },
  ],
  trips: { 'za>zb': 500, 'zb>za': 400, 'za>zd': 100, 'zd>za': 50 },
  counts: [{ link: 'ab', weekday: 800 }],
};

describe('detours (CROW: network / crow-fly distance, flagged above 1.4)', () => {
  it('flags the pairs a closure forces onto a detour beyond 1.4', async () => {
    const file = smallNetwork(detourSpec);
    const base = await runCyclingScenario(scenario(file), file);
    expect(base.indicators['odPairsOverDetour']!.value).toBe(0);
    const out = await runCyclingScenario(scenario(file, [{ type: 'close-link', link: 'ab' }]), file);
    expect(out.indicators['odPairsOverDetour']!.value).toBe(2);
    expect(out.indicators['tripsOverDetour']!.value).toBeCloseTo(900, 6);
    const ab = row(out, 'Zone za', 'Zone zb')!;
    expect(ab[6]).toBeCloseTo(1.6, 2);
    expect(ab[7]).toBe(1);
    // 1600 m instead of 1000 m at 18 km/h: 2 minutes longer.
    expect(ab[5]).toBeCloseTo(2, 2);
    expect(row(out, 'Zone za', 'Zone zd')![7]).toBe(0);
  });

  it('measures the shortest distance, not the fastest route’s length', async () => {
    // ab slowed to 5 km/h (1000 m: 720 s), so the fastest a → b route is over c (1600 m at
    // 18 km/h: 320 s); the network still offers 1000 m, so the detour factor is 1000 / 1000 = 1.0.
    const file = smallNetwork(detourSpec);
    const out = await runCyclingScenario(scenario(file, [{ type: 'set-speed', link: 'ab', speed: 5 }]), file);
    const ab = row(out, 'Zone za', 'Zone zb')!;
    expect(ab[6]).toBeCloseTo(1, 2);
    expect(ab[7]).toBe(0);
    expect(out.indicators['odPairsOverDetour']!.value).toBe(0);
  });
});

describe('bad input', () => {
  const file = smallNetwork(detourSpec);
  const raw = JSON.parse(JSON.stringify(file)) as unknown;
  const issuesOf = async (changes: unknown[], run: unknown = {}) => {
    const s = { version: 1, kind: 'cycling-route', name: 'bad', baseline: 'test-network', changes, run };
    const error = await runScenario({ scenario: s, baseline: raw }, SCENARIO_KINDS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidScenarioError);
    return (error as InvalidScenarioError).issues;
  };

  it('refuses a new link that connects to nothing, with the nearest node and its distance', async () => {
    const far = file.nodes.find((n) => n.id === 'b')!;
    const issues = await issuesOf([
      { type: 'add-link', from: 'a', to: { lon: far.lon + 0.01, lat: far.lat } },
    ]);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe('changes[0].to');
    expect(issues[0]!.message).toMatch(
      /^connects to nothing: a new link must end at a node or within 40 m of one \(the nearest, "b", is 68\d m away\)$/,
    );
    expect(await issuesOf([{ type: 'add-link', from: 'nowhere', to: 'b' }])).toEqual([
      { path: 'changes[0].from', message: 'unknown node "nowhere"' },
    ]);
    expect(
      await issuesOf([
        { type: 'add-link', from: 'a', to: { lon: file.nodes[0]!.lon, lat: file.nodes[0]!.lat + 0.0001 } },
      ]),
    ).toEqual([{ path: 'changes[0].to', message: 'both ends are node "a"; a link needs two' }]);
  });

  it('refuses negative speeds, widths, delays and impossible hours with clear messages', async () => {
    const issues = await issuesOf(
      [
        { type: 'set-speed', link: 'ab', speed: -5 },
        { type: 'set-width', link: 'ab', width: 0 },
        { type: 'set-junction-delay', node: 'c', seconds: -1 },
        { type: 'add-link', from: 'a', to: 'd', speed: 0 },
      ],
      { hour: 24 },
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'changes[0].speed', message: 'a cycling speed must be more than 0 km/h' },
        { path: 'changes[1].width', message: 'a cycling width must be more than 0 m' },
        { path: 'changes[2].seconds', message: 'a junction delay must be 0 s or more' },
        { path: 'changes[3].speed', message: 'a cycling speed must be more than 0 km/h' },
        { path: 'run.hour', message: 'must be an hour from 0 to 23' },
      ]),
    );
  });

  it('refuses unknown links and nodes with their path', async () => {
    expect(
      await issuesOf([
        { type: 'close-link', link: 'vredenburg' },
        { type: 'one-way', link: 'ab', direction: 'backward' },
        { type: 'set-junction-delay', node: 'q', seconds: 10 },
      ]),
    ).toEqual([
      { path: 'changes[0].link', message: 'unknown link "vredenburg"' },
      { path: 'changes[2].node', message: 'unknown node "q"' },
    ]);
  });

  it('reports trips a closure leaves without a route as an indicator and a note, never silently', async () => {
    // Closing c–d cuts zone zd off: its 150 trips a day cannot be made.
    const out = await runCyclingScenario(scenario(file, [{ type: 'close-link', link: 'cd' }]), file);
    expect(out.indicators['unservableTrips']!.value).toBeCloseTo(150, 6);
    expect(out.indicators['totalTrips']!.value).toBeCloseTo(1050, 6);
    expect(noteTexts(out.notes).join(' ')).toMatch(
      /150 trips have no route any more .*Zone za → Zone zd \(100\).*Zone zd → Zone za \(50\)/,
    );
    expect(row(out, 'Zone za', 'Zone zd')![4]).toBeNull();
    expect(at(out.fields['daily']!, 'cd')).toBe(0);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      runCyclingScenario(scenario(sample, [{ type: 'close-link', link: 'vredenburg' }]), sample, {
        signal: controller.signal,
      }),
    ).rejects.toBeInstanceOf(CancelledError);
  });
});

describe('top k', () => {
  it('picks the k best in order without sorting everything', () => {
    const values = [5, 9, 1, 9, 7, 3, 8];
    const better = (a: number, b: number) => values[a]! > values[b]! || (values[a] === values[b] && a < b);
    expect(topK(values.length, 3, better)).toEqual([1, 3, 6]);
    expect(topK(values.length, 10, better)).toEqual([1, 3, 6, 4, 0, 5, 2]);
    expect(topK(0, 3, better)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { InvalidScenarioError, runScenario } from '../engine/runner.ts';
import { CancelledError, type ScenarioOutput } from '../engine/types.ts';
import { SCENARIO_KINDS } from '../engine/engine-kinds.ts';
import type { HeatChange, HeatRun } from './changes.ts';
import { cellAt, makeGrid } from './grid.ts';
import { deriveCity, prepareCity } from './heat-model.ts';
import { applyChanges } from './interventions.ts';
import { BOWEN_PAVED, petSun, wetBulbStull } from './pet.ts';
import { HeatCache, runHeatScenario, type HeatScenario } from './run-heat.ts';
import { syntheticBaseline, syntheticLonLat, type SyntheticCity } from './synthetic-city.ts';
import { heatIslandScale } from './urban-heat.ts';
import { noteTexts } from '../../../tests/support/notes.ts';
import { modelHour, REFERENCE_DAY } from './weather.ts';

/** 300 × 300 m: a row of houses along a street in the south-west, open paving elsewhere. */
const CITY: SyntheticCity = {
  size: 150,
  buildings: [
    { x0: 20, y0: 20, x1: 120, y1: 40, height: 12 },
    { x0: 20, y0: 52, x1: 120, y1: 72, height: 12 },
  ],
};
const FILE = syntheticBaseline(CITY);
const GRID = makeGrid(FILE.grid);
const HOUR_15: HeatRun = { hour: 15 };

function scenario(changes: HeatChange[], run: HeatRun = HOUR_15): HeatScenario {
  return { version: 1, kind: 'heat-greening', name: 'test', baseline: 'synthetic', changes, run };
}

function pet(output: ScenarioOutput): Float32Array {
  return output.fields['pet']!.values as Float32Array;
}

/** Cell index of a point in metres. */
const at = (x: number, y: number) => cellAt(GRID, x, y);

describe('heat model on a synthetic city', () => {
  it('gives an open, sunlit paved cell the notes’ sunlit regression with open-field inputs', async () => {
    const out = await runHeatScenario(scenario([]), FILE, {}, new HeatCache());
    // Far from the houses: no shade, sky view 1, the grass wind factor; the heat island of a city
    // that is almost all paved (vegetation 0) with a sky view near 1.
    const hour = modelHour('2015-07-01', 15, 52.0914, 5.1235);
    const s = hour.station;
    const island = (2 - 1 - 0) * heatIslandScale(REFERENCE_DAY) * s.heatIslandShare;
    const expected = petSun({
      airTemperature: s.airTemperature + island,
      wetBulb: wetBulbStull(s.airTemperature, s.relativeHumidity),
      wind: 0.635 * s.windSpeed,
      skyView: 1,
      global: s.global,
      elevation: hour.sun.elevation,
      bowen: BOWEN_PAVED,
    });
    // The window mean of the sky view factor is a little below 1 near the houses: allow 0.1 °C.
    expect(Math.abs(pet(out)[at(250, 250)]! - expected)).toBeLessThan(0.1);
    expect(out.fields['shade']!.values[at(250, 250)]).toBe(0);
    expect(Number.isNaN(pet(out)[at(70, 30)]!)).toBe(true); // a roof has no street-level PET
  });

  it('puts the houses’ afternoon shadow on the side away from the sun, about h / tan(elevation) long', async () => {
    const out = await runHeatScenario(scenario([]), FILE, {}, new HeatCache());
    const shade = out.fields['shade']!.values;
    const { sun } = modelHour('2015-07-01', 15, 52.0914, 5.1235);
    expect(sun.azimuth).toBeGreaterThan(200); // south-west
    const length = 12 / Math.tan((sun.elevation * Math.PI) / 180);
    // From the middle of the southern row's north wall (70, 40), along and against the shadow.
    const ux = -Math.sin((sun.azimuth * Math.PI) / 180);
    const uy = -Math.cos((sun.azimuth * Math.PI) / 180);
    const along = (s: number) => shade[at(70 + ux * s, 40 + uy * s)];
    expect(along(length / 2)).toBe(1);
    expect(along(length - 2)).toBe(1);
    expect(along(length + 2)).toBe(0);
    // From the south wall (70, 20) towards the sun: sunlit.
    expect(shade[at(70 - ux * 4, 20 - uy * 4)]).toBe(0);
  });

  it('lowers PET under a new tree’s crown, and nowhere far away', async () => {
    const cache = new HeatCache();
    const base = await runHeatScenario(scenario([]), FILE, {}, cache);
    const tree: HeatChange = {
      type: 'trees',
      points: [syntheticLonLat(CITY, 200, 200)],
      crownDiameter: 10,
      height: 12,
    };
    const out = await runHeatScenario(scenario([tree]), FILE, {}, cache);
    const change = (x: number, y: number) => pet(out)[at(x, y)]! - pet(base)[at(x, y)]!;
    expect(change(200, 200)).toBeLessThan(-8); // sun → shade, about −10 to −15 °C
    expect(change(203, 197)).toBeLessThan(-8);
    for (const [x, y] of [
      [40, 280],
      [280, 40],
      [20, 100],
      [290, 290],
    ])
      expect(Math.abs(change(x!, y!)), `at ${x}, ${y}`).toBeLessThan(0.01);
    expect(out.indicators['drawn.meanPetChange']!.value!).toBeLessThan(-5);
    expect(out.indicators['drawn.area']!.value).toBeGreaterThan(60);
  });

  it('returns exactly the baseline when all interventions are removed', async () => {
    const cache = new HeatCache();
    const first = await runHeatScenario(scenario([]), FILE, {}, cache);
    await runHeatScenario(
      scenario([{ type: 'building', polygon: square(150, 150, 20), height: 30 }]),
      FILE,
      {},
      cache,
    );
    const again = await runHeatScenario(scenario([]), FILE, {}, cache);
    const fresh = await runHeatScenario(scenario([]), FILE, {}, new HeatCache());
    for (const key of ['pet', 'shade', 'heatClass', 'coolPlace'])
      for (const other of [again, fresh])
        expect(
          Buffer.from(other.fields[key]!.values.buffer).equals(Buffer.from(first.fields[key]!.values.buffer)),
        ).toBe(true);
    expect(again.indicators).toEqual(first.indicators);
  });

  it('gives the same maps incrementally as a full rebuild with the changes in the baseline (±0.001 °C)', async () => {
    const trees = [{ x: 150, y: 110, crown: 10, height: 14 }];
    const withTree = syntheticBaseline({
      ...CITY,
      trees,
      buildings: [...CITY.buildings!, { x0: 200, y0: 150, x1: 230, y1: 190, height: 25, home: false }],
    });
    const full = await runHeatScenario(scenario([]), withTree, {}, new HeatCache());
    const incremental = await runHeatScenario(
      scenario([
        { type: 'trees', points: [syntheticLonLat(CITY, 150, 110)], crownDiameter: 10, height: 14 },
        { type: 'building', polygon: rectangle(200, 150, 230, 190), height: 25 },
      ]),
      FILE,
      {},
      new HeatCache(),
    );
    const a = pet(full);
    const b = pet(incremental);
    let worst = 0;
    for (let i = 0; i < a.length; i++) {
      expect(Number.isNaN(a[i]!)).toBe(Number.isNaN(b[i]!));
      if (!Number.isNaN(a[i]!)) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
    }
    expect(worst).toBeLessThan(0.001);
    expect([...incremental.fields['shade']!.values]).toEqual([...full.fields['shade']!.values]);
    expect(incremental.indicators['homes.meanDistance']).toEqual(full.indicators['homes.meanDistance']);
  });

  it('derives sky view and block sums near the changes exactly as a fresh preparation', async () => {
    const baked = syntheticBaseline({
      ...CITY,
      trees: [{ x: 150, y: 110, crown: 10, height: 14 }],
      buildings: [...CITY.buildings!, { x0: 200, y0: 150, x1: 230, y1: 190, height: 25, home: false }],
    });
    const fresh = await prepareCity(baked);
    const base = await prepareCity(FILE);
    const applied = applyChanges(
      base.city,
      [
        { type: 'trees', points: [syntheticLonLat(CITY, 150, 110)], crownDiameter: 10, height: 14 },
        { type: 'building', polygon: rectangle(200, 150, 230, 190), height: 25 },
      ],
      base.buildings,
    );
    const { prepared } = deriveCity(base, applied.city, applied.changed);
    expect(Buffer.from(prepared.skyView.buffer).equals(Buffer.from(fresh.skyView.buffer))).toBe(true);
    expect(prepared.stats).toEqual(fresh.stats);
    expect(prepared.tallest).toBe(fresh.tallest);
  });

  it('shows the small effects the notes expect: depaving about −1.4 °C in the sun, a green roof almost nothing', async () => {
    const cache = new HeatCache();
    const base = await runHeatScenario(scenario([]), FILE, {}, cache);
    const green = await runHeatScenario(
      scenario([{ type: 'depave', polygon: square(220, 220, 40) }]),
      FILE,
      {},
      cache,
    );
    const change = pet(green)[at(220, 220)]! - pet(base)[at(220, 220)]!;
    expect(Math.abs(change - -1.42)).toBeLessThan(0.1);
    const roof = await runHeatScenario(scenario([{ type: 'green-roof', buildingId: 'b0' }]), FILE, {}, cache);
    const street = pet(roof)[at(70, 46)]! - pet(base)[at(70, 46)]!;
    expect(street).toBeLessThanOrEqual(0);
    expect(Math.abs(street)).toBeLessThan(0.05);
  });

  it('averages the afternoon 12:00–18:00 and reports it', async () => {
    const out = await runHeatScenario(scenario([], {}), FILE, {}, new HeatCache());
    expect(out.startsAt).toBe('12:00');
    // Six hourly means, 12:00–13:00 … 17:00–18:00: together 12:00–18:00.
    expect(out.stepSeconds).toBe(6 * 3600);
    expect(noteTexts(out.notes).join(' ')).toMatch(
      /12:00–13:00, 13:00–14:00, 14:00–15:00, 15:00–16:00, 16:00–17:00, 17:00–18:00 local time/,
    );
    // In the street north of the southern row: shaded some hours of the afternoon, not all.
    const shade = out.fields['shade']!.values[at(70, 42)]!;
    expect(shade).toBeGreaterThan(0);
    expect(shade).toBeLessThan(1);
  });
});

describe('heat-greening through the engine', () => {
  it('runs with compare and returns grid fields and their difference', async () => {
    const tree: HeatChange = { type: 'trees', points: [syntheticLonLat(CITY, 200, 200)] };
    const r = await runScenario(
      { scenario: scenario([tree]), baseline: FILE, compare: true },
      SCENARIO_KINDS,
    );
    const d = r.difference!.fields['pet']!;
    expect(d.grid).toEqual(r.output.fields['pet']!.grid);
    expect(d.ids).toEqual([]);
    expect(d.values[at(200, 200)]!).toBeLessThan(-8);
    expect(r.difference!.indicators['area.class5']).toBeDefined();
  });

  it('reports bad input as issues with paths and plain messages, and runs nothing', async () => {
    const bad = scenario(
      [
        {
          type: 'depave',
          polygon: [
            syntheticLonLat(CITY, 0, 0),
            syntheticLonLat(CITY, 50, 50),
            syntheticLonLat(CITY, 50, 0),
            syntheticLonLat(CITY, 0, 50),
          ],
        },
        {
          type: 'water',
          polygon: [
            [5.2, 52.2],
            [5.21, 52.2],
            [5.21, 52.21],
          ],
        },
        {
          type: 'building',
          polygon: [
            syntheticLonLat(CITY, 10, 10),
            syntheticLonLat(CITY, 20, 20),
            syntheticLonLat(CITY, 30, 30),
          ],
          height: 10,
        },
        { type: 'trees', points: [syntheticLonLat(CITY, 100, 100)], height: -5 },
        { type: 'trees', points: [syntheticLonLat(CITY, 70, 30)] },
      ],
      { hour: 23 },
    );
    const error = await runScenario({ scenario: bad, baseline: FILE }, SCENARIO_KINDS).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InvalidScenarioError);
    // The schema stage stops at the tree height; the rest is checked once the schema passes.
    expect((error as InvalidScenarioError).issues).toEqual([
      { path: 'changes[3].height', message: 'a tree height must be more than 0 m' },
    ]);
    const fixed = { ...bad, changes: bad.changes.map((c, i) => (i === 3 ? { ...c, height: 5 } : c)) };
    const second = await runScenario({ scenario: fixed, baseline: FILE }, SCENARIO_KINDS).catch(
      (e: unknown) => e,
    );
    const issues = (second as InvalidScenarioError).issues;
    expect(issues.map((i) => i.path)).toEqual([
      'changes[0].polygon',
      'changes[1].polygon',
      'changes[2].polygon',
      'changes[4].points[0]',
      'run.hour',
    ]);
    expect(issues[0]!.message).toMatch(/crosses itself/);
    expect(issues[1]!.message).toMatch(/outside the modelled area/);
    expect(issues[2]!.message).toMatch(/area is 0\.0 m²/);
    expect(issues[3]!.message).toBe('this tree stands inside building "b0"');
    expect(issues[4]!.message).toMatch(
      /the sun is below the horizon in the hour 23:00–24:00 on 2015-07-01 .*pick an hour from 05:00 to 21:00/,
    );
  });

  it('refuses unknown fields, an unknown building and a bad hour', async () => {
    const bad = {
      ...scenario([{ type: 'green-roof', buildingId: 'nope' }]),
      run: { hour: 'noon' },
    };
    const error = (await runScenario({ scenario: bad, baseline: FILE }, SCENARIO_KINDS).catch(
      (e: unknown) => e,
    )) as InvalidScenarioError;
    expect(error.issues).toEqual([{ path: 'run.hour', message: 'must be a whole hour 0…23 or "afternoon"' }]);
    const unknown = await runScenario(
      { scenario: scenario([{ type: 'green-roof', buildingId: 'nope' }]), baseline: FILE },
      SCENARIO_KINDS,
    ).catch((e: unknown) => e);
    expect((unknown as InvalidScenarioError).issues).toEqual([
      { path: 'changes[0].buildingId', message: 'unknown building "nope"' },
    ]);
  });
});

describe('running and caching', () => {
  it('can be cancelled while the city is prepared, and then runs normally', async () => {
    const cache = new HeatCache();
    const controller = new AbortController();
    controller.abort();
    const cancelled = await runHeatScenario(scenario([]), FILE, { signal: controller.signal }, cache).catch(
      (e: unknown) => e,
    );
    expect(cancelled).toBeInstanceOf(CancelledError);
    const out = await runHeatScenario(scenario([]), FILE, {}, cache);
    expect(out.fields['pet']!.values.length).toBe(GRID.cells);
  });

  it('finishes a run that shared its preparation with a run that was cancelled', async () => {
    const cache = new HeatCache();
    const controller = new AbortController();
    const first = runHeatScenario(scenario([]), FILE, { signal: controller.signal }, cache);
    const second = runHeatScenario(scenario([]), FILE, {}, cache);
    controller.abort();
    await expect(first).rejects.toBeInstanceOf(CancelledError);
    expect((await second).fields['pet']!.values.length).toBe(GRID.cells);
  });

  it('refuses a damaged baseline file with the path of the problem', async () => {
    const damaged = { ...FILE, trees: [1, 2, 3] };
    const error = await runScenario({ scenario: scenario([]), baseline: damaged }, SCENARIO_KINDS).catch(
      (e: unknown) => e,
    );
    expect((error as InvalidScenarioError).issues).toEqual([
      {
        path: '(baseline data).trees',
        message: 'trees are listed as whole-decimetre x, y, crown diameter, height quadruples',
      },
    ]);
  });

  it('hands out copies, so moving an output’s buffers leaves the cache intact', async () => {
    const cache = new HeatCache();
    const first = await runHeatScenario(scenario([]), FILE, {}, cache);
    const copy = first.fields['pet']!.values.slice();
    structuredClone(first.fields['pet']!.values, {
      transfer: [first.fields['pet']!.values.buffer as ArrayBuffer],
    });
    const second = await runHeatScenario(scenario([]), FILE, {}, cache);
    expect([...second.fields['pet']!.values]).toEqual([...copy]);
  });
});

function square(x: number, y: number, side: number): [number, number][] {
  return rectangle(x - side / 2, y - side / 2, x + side / 2, y + side / 2);
}

function rectangle(x0: number, y0: number, x1: number, y1: number): [number, number][] {
  return [
    syntheticLonLat(CITY, x0, y0),
    syntheticLonLat(CITY, x1, y0),
    syntheticLonLat(CITY, x1, y1),
    syntheticLonLat(CITY, x0, y1),
  ];
}

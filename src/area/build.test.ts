/**
 * The area builder on the recorded responses (tests/fixtures/api/*\/area-*.json, served by the mock
 * API over HTTP): valid baselines that the heat, crowd and cycling models run on, and each bad input
 * of issue 13 rejected with a message naming the step and source.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockApiServer, type MockApiServer } from '../../scripts/mock-api/server.ts';
import type { CrowdScenario } from '../scenarios/crowd/definition.ts';
import { runCrowdScenario } from '../scenarios/crowd/run.ts';
import type { CyclingScenario } from '../scenarios/cycling/definition.ts';
import { runCyclingScenario } from '../scenarios/cycling/run.ts';
import { HeatCache, runHeatScenario, type HeatScenario } from '../scenarios/heat/run-heat.ts';
import { heatBaselineSchema } from '../scenarios/heat/baseline-file.ts';
import { networkFileSchema } from '../scenarios/crowd/network-file.ts';
import { bikeNetworkFileSchema } from '../scenarios/cycling/network-file.ts';
import { areaEndpointsUnder, createAreaSources, type AreaEndpoints } from '../sources/area/index.ts';
import { createHttpClient } from '../sources/http/client.ts';
import { createOverpass } from '../sources/overpass/index.ts';
import { AreaBuildError, buildArea, type BuildOptions, type BuildProgress } from './build.ts';
import type { AreaInput } from './input.ts';
import { RECORDED_AREAS } from '../../scripts/area/synthetic-area.ts';

let server: MockApiServer;
beforeAll(async () => {
  server = await createMockApiServer({ port: 0 });
});
afterAll(async () => {
  await server.close();
});

const CENTRE = RECORDED_AREAS.find((a) => a.name === 'centre')!;
const PARK = RECORDED_AREAS.find((a) => a.name === 'park')!;

function options(endpoints: AreaEndpoints, extra: Partial<BuildOptions> = {}): BuildOptions {
  const http = createHttpClient({
    overrides: { baseDelayMs: 5, maxDelayMs: 20, timeoutMs: 3_000, ttlMs: 0, maxStaleMs: 0 },
  });
  return {
    sources: createAreaSources(endpoints, http),
    overpass: createOverpass({ baseUrl: endpoints.overpass, http }),
    created: '2026-08-20',
    ...extra,
  };
}

const centre = () => areaEndpointsUnder(server.url, 'centre');
const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as AreaBuildError,
  );

describe('building an area from the recorded responses', () => {
  it('builds baselines that pass the models’ schemas, with progress per step', async () => {
    const progress: BuildProgress[] = [];
    const built = await buildArea(
      { bbox: CENTRE.bbox },
      options(centre(), { onProgress: (p) => progress.push(p) }),
    );
    expect(heatBaselineSchema.safeParse(built.heat).success).toBe(true);
    expect(networkFileSchema.safeParse(built.pedestrian).success).toBe(true);
    expect(bikeNetworkFileSchema.safeParse(built.bike).success).toBe(true);
    // The bbox is 413 × 499 m in RD (136481,455561 – 136894,456060), so the generator
    // (scripts/area/synthetic-area.ts) lays out 5 × 6 blocks of 80 m with 4 buildings each but
    // none in the park block at (1, 1): 4 × (30 − 1) = 116 buildings, over two 3DBAG pages of 100
    // (the page-2 repeat of the page-1 boundary building is read once).
    expect(built.counts.buildings).toBe(116);
    expect(built.notes.join('\n')).toContain('buildings: 1 listed twice');
    // Buildings 36, 73 and 110 (every 37th) have no roof height.
    expect(built.assumed).toContain('buildings: 3 without a 3DBAG roof height: 9 m assumed');
    // Paved: wegdeel in two pages (cursor) of 6 + 7 street strips, 6 sidewalk strips
    // (ondersteunendwegdeel) and 29 yards (onbegroeidterreindeel): 48.
    expect(built.heat.ground.filter((g) => g.cover === 'paved')).toHaveLength(48);
    expect(built.baselineId).toMatch(/^area-5-1170-52-0880-5-1230-52-0925-3dbag-v20250903-osm-2026-08-20$/);
    expect(built.heat.meta.id).toBe(`${built.baselineId}-heat`);
    expect(new Set(progress.map((p) => p.step))).toEqual(
      new Set(['buildings', 'ground', 'trees', 'network', 'zones', 'counts']),
    );
    // Four CBS quadrants, one with a secret population (-99997) → weight 0, reported.
    expect(built.bike.zones.map((z) => z.weight)).toEqual([2310, 1875, 3020, 0]);
    expect(built.assumed.join('\n')).toContain('1 buurten without a population');
    // The footpath inside a block reaches no street: dropped and reported.
    expect(built.notes.join('\n')).toMatch(/walking: 1 disconnected pieces dropped \(1 links\)/);
    // The side footpath and the stray block path have no width tag; Rasterstraat 4 has width=9.
    expect(built.assumed).toContain('walking: 2 footway ways without a width: 2 m assumed');
    expect(built.assumed).toContain('walking: 10 residential ways without a width: 3 m assumed');
  });

  it('gives results the heat, crowd and cycling models run on', async () => {
    const built = await buildArea({ bbox: CENTRE.bbox }, options(centre()));
    const heat: HeatScenario = {
      version: 1,
      kind: 'heat-greening',
      name: 'built area',
      baseline: built.heat.meta.id,
      changes: [],
      run: { hour: 15 },
    };
    const heatOut = await runHeatScenario(heat, built.heat, {}, new HeatCache());
    const pet = heatOut.fields['pet']!.values;
    expect(pet.length).toBe(built.heat.grid.columns * built.heat.grid.rows);
    expect(Array.from(pet).some((v) => Number.isFinite(v) && v > 20)).toBe(true);

    const nodes = built.pedestrian.nodes.map((n) => n.id);
    const crowd: CrowdScenario = {
      version: 1,
      kind: 'crowd-event',
      name: 'built area',
      baseline: built.pedestrian.meta.id,
      changes: [
        {
          type: 'event',
          venue: { area: 2000, entrances: [{ node: nodes[0]!, share: 1 }] },
          visitors: 2000,
          origins: [{ node: nodes[nodes.length - 1]!, share: 1 }],
          arrival: { from: '18:00', peak: '19:00', until: '20:00' },
          departure: { from: '22:00', peak: '22:30', until: '23:00' },
        },
      ],
      run: { from: '17:00', until: '24:00', stepSeconds: 300 },
    };
    const crowdOut = await runCrowdScenario(crowd, built.pedestrian);
    expect(Object.keys(crowdOut.fields).length).toBeGreaterThan(0);

    const cycling: CyclingScenario = {
      version: 1,
      kind: 'cycling-route',
      name: 'built area',
      baseline: built.bike.meta.id,
      changes: [],
      run: {},
    };
    const bikeOut = await runCyclingScenario(cycling, built.bike);
    const volumes = Object.values(bikeOut.fields)[0]!.values;
    expect(Array.from(volumes).some((v) => v > 0)).toBe(true);
  });

  it('builds an empty area (a park): no buildings, reported, networks still valid', async () => {
    const built = await buildArea({ bbox: PARK.bbox }, options(areaEndpointsUnder(server.url, 'park')));
    expect(built.counts.buildings).toBe(0);
    expect(built.heat.ground.some((g) => g.cover === 'green')).toBe(true);
    expect(built.heat.ground.some((g) => g.cover === 'water')).toBe(true);
    expect(built.counts.walkLinks).toBeGreaterThan(0);
    expect(heatBaselineSchema.safeParse(built.heat).success).toBe(true);
  });
});

describe('bad input: a clear message and nothing half-built', () => {
  const square = (w: number, s: number, e: number, n: number) => [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ];
  it.each<[string, AreaInput, RegExp]>([
    ['RD coordinates', { bbox: [136500, 455700, 136900, 456100] }, /RD New metres/],
    ['an area over the limit', { bbox: [5.08, 52.07, 5.16, 52.12] }, /at most 9\.5 km²/],
    ['lat/lon swapped', { bbox: [52.088, 5.117, 52.0925, 5.123] }, /outside the Netherlands/],
    [
      'a self-intersecting polygon',
      {
        polygon: {
          type: 'Polygon',
          coordinates: [
            [
              [5.117, 52.088],
              [5.123, 52.0925],
              [5.123, 52.088],
              [5.117, 52.0925],
              [5.117, 52.088],
            ],
          ],
        },
      },
      /crosses itself/,
    ],
    [
      'a MultiPolygon',
      { polygon: { type: 'MultiPolygon', coordinates: [square(5.117, 52.088, 5.118, 52.089)] } },
      /several parts/,
    ],
    [
      'a polygon with a hole',
      {
        polygon: {
          type: 'Polygon',
          coordinates: [...square(5.117, 52.088, 5.123, 52.0925), ...square(5.119, 52.089, 5.12, 52.09)],
        },
      },
      /holes/,
    ],
  ])('refuses %s before fetching anything', async (_, input, message) => {
    const fetched: string[] = [];
    const http = createHttpClient({
      fetch: (url) => {
        fetched.push(String(url));
        return Promise.reject(new Error('must not fetch'));
      },
    });
    const e = await failure(
      buildArea(input, {
        sources: createAreaSources(centre(), http),
        overpass: createOverpass({ baseUrl: centre().overpass, http }),
        created: '2026-08-20',
      }),
    );
    expect(e).toBeInstanceOf(AreaBuildError);
    expect(e?.step).toBe('input');
    expect(e?.message).toMatch(message);
    expect(fetched).toEqual([]);
  });

  it('rejects a BGT cursor that loops, naming the step and source', async () => {
    const endpoints = { ...centre(), pdokBgt: `${server.url}/area/loop/pdok-bgt` };
    const e = await failure(buildArea({ bbox: CENTRE.bbox }, options(endpoints)));
    expect(e?.step).toBe('ground');
    expect(e?.message).toMatch(/pdok-bgt.*looping cursor.*nothing was built/);
  });

  it('rejects Overpass answering 429 with a plain message', async () => {
    const endpoints = { ...centre(), overpass: `${server.url}/area/busy/overpass/api/interpreter` };
    const e = await failure(buildArea({ bbox: CENTRE.bbox }, options(endpoints)));
    expect(e?.step).toBe('network');
    expect(e?.message).toMatch(/osm-overpass: rate-limited \(HTTP 429\)/);
  });

  it('rejects an API failing half-way (the second 3DBAG page)', async () => {
    // Only the page at offset 101 fails: the first page was read, the build still rejects.
    const endpoints = { ...centre(), threeDBagApi: `${server.url}/__fail/500/area/centre/3dbag-api` };
    const e = await failure(buildArea({ bbox: CENTRE.bbox }, options(endpoints)));
    expect(e?.step).toBe('buildings');
    expect(e?.message).toMatch(/3dbag-api: http-status \(HTTP 500\)/);
  });

  it('rejects an Overpass timeout', async () => {
    const endpoints = {
      ...centre(),
      overpass: `${server.url}/__fail/timeout/area/centre/overpass/api/interpreter`,
    };
    const http = createHttpClient({ overrides: { timeoutMs: 200, retries: 0, ttlMs: 0, maxStaleMs: 0 } });
    const e = await failure(
      buildArea(
        { bbox: CENTRE.bbox },
        {
          sources: createAreaSources(endpoints, http),
          overpass: createOverpass({ baseUrl: endpoints.overpass, http }),
          created: '2026-08-20',
        },
      ),
    );
    expect(e?.step).toBe('network');
    expect(e?.message).toMatch(/osm-overpass: timeout/);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const build = buildArea(
      { bbox: CENTRE.bbox },
      options(centre(), {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.step === 'trees') controller.abort();
        },
      }),
    );
    const e = await failure(build);
    expect(e?.message).toMatch(/cancelled during "trees"/);
  });
});

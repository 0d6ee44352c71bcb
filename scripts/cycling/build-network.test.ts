import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bikeNetworkFileSchema } from '../../src/scenarios/cycling/network-file.ts';
import { DEFAULT_PROFILES } from '../../src/scenarios/cycling/profiles.ts';
import { TEST_ORIGIN } from '../../tests/support/small-bike-network.ts';
import { attachCounts, linesFromGeoJson, zonesFromGeoJson } from './build-network.ts';
import { networkFromLines } from './network-from-lines.ts';

const p = (x: number, y: number) => TEST_ORIGIN.toLonLat(x, y);
const line = (props: Record<string, unknown>, ...coords: [number, number][]) => ({
  type: 'Feature',
  properties: props,
  geometry: { type: 'LineString', coordinates: coords },
});
/** A square of four cycleways with one diagonal street, as an OSM-like export. */
const ways = {
  type: 'FeatureCollection',
  features: [
    line({ highway: 'cycleway', name: 'Zuid' }, p(0, 0), p(500, 0)),
    line({ highway: 'cycleway', name: 'Oost' }, p(500, 0), p(500, 500)),
    {
      type: 'Feature',
      properties: { highway: 'cycleway', name: 'Noord en West' },
      geometry: {
        type: 'MultiLineString',
        coordinates: [
          [p(500, 500), p(0, 500)],
          [p(0, 500), p(0, 0)],
        ],
      },
    },
    line({ highway: 'residential', name: 'Diagonaal' }, p(0, 0), p(500, 500)),
    { type: 'Feature', properties: { amenity: 'bench' }, geometry: { type: 'Point', coordinates: p(1, 1) } },
  ],
};
const zones = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { id: 'sw', name: 'Zuidwest', weight: 2 },
      geometry: { type: 'Point', coordinates: p(3, 3) },
    },
    {
      type: 'Feature',
      properties: { id: 'ne', name: 'Noordoost', weight: 1 },
      geometry: { type: 'Point', coordinates: p(498, 499) },
    },
    {
      type: 'Feature',
      properties: { id: 'nw', name: 'Noordwest', weight: 1 },
      geometry: { type: 'Point', coordinates: p(0, 490) },
    },
  ],
};
const hourly = (daily: number) => DEFAULT_PROFILES.weekday.map((s) => Math.round(daily * s));
const counts = [{ id: 'diag', name: 'Diagonaal', ...lonLat(p(250, 252)), weekday: hourly(900) }];

describe('building a network from GeoJSON', () => {
  it('reads LineStrings and MultiLineStrings, and zone points', () => {
    const lines = linesFromGeoJson(ways);
    expect(lines).toHaveLength(5);
    expect(lines[2]!.properties).toMatchObject({ name: 'Noord en West' });
    expect(zonesFromGeoJson(zones).map((z) => [z.id, z.weight])).toEqual([
      ['sw', 2],
      ['ne', 1],
      ['nw', 1],
    ]);
  });

  it('puts counting points on their nearest link, and refuses far ones', () => {
    const { file } = networkFromLines(linesFromGeoJson(ways), {
      meta: meta(),
      zones: zonesFromGeoJson(zones),
    });
    const { points, unplaced } = attachCounts(file, [
      ...counts,
      { id: 'far', name: 'Far', ...lonLat(p(250, 900)) },
    ]);
    expect(points.map((c) => c.link)).toEqual(['diagonaal']);
    expect(unplaced).toEqual(['far']);
  });

  it('runs from the command line and writes a valid file with an OD matrix fitted to the counts', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tweeling-bike-'));
    const file = (name: string, value: unknown) => {
      writeFileSync(path.join(dir, name), JSON.stringify(value));
      return path.join(dir, name);
    };
    const out = path.join(dir, 'network.json');
    const args = ['--lines', file('ways.geojson', ways), '--zones', file('zones.geojson', zones)];
    args.push('--counts', file('counts.json', counts), '--id', 'test-square', '--out', out);
    const r = spawnSync('npx', ['tsx', path.join(import.meta.dirname, 'build-network.ts'), ...args], {
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    const built = bikeNetworkFileSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(built.meta.id).toBe('test-square');
    expect(built.links).toHaveLength(5);
    expect(built.demand?.weekday?.fit?.relativeRmse).toBeLessThan(0.01);
    expect(built.demand?.weekend).toBeUndefined(); // no weekend counts
  });
});

function meta() {
  return { id: 'square', title: 't', sample: false, note: 'n', licence: 'CC0-1.0', created: '2026-01-01' };
}
function lonLat(q: readonly [number, number]) {
  return { lon: q[0], lat: q[1] };
}

/**
 * Builder input handling: RD New fixtures land at the right place, holes/MultiPolygons, the `bouwjaar` alias,
 * missing heights, and clear errors for bad input (library and CLI).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnuFrame } from '../../src/geo/enu.ts';
import { REPO_ROOT } from '../sample/generate-sample-city.ts';
import { parseArgs } from './build-tileset.ts';
import { buildTileset, type BuildOutput } from './build.ts';
import { createIO } from './glb.ts';
import { decodeTile, type DecodedTile } from './inspect.ts';
import { FALLBACK_HEIGHT, readBuildingsInput } from './read-input.ts';

const FIXTURES = resolve(REPO_ROOT, 'scripts/tileset/fixtures');
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');

async function onlyTile(out: BuildOutput): Promise<DecodedTile> {
  const glbs = [...out.files.entries()].filter(([k]) => k.endsWith('.glb'));
  expect(glbs).toHaveLength(1);
  return decodeTile(glbs[0]![1], createIO());
}

function feature(tile: DecodedTile, id: string) {
  const i = tile.rows.findIndex((r) => r['identificatie'] === id);
  expect(i, id).toBeGreaterThanOrEqual(0);
  return { row: tile.rows[i]!, geom: tile.features.get(i)! };
}

describe('RD New input', () => {
  it('places the Domtoren fixture (crs member EPSG:28992) at the Domtoren, 112 m tall', async () => {
    const out = await buildTileset(fixture('rd-domtoren.geojson'));
    expect(out.summary.inputCrs).toBe('EPSG:28992');
    const tile = await onlyTile(out);
    const { geom } = feature(tile, 'fixture.domtoren');
    const frame = new EnuFrame(out.summary.origin.lon, out.summary.origin.lat, 0);
    // Domtoren, WGS84 (independent of the fixture's RD numbers): lon 5.12134, lat 52.09068.
    const [e, n] = frame.fromGeodetic(5.12134, 52.09068, 0);
    expect(Math.hypot(geom.east - e, geom.north - n)).toBeLessThan(1.5);
    expect(geom.maxUp - geom.minUp).toBeCloseTo(112, 2);
  });

  it('detects RD by coordinate magnitude when there is no crs member (RD origin → Amersfoort)', async () => {
    const out = await buildTileset(fixture('rd-amersfoort-nocrs.geojson'));
    expect(out.summary.inputCrs).toBe('EPSG:28992');
    const { geom } = feature(await onlyTile(out), 'fixture.amersfoort');
    const frame = new EnuFrame(out.summary.origin.lon, out.summary.origin.lat, 0);
    // Published WGS84 position of the RD origin (Onze Lieve Vrouwetoren, Amersfoort).
    const [e, n] = frame.fromGeodetic(5.387206, 52.155174, 0);
    expect(Math.hypot(geom.east - e, geom.north - n)).toBeLessThan(2);
    expect(out.summary.bbox.west).toBeGreaterThan(5.38);
    expect(out.summary.bbox.west).toBeLessThan(5.39);
  });

  it('keeps holes open, builds every MultiPolygon part, reads bouwjaar and falls back on missing heights', async () => {
    const out = await buildTileset(fixture('rd-domtoren.geojson'));
    expect(out.summary.warnings.missingHeight).toBe(1);
    const tile = await onlyTile(out);
    const { row, geom } = feature(tile, 'fixture.courtyard');
    expect(row['oorspronkelijkbouwjaar']).toBe(1925);
    expect(row['b3_h_nok']).toBe(-9999);
    expect(geom.maxUp).toBeCloseTo(FALLBACK_HEIGHT, 3);
    expect(geom.minUp).toBeCloseTo(0, 3);
    // Roofs seen from above: 17×17 tower + (40×40 − 20×20 courtyard) + 10×10 annex.
    expect(tile.upFacingArea).toBeGreaterThan(289 + 1200 + 100 - 2);
    expect(tile.upFacingArea).toBeLessThan(289 + 1200 + 100 + 2);
  });
});

describe('bad input gives clear errors', () => {
  const fc = (features: unknown[], extra: object = {}) => ({ type: 'FeatureCollection', ...extra, features });
  const square = (x: number, y: number, d = 0.0001) => ({
    type: 'Feature',
    properties: {},
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [x, y],
          [x + d, y],
          [x + d, y + d],
          [x, y],
        ],
      ],
    },
  });
  const cases: [string, unknown, RegExp][] = [
    ['not JSON', 'this is not json {', /not valid JSON/],
    ['not GeoJSON', { foo: 1 }, /not GeoJSON/],
    ['a single Feature', square(5.12, 52.09), /not a GeoJSON FeatureCollection/],
    ['no features', fc([]), /contains no features/],
    [
      'points only',
      fc([{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [5, 52] } }]),
      /no usable Polygon/,
    ],
    [
      'string coordinates',
      fc([{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[['a', 'b']]] } }]),
      /invalid coordinate/,
    ],
    ['NaN coordinate', fc([square(Number.NaN, 52.09)]), /non-finite coordinate/],
    [
      'latitude out of range',
      fc([square(5.12, 95)], {
        crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } },
      }),
      /outside lon\/lat range/,
    ],
    [
      'degrees declared as RD',
      fc([square(5.12, 52.09)], { crs: { type: 'name', properties: { name: 'EPSG:28992' } } }),
      /outside the RD New range/,
    ],
    [
      'unsupported CRS',
      fc([square(5.12, 52.09)], { crs: { type: 'name', properties: { name: 'EPSG:3857' } } }),
      /unsupported crs/,
    ],
  ];
  for (const [label, input, message] of cases) {
    it(label, () => {
      expect(() => readBuildingsInput(input)).toThrow(message);
    });
  }

  it('CLI arguments are validated', () => {
    expect(() => parseArgs([])).toThrow(/missing --input or --output/);
    expect(() => parseArgs(['--input', 'a', '--output', 'b', '--origin', 'x'])).toThrow(/--origin/);
    expect(parseArgs(['--input', 'a', '--output', 'b', '--origin', '5.1,52.1']).origin).toEqual([5.1, 52.1]);
  });
});

describe('CLI', () => {
  const tsx = resolve(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs');
  const cli = resolve(REPO_ROOT, 'scripts/tileset/build-tileset.ts');

  it('builds an RD fixture into a directory', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'tweeling-cli-'));
    try {
      const log = execFileSync(
        process.execPath,
        [tsx, cli, '--input', join(FIXTURES, 'rd-domtoren.geojson'), '--output', tmp],
        {
          encoding: 'utf8',
        },
      );
      expect(log).toMatch(/buildings 2/);
      expect(log).toMatch(/1 building\(s\) without usable height/);
      const ts = JSON.parse(readFileSync(join(tmp, 'tileset.json'), 'utf8')) as {
        asset: { version: string };
      };
      expect(ts.asset.version).toBe('1.1');
      expect(existsSync(join(tmp, 'tiles/0_0_0.glb'))).toBe(true);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('exits 1 with a readable message on bad input', () => {
    const r = spawnSync(
      process.execPath,
      [tsx, cli, '--input', join(FIXTURES, 'README.md'), '--output', tmpdir()],
      {
        encoding: 'utf8',
      },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/error: input is not valid JSON/);
  });
});

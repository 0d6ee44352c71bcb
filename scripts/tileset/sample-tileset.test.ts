/**
 * Checks the committed sample tileset (tilesets/sample): valid 3D Tiles 1.1 structure, glb metadata as
 * promised, buildings standing on the ground, the Domtoren at 112 m, and that it is not stale (a rebuild
 * from the committed GeoJSON, and a regeneration of that GeoJSON, are byte-identical).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EnuFrame } from '../../src/geo/enu.ts';
import {
  generateSampleCity,
  placesText,
  REPO_ROOT,
  SAMPLE_GEOJSON_PATH,
  SAMPLE_PLACES_PATH,
  sampleGeoJsonText,
} from '../sample/generate-sample-city.ts';
import { SAMPLE_ORIGIN } from '../sample/utrecht-layout.ts';
import { buildSampleTileset, sampleInfoText } from './build-sample.ts';
import { writeBuildOutput } from './build.ts';
import { createIO } from './glb.ts';
import { decodeTile, type DecodedTile } from './inspect.ts';
import { COLUMNS } from './schema.ts';

const DIR = resolve(REPO_ROOT, 'tilesets/sample');

interface Tile {
  boundingVolume: { box: number[] };
  geometricError: number;
  content?: { uri: string };
  children?: Tile[];
  transform?: number[];
  refine?: string;
}

interface Tileset {
  asset: { version: string };
  geometricError: number;
  schema: {
    classes: Record<string, { properties: Record<string, { type: string; componentType?: string }> }>;
  };
  root: Tile;
}

const tileset = JSON.parse(readFileSync(join(DIR, 'tileset.json'), 'utf8')) as Tileset;
const geojson = JSON.parse(readFileSync(SAMPLE_GEOJSON_PATH, 'utf8')) as {
  features: { properties: { identificatie: string; b3_h_maaiveld: number; b3_h_nok: number } }[];
};

function allTiles(t: Tile, out: Tile[] = []): Tile[] {
  out.push(t);
  for (const c of t.children ?? []) allTiles(c, out);
  return out;
}

function extent(box: number[]): { min: number[]; max: number[] } {
  const [cx, cy, cz, hx, , , , hy, , , , hz] = box as [number, ...number[]];
  const c = [cx, cy!, cz!];
  const h = [hx!, hy!, hz!];
  return { min: c.map((v, i) => v - h[i]!), max: c.map((v, i) => v + h[i]!) };
}

describe('committed sample tileset', () => {
  const decoded = new Map<string, DecodedTile>();

  beforeAll(async () => {
    const io = createIO();
    for (const t of allTiles(tileset.root)) {
      if (t.content) decoded.set(t.content.uri, await decodeTile(readFileSync(join(DIR, t.content.uri)), io));
    }
  });

  it('is 3D Tiles 1.1 with an ENU→ECEF root transform at the fixed origin', () => {
    expect(tileset.asset.version).toBe('1.1');
    const expected = new EnuFrame(SAMPLE_ORIGIN[0], SAMPLE_ORIGIN[1], 0).matrix();
    expect(tileset.root.transform).toHaveLength(16);
    tileset.root.transform!.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 6));
    expect(tileset.root.refine).toBe('ADD');
    const props = tileset.schema.classes['building']?.properties ?? {};
    for (const c of COLUMNS) expect(props[c.name], c.name).toBeDefined();
  });

  it('has a streaming hierarchy: nested boxes, decreasing geometric error, leaves at 0, existing content', () => {
    const tiles = allTiles(tileset.root);
    expect(tiles.filter((t) => t.content).length).toBeGreaterThanOrEqual(5);
    expect(tileset.geometricError).toBeGreaterThan(tileset.root.geometricError);
    const check = (t: Tile, depth: number): number => {
      if (t.content) expect(existsSync(join(DIR, t.content.uri)), t.content.uri).toBe(true);
      if (!t.children || t.children.length === 0) {
        expect(t.geometricError).toBe(0);
        return depth;
      }
      const p = extent(t.boundingVolume.box);
      let deepest = depth;
      for (const c of t.children) {
        expect(c.geometricError).toBeLessThan(t.geometricError);
        const e = extent(c.boundingVolume.box);
        for (let i = 0; i < 3; i++) {
          expect(e.min[i]!).toBeGreaterThanOrEqual(p.min[i]! - 1e-6);
          expect(e.max[i]!).toBeLessThanOrEqual(p.max[i]! + 1e-6);
        }
        deepest = Math.max(deepest, check(c, depth + 1));
      }
      return deepest;
    };
    expect(check(tileset.root, 0)).toBeGreaterThanOrEqual(2);
  });

  it('every glb carries EXT_mesh_features + EXT_structural_metadata with all promised properties', () => {
    expect(decoded.size).toBeGreaterThan(0);
    for (const [uri, tile] of decoded) {
      expect(tile.extensionsUsed, uri).toEqual(
        expect.arrayContaining(['EXT_mesh_features', 'EXT_structural_metadata']),
      );
      for (const c of COLUMNS) expect(tile.classTypes[c.name], `${uri} ${c.name}`).toBe(c.type);
      for (const p of tile.primitives) {
        expect(p.featureCount).toBe(p.uniqueIds);
        expect(p.propertyTableCount).toBe(tile.rows.length);
      }
      expect(Math.max(...tile.features.keys())).toBeLessThan(tile.rows.length);
    }
  });

  it('holds exactly the GeoJSON buildings (≥ 1,500), each once', () => {
    const ids = [...decoded.values()].flatMap((t) => t.rows.map((r) => r['identificatie']));
    expect(ids.length).toBeGreaterThanOrEqual(1500);
    expect(ids.length).toBe(geojson.features.length);
    expect(new Set(ids)).toEqual(new Set(geojson.features.map((f) => f.properties.identificatie)));
  });

  it('has the Domtoren, 112 ± 1 m tall, at the origin', () => {
    const hits = [...decoded.values()].flatMap((t) =>
      t.rows.flatMap((r, i) =>
        r['identificatie'] === 'sample.pand.domtoren' ? [{ r, g: t.features.get(i)! }] : [],
      ),
    );
    expect(hits).toHaveLength(1);
    const { r, g } = hits[0]!;
    expect(g.maxUp - g.minUp).toBeGreaterThan(111);
    expect(g.maxUp - g.minUp).toBeLessThan(113);
    expect(Number(r['b3_h_nok']) - Number(r['b3_h_maaiveld'])).toBeCloseTo(112, 1);
    expect(Math.hypot(g.east, g.north)).toBeLessThan(15);
  });

  it('every building stands on the ground (lowest vertex at up = 0) and is as tall as nok − maaiveld', () => {
    let checked = 0;
    for (const tile of decoded.values()) {
      tile.rows.forEach((r, i) => {
        const g = tile.features.get(i);
        expect(g, String(r['identificatie'])).toBeDefined();
        expect(Math.abs(g!.minUp)).toBeLessThanOrEqual(0.01);
        expect(Math.abs(g!.maxUp - (Number(r['b3_h_nok']) - Number(r['b3_h_maaiveld'])))).toBeLessThan(0.05);
        checked++;
      });
    }
    expect(checked).toBe(geojson.features.length);
  });

  it('is small enough to commit (< 5 MB)', () => {
    const tilesDir = join(DIR, 'tiles');
    const total = readdirSync(tilesDir).reduce((s, f) => s + readFileSync(join(tilesDir, f)).byteLength, 0);
    expect(total).toBeLessThan(5 * 1024 * 1024);
  });
});

describe('sample is fresh and deterministic', () => {
  it('regenerating the sample city gives the committed GeoJSON and places, byte for byte', () => {
    const city = generateSampleCity();
    expect(sampleGeoJsonText(city) === readFileSync(SAMPLE_GEOJSON_PATH, 'utf8')).toBe(true);
    expect(placesText(city)).toBe(readFileSync(SAMPLE_PLACES_PATH, 'utf8'));
  });

  it('rebuilding the tileset into a temp dir gives byte-identical files (no stale or extra files)', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'tweeling-tiles-'));
    try {
      const out = await buildSampleTileset(readFileSync(SAMPLE_GEOJSON_PATH, 'utf8'));
      writeBuildOutput(out, tmp);
      const committed = readdirSync(join(DIR, 'tiles')).sort();
      expect(readdirSync(join(tmp, 'tiles')).sort()).toEqual(committed);
      for (const rel of ['tileset.json', ...committed.map((f) => `tiles/${f}`)]) {
        const same = Buffer.compare(readFileSync(join(tmp, rel)), readFileSync(join(DIR, rel))) === 0;
        expect(same, `${rel} differs: run npm run sample`).toBe(true);
      }
      expect(sampleInfoText(out)).toBe(readFileSync(join(DIR, 'sample-info.json'), 'utf8'));
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});

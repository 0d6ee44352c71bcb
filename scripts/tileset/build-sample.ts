/**
 * `npm run sample`: generates the embedded sample city (GeoJSON + places) and builds its 3D Tiles into
 * tilesets/sample/, plus a timestamp-free sample-info.json. Deterministic end to end.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT, writeSampleCity } from '../sample/generate-sample-city.ts';
import { buildTileset, HEIGHT_CONVENTION, writeBuildOutput, type BuildOutput } from './build.ts';
import { describe } from './build-tileset.ts';

export const SAMPLE_TILESET_DIR = resolve(REPO_ROOT, 'tilesets/sample');

export function sampleInfoText(out: BuildOutput): string {
  const s = out.summary;
  const info = {
    name: 'Tweeling sample city: central Utrecht (approximate, not BAG/3DBAG)',
    source: 'data/sample/utrecht-centre.geojson',
    buildings: s.buildings,
    tiles: s.tiles,
    contentTiles: s.contentTiles,
    triangles: s.triangles,
    vertices: s.vertices,
    glbBytes: s.glbBytes,
    bbox: s.bbox,
    origin: s.origin,
    heightConvention: HEIGHT_CONVENTION,
  };
  return `${JSON.stringify(info, null, 2)}\n`;
}

/** Builds the sample tileset from GeoJSON text (shared by `npm run sample`, the tests and the bench). */
export function buildSampleTileset(geojsonText: string): Promise<BuildOutput> {
  return buildTileset(geojsonText);
}

async function main(): Promise<void> {
  const city = writeSampleCity();
  console.log(`sample city: ${city.buildings} buildings, ${city.places} places`);
  const out = await buildSampleTileset(city.geojsonText);
  writeBuildOutput(out, SAMPLE_TILESET_DIR);
  writeFileSync(resolve(SAMPLE_TILESET_DIR, 'sample-info.json'), sampleInfoText(out));
  console.log(`${describe(out.summary)}\nwritten to ${SAMPLE_TILESET_DIR}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}

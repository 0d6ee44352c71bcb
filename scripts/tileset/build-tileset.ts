/**
 * CLI: GeoJSON buildings (sample or a real 3DBAG/BAG export, CRS84 or RD New) → 3D Tiles 1.1.
 *
 *   tsx scripts/tileset/build-tileset.ts --input <file.geojson> --output <dir> [--origin <lon>,<lat>]
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTileset, writeBuildOutput, type BuildSummary } from './build.ts';
import { TilesetInputError } from './read-input.ts';

const USAGE =
  'usage: tsx scripts/tileset/build-tileset.ts --input <file.geojson> --output <dir> [--origin <lon>,<lat>]';

export interface CliArgs {
  input: string;
  output: string;
  origin?: [number, number];
}

export function parseArgs(argv: string[]): CliArgs {
  const get = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const input = get('--input');
  const output = get('--output');
  if (!input || !output) throw new TilesetInputError(`missing --input or --output\n${USAGE}`);
  const o = get('--origin');
  if (o === undefined) return { input, output };
  const [lon, lat] = o.split(',').map(Number);
  if (lon === undefined || lat === undefined || !Number.isFinite(lon) || !Number.isFinite(lat)) {
    throw new TilesetInputError(`--origin must be "<lon>,<lat>" in degrees, got "${o}"`);
  }
  return { input, output, origin: [lon, lat] };
}

export function describe(s: BuildSummary): string {
  const w = s.warnings;
  const lines = [
    `buildings ${s.buildings}, tiles ${s.tiles} (${s.contentTiles} with content), triangles ${s.triangles}`,
    `glb ${(s.glbBytes / 1024).toFixed(1)} KiB, input CRS ${s.inputCrs}, origin ${s.origin.lon}, ${s.origin.lat}`,
  ];
  if (w.missingHeight > 0)
    lines.push(`warning: ${w.missingHeight} building(s) without usable height; fallback used`);
  if (w.skippedGeometry > 0)
    lines.push(`warning: ${w.skippedGeometry} feature(s) skipped: not a (Multi)Polygon`);
  if (w.degenerateBuildings > 0)
    lines.push(`warning: ${w.degenerateBuildings} degenerate footprint(s) skipped`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  let text: string;
  try {
    text = readFileSync(args.input, 'utf8');
  } catch (e) {
    throw new TilesetInputError(`cannot read ${args.input}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const out = await buildTileset(text, args.origin ? { origin: args.origin } : {});
  writeBuildOutput(out, args.output);
  console.log(`${describe(out.summary)}\nwritten to ${resolve(args.output)}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e: unknown) => {
    console.error(e instanceof TilesetInputError ? `error: ${e.message}` : e);
    process.exit(1);
  });
}

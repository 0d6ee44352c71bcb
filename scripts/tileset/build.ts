/**
 * GeoJSON buildings → 3D Tiles 1.1 (tileset.json + glb content), fully in memory and deterministic:
 * the same input gives byte-identical files (no timestamps, stable ordering, fixed origin).
 *
 * Frame: one local ENU frame at a fixed origin; tileset.json's root `transform` is its ENU→ECEF matrix and
 * every bounding box is expressed in it (x = east, y = north, z = up). Heights: a building's base is at
 * up = 0 (the viewer's ellipsoid ground) and its top at up = b3_h_nok − b3_h_maaiveld; NAP values are only
 * carried as properties. The frame is a tangent plane, so far from the origin the ground (ellipsoid) drops
 * below it by d²/2R (≈ 0.1 m at 1.1 km), which is invisible at city scale.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { EnuFrame } from '../../src/geo/enu.ts';
import { createIO, writeTileGlb, type TileBuilding } from './glb.ts';
import { cleanRing, ringArea, type P2 } from './mesh.ts';
import { buildQuadtree, type QuadNode, type Tiled } from './quadtree.ts';
import { readBuildingsInput, type InputCrs, type InputWarnings } from './read-input.ts';
import { tilesetSchema } from './schema.ts';

export interface BuildOptions {
  /** ENU origin [lon, lat]; defaults to the input's `tweeling.tilesetOrigin`, else its bbox centre. */
  origin?: [number, number];
  maxLeafItems?: number;
  maxDepth?: number;
}

export interface BuildSummary {
  buildings: number;
  tiles: number;
  contentTiles: number;
  triangles: number;
  vertices: number;
  glbBytes: number;
  tilesetJsonBytes: number;
  origin: { lon: number; lat: number; height: number };
  bbox: { west: number; south: number; east: number; north: number };
  inputCrs: InputCrs;
  warnings: InputWarnings & { degenerateBuildings: number };
}

export interface BuildOutput {
  /** Relative path (posix) → file bytes; `tileset.json` plus `tiles/*.glb`. */
  files: Map<string, Uint8Array>;
  summary: BuildSummary;
}

export const HEIGHT_CONVENTION =
  'Ground = ellipsoid height 0: each building base is at up = 0 and its top at up = b3_h_nok - b3_h_maaiveld ' +
  '(local ENU frame of the root transform). NAP heights are kept untouched in the properties.';

interface Item extends Tiled {
  building: TileBuilding;
}

interface Box3 {
  min: [number, number, number];
  max: [number, number, number];
}

interface TileJson {
  boundingVolume: { box: number[] };
  geometricError: number;
  refine?: 'ADD';
  transform?: number[];
  content?: { uri: string };
  children?: TileJson[];
}

const r3 = (v: number): number => Math.round(v * 1000) / 1000;

function boxJson(b: Box3): number[] {
  // Snap outward to whole millimetres: centre and half-size are then exact half-millimetres, so a child's box
  // (whose extent is a subset of its parent's) can never poke out of its parent's after rounding.
  const lo = b.min.map((v) => Math.floor(v * 1000));
  const hi = b.max.map((v) => Math.ceil(v * 1000));
  const c = lo.map((v, i) => (v + hi[i]!) / 2000);
  const h = lo.map((v, i) => (hi[i]! - v) / 2000);
  return [c[0]!, c[1]!, c[2]!, h[0]!, 0, 0, 0, h[1]!, 0, 0, 0, h[2]!];
}

function union(a: Box3 | null, b: Box3): Box3 {
  if (!a) return { min: [...b.min], max: [...b.max] };
  return {
    min: [Math.min(a.min[0], b.min[0]), Math.min(a.min[1], b.min[1]), Math.min(a.min[2], b.min[2])],
    max: [Math.max(a.max[0], b.max[0]), Math.max(a.max[1], b.max[1]), Math.max(a.max[2], b.max[2])],
  };
}

function toItems(
  input: ReturnType<typeof readBuildingsInput>,
  frame: EnuFrame,
): { items: Item[]; degenerate: number } {
  const items: Item[] = [];
  let degenerate = 0;
  for (const b of input.buildings) {
    const polygons: P2[][][] = [];
    for (const poly of b.polygons) {
      const rings = poly.map((ring, i) =>
        cleanRing(
          ring.map(([lon, lat]): P2 => {
            const [e, n] = frame.fromGeodetic(lon, lat, 0);
            return [e, n];
          }),
          i === 0,
        ),
      );
      if (rings[0] && rings[0].length >= 3) polygons.push(rings.filter((r) => r.length >= 3));
    }
    if (polygons.length === 0) {
      degenerate++;
      continue;
    }
    const outer = polygons[0]![0]!;
    const cx = outer.reduce((s, p) => s + p[0], 0) / outer.length;
    const cy = outer.reduce((s, p) => s + p[1], 0) / outer.length;
    const area = polygons.reduce((s, rings) => s + rings.reduce((t, r) => t + ringArea(r), 0), 0);
    const landmark = b.naam !== '';
    items.push({
      cx,
      cy,
      area,
      height: b.height,
      landmark,
      building: {
        polygons,
        height: b.height,
        pitched: b.b3_dak_type === 'slanted',
        landmark,
        values: {
          identificatie: b.identificatie,
          oorspronkelijkbouwjaar: b.oorspronkelijkbouwjaar,
          b3_h_maaiveld: b.b3_h_maaiveld,
          b3_h_nok: b.b3_h_nok,
          b3_dak_type: b.b3_dak_type,
          b3_bouwlagen: b.b3_bouwlagen,
          naam: b.naam,
        },
      },
    });
  }
  return { items, degenerate };
}

function defaultOrigin(input: ReturnType<typeof readBuildingsInput>): [number, number] {
  if (input.originHint) return input.originHint;
  const bb = lonLatBbox(input);
  // Rounded so that the origin (and thus every output byte) does not jitter with tiny input changes.
  return [
    Math.round(((bb.west + bb.east) / 2) * 1e4) / 1e4,
    Math.round(((bb.south + bb.north) / 2) * 1e4) / 1e4,
  ];
}

function lonLatBbox(input: ReturnType<typeof readBuildingsInput>): BuildSummary['bbox'] {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const b of input.buildings) {
    for (const poly of b.polygons) {
      for (const [lon, lat] of poly[0] ?? []) {
        west = Math.min(west, lon);
        east = Math.max(east, lon);
        south = Math.min(south, lat);
        north = Math.max(north, lat);
      }
    }
  }
  const r7 = (v: number): number => Math.round(v * 1e7) / 1e7;
  return { west: r7(west), south: r7(south), east: r7(east), north: r7(north) };
}

export async function buildTileset(
  input: string | unknown,
  options: BuildOptions = {},
): Promise<BuildOutput> {
  const parsed = readBuildingsInput(input);
  const [lon, lat] = options.origin ?? defaultOrigin(parsed);
  const frame = new EnuFrame(lon, lat, 0);
  const { items, degenerate } = toItems(parsed, frame);
  if (items.length === 0)
    throw new Error('all footprints are degenerate (fewer than 3 distinct points or no area)');
  const tree = buildQuadtree(items, {
    maxLeafItems: options.maxLeafItems ?? 250,
    maxDepth: options.maxDepth ?? 4,
  });

  const io = createIO();
  const files = new Map<string, Uint8Array>();
  const stats = { tiles: 0, contentTiles: 0, triangles: 0, vertices: 0, glbBytes: 0 };

  async function emit(node: QuadNode<Item>): Promise<{ json: TileJson; box: Box3 }> {
    stats.tiles++;
    let box: Box3 | null = null;
    let content: TileJson['content'];
    if (node.items.length > 0) {
      const xs = node.items.map((i) => i.cx);
      const ys = node.items.map((i) => i.cy);
      // Content origin: the centre of the tile's buildings, rounded to the metre (keeps output tidy).
      const center: P2 = [
        Math.round((Math.min(...xs) + Math.max(...xs)) / 2),
        Math.round((Math.min(...ys) + Math.max(...ys)) / 2),
      ];
      const glb = await writeTileGlb(
        node.items.map((i) => i.building),
        center,
        io,
      );
      const uri = `tiles/${node.level}_${node.x}_${node.y}.glb`;
      files.set(uri, glb.bytes);
      content = { uri };
      box = { min: glb.min, max: glb.max };
      stats.contentTiles++;
      stats.triangles += glb.triangles;
      stats.vertices += glb.vertices;
      stats.glbBytes += glb.bytes.byteLength;
    }
    const children: TileJson[] = [];
    let childError = 0;
    for (const child of node.children) {
      const c = await emit(child);
      children.push(c.json);
      box = union(box, c.box);
      childError = Math.max(childError, c.json.geometricError);
    }
    if (!box) throw new Error('internal: empty tile');
    const halfDiag = Math.hypot(box.max[0] - box.min[0], box.max[1] - box.min[1]) / 2;
    // Leaves are exact (0); parents get an error that scales with their size and always exceeds children's.
    const geometricError = children.length === 0 ? 0 : r3(Math.max(halfDiag / 12, childError * 2, 8));
    const json: TileJson = { boundingVolume: { box: boxJson(box) }, geometricError };
    if (content) json.content = content;
    if (children.length > 0) json.children = children;
    return { json, box };
  }

  const root = await emit(tree);
  const rootJson: TileJson = { transform: frame.matrix(), ...root.json, refine: 'ADD' };
  const rootHalfDiag = Math.hypot(root.box.max[0] - root.box.min[0], root.box.max[1] - root.box.min[1]) / 2;
  const tileset = {
    asset: { version: '1.1', generator: 'Tweeling scripts/tileset' },
    extras: {
      tweeling: {
        origin: { lon, lat, height: 0 },
        heightConvention: HEIGHT_CONVENTION,
      },
    },
    schema: tilesetSchema(),
    geometricError: r3(Math.max(rootJson.geometricError * 2, rootHalfDiag / 6, 16)),
    root: rootJson,
  };
  const tilesetText = `${JSON.stringify(tileset, null, 2)}\n`;
  const tilesetBytes = new TextEncoder().encode(tilesetText);
  const sorted = new Map<string, Uint8Array>([['tileset.json', tilesetBytes]]);
  for (const k of [...files.keys()].sort()) sorted.set(k, files.get(k)!);

  return {
    files: sorted,
    summary: {
      buildings: items.length,
      ...stats,
      tilesetJsonBytes: tilesetBytes.byteLength,
      origin: { lon, lat, height: 0 },
      bbox: lonLatBbox(parsed),
      inputCrs: parsed.crs,
      warnings: { ...parsed.warnings, degenerateBuildings: degenerate },
    },
  };
}

/** Writes a build to `outDir`, first removing stale `tiles/*.glb` from an earlier build. */
export function writeBuildOutput(out: BuildOutput, outDir: string): void {
  const tilesDir = join(outDir, 'tiles');
  mkdirSync(tilesDir, { recursive: true });
  for (const f of readdirSync(tilesDir)) if (f.endsWith('.glb')) rmSync(join(tilesDir, f));
  for (const [rel, bytes] of out.files) {
    const path = join(outDir, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
  }
}

/**
 * Builds the heat model's embedded baseline, public/data/heat/utrecht-centre-heat.json, from the
 * committed sample city: building footprints and heights (data/sample/utrecht-centre.geojson), the
 * ground map (public/data/sample-ground.geojson) and a synthetic, clearly labelled tree set along
 * the canals, wide streets, squares and parks. Deterministic: the same inputs give the same bytes
 * (checked by build-heat-baseline.test.ts).
 *
 * Run: `npx tsx scripts/heat/build-heat-baseline.ts`
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  HEAT_BASELINE_FORMAT,
  heatBaselineSchema,
  type GroundShape,
  type HeatBaseline,
} from '../../src/scenarios/heat/baseline-file.ts';
import { GROUND, rasterizeBaseline } from '../../src/scenarios/heat/city.ts';
import { cellAt, gridCovering, lonLatToMetres, type Grid } from '../../src/scenarios/heat/grid.ts';
import { Prng } from '../sample/prng.ts';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const HEAT_BASELINE_PATH = resolve(REPO_ROOT, 'public/data/heat/utrecht-centre-heat.json');
const CITY_PATH = resolve(REPO_ROOT, 'data/sample/utrecht-centre.geojson');
const GROUND_PATH = resolve(REPO_ROOT, 'public/data/sample-ground.geojson');

/** 2 m cells: streets of 7–10 m get 4–5 cells across, and the 2.2 × 1.7 km sample stays under a million cells. */
export const CELL_SIZE = 2;
const SEED = 20260701;

type Position = [number, number];

interface CityFile {
  features: {
    properties: { identificatie: string; b3_h_maaiveld: number; b3_h_nok: number; naam?: string };
    geometry: { type: 'Polygon'; coordinates: Position[][] };
  }[];
}

interface GroundFile {
  bbox: [number, number, number, number];
  tweeling: { canalWaterShare: number };
  features: {
    properties: { kind: 'square' | 'green' | 'rail' | 'street' | 'canal'; name: string; width?: number };
    geometry:
      { type: 'Polygon'; coordinates: Position[][] } | { type: 'LineString'; coordinates: Position[] };
  }[];
}

const dm = (metres: number) => Math.round(metres * 10);

function flat(grid: Grid, points: readonly Position[]): number[] {
  const open = points.length > 1 && samePosition(points[0]!, points.at(-1)!) ? points.slice(0, -1) : points;
  return open.flatMap(([lon, lat]) => lonLatToMetres(grid, lon, lat).map(dm));
}

function samePosition(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/** Ground cover in painting order: squares, parks and the rail bed, canal water, then streets as bridges. */
function groundShapes(grid: Grid, ground: GroundFile): GroundShape[] {
  const shapes: GroundShape[] = [];
  const byKind = (kind: string) => ground.features.filter((f) => f.properties.kind === kind);
  const cover = { square: 'paved', green: 'green', rail: 'rail' } as const;
  for (const kind of ['square', 'green', 'rail'] as const)
    for (const f of byKind(kind))
      if (f.geometry.type === 'Polygon')
        shapes.push({
          cover: cover[kind],
          name: f.properties.name,
          rings: [flat(grid, f.geometry.coordinates[0]!)],
        });
  for (const f of byKind('canal'))
    if (f.geometry.type === 'LineString')
      shapes.push({
        cover: 'water',
        name: f.properties.name,
        line: flat(grid, f.geometry.coordinates),
        width: dm(f.properties.width! * ground.tweeling.canalWaterShare),
      });
  // Streets after the water, so that where one crosses a canal it becomes a bridge to walk over.
  for (const f of byKind('street'))
    if (f.geometry.type === 'LineString')
      shapes.push({
        cover: 'paved',
        name: f.properties.name,
        line: flat(grid, f.geometry.coordinates),
        width: dm(f.properties.width!),
      });
  // The layout has few crossing streets, so add footbridges at a typical spacing (an assumption).
  for (const f of byKind('canal'))
    if (f.geometry.type === 'LineString') {
      const water = f.properties.width! * ground.tweeling.canalWaterShare;
      const every = SINGELS.has(f.properties.name) ? 220 : 110;
      for (const line of bridges(grid, f.geometry.coordinates, every, water / 2 + 2))
        shapes.push({
          cover: 'paved',
          name: `bridge over ${f.properties.name} (sample)`,
          line,
          width: dm(6),
        });
    }
  return shapes;
}

/** Short lines across a centre line every `every` metres (the first half a spacing in), `half` metres each side. */
function bridges(grid: Grid, path: readonly Position[], every: number, half: number): number[][] {
  const points = path.map(([lon, lat]) => lonLatToMetres(grid, lon, lat));
  const out: number[][] = [];
  let next = every / 2;
  let walked = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const [ax, ay] = points[i]!;
    const [bx, by] = points[i + 1]!;
    const length = Math.hypot(bx - ax, by - ay);
    const [nx, ny] = [-(by - ay) / length, (bx - ax) / length];
    for (; next <= walked + length; next += every) {
      const t = (next - walked) / length;
      const [x, y] = [ax + t * (bx - ax), ay + t * (by - ay)];
      out.push([x - half * nx, y - half * ny, x + half * nx, y + half * ny].map(dm));
    }
    walked += length;
  }
  return out;
}

interface TreeSpec {
  spacing: number;
  height: [number, number];
  crown: [number, number];
}

/** Invented tree stock: the singels are lined with big trees, inner canals and wide streets with smaller ones. */
const SINGELS = new Set(['Catharijnesingel', 'Tolsteegsingel', 'Maliesingel', 'Wittevrouwensingel']);
const SINGEL_TREES: TreeSpec = { spacing: 11, height: [15, 22], crown: [10, 14] };
const CANAL_TREES: TreeSpec = { spacing: 13, height: [11, 17], crown: [7, 11] };
const STREET_TREES: TreeSpec = { spacing: 12, height: [9, 15], crown: [6, 9] };
const PARK_TREES: TreeSpec = { spacing: 11, height: [12, 20], crown: [8, 13] };
const SQUARE_TREES: TreeSpec = { spacing: 10, height: [10, 16], crown: [7, 10] };
/** Squares with trees in the real city (Neude, Janskerkhof, Mariaplaats), edge rows only here. */
const TREED_SQUARES = new Set(['Neude', 'Janskerkhof', 'Mariaplaats']);
const WIDE_STREET = 14;

function sampleTrees(grid: Grid, file: Omit<HeatBaseline, 'trees'>, ground: GroundFile): number[] {
  const city = rasterizeBaseline({ ...file, trees: [] });
  const random = new Prng(SEED);
  const placed: [number, number][] = [];
  const trees: number[] = [];
  const tryTree = (x: number, y: number, spec: TreeSpec) => {
    const cell = cellAt(grid, x, y);
    if (cell < 0) return;
    const g = city.ground[cell];
    if (g === GROUND.building || g === GROUND.water || g === GROUND.rail) return;
    // Keep the trunk 2 m from walls and 5 m from the next tree.
    for (const [dx, dy] of [
      [2, 0],
      [-2, 0],
      [0, 2],
      [0, -2],
    ] as const) {
      const near = cellAt(grid, x + dx, y + dy);
      if (near >= 0 && city.ground[near] === GROUND.building) return;
    }
    if (placed.some(([px, py]) => (px - x) ** 2 + (py - y) ** 2 < 25)) return;
    placed.push([x, y]);
    trees.push(dm(x), dm(y), dm(random.range(...spec.crown)), dm(random.range(...spec.height)));
  };
  /** Trees on both sides of a centre line at `offset` metres, every `spec.spacing` metres (±1 m). */
  const alongLine = (line: Position[], offset: number, spec: TreeSpec) => {
    const points = line.map(([lon, lat]) => lonLatToMetres(grid, lon, lat));
    for (let i = 0; i + 1 < points.length; i++) {
      const [ax, ay] = points[i]!;
      const [bx, by] = points[i + 1]!;
      const length = Math.hypot(bx - ax, by - ay);
      const [nx, ny] = [-(by - ay) / length, (bx - ax) / length];
      for (let s = spec.spacing / 2; s < length; s += spec.spacing)
        for (const side of [1, -1]) {
          const t = (s + random.range(-1, 1)) / length;
          tryTree(ax + t * (bx - ax) + side * offset * nx, ay + t * (by - ay) + side * offset * ny, spec);
        }
    }
  };
  /** A jittered lattice over a polygon's bounding box, kept where the ground is open. */
  const inPolygon = (ring: Position[], spec: TreeSpec, edgeOnly: boolean) => {
    const points = ring.map(([lon, lat]) => lonLatToMetres(grid, lon, lat));
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    for (let y = y0 + spec.spacing / 2; y < y1; y += spec.spacing)
      for (let x = x0 + spec.spacing / 2; x < x1; x += spec.spacing) {
        const edge = Math.min(x - x0, x1 - x, y - y0, y1 - y) < spec.spacing;
        if (edgeOnly && !edge) continue;
        tryTree(x + random.range(-1.5, 1.5), y + random.range(-1.5, 1.5), spec);
      }
  };

  const share = ground.tweeling.canalWaterShare;
  for (const f of ground.features) {
    const { kind, name, width = 0 } = f.properties;
    if (f.geometry.type === 'LineString') {
      if (kind === 'canal') {
        // Halfway across the quay: water half-width plus half the quay.
        const offset = (width * share) / 2 + (width * (1 - share)) / 4;
        alongLine(f.geometry.coordinates, offset, SINGELS.has(name) ? SINGEL_TREES : CANAL_TREES);
      } else if (kind === 'street' && width >= WIDE_STREET)
        alongLine(f.geometry.coordinates, width / 2 - 2.5, STREET_TREES);
    } else if (kind === 'green') inPolygon(f.geometry.coordinates[0]!, PARK_TREES, false);
    else if (kind === 'square' && TREED_SQUARES.has(name))
      inPolygon(f.geometry.coordinates[0]!, SQUARE_TREES, true);
  }
  return trees;
}

export function buildHeatBaseline(): HeatBaseline {
  const cityFile = JSON.parse(readFileSync(CITY_PATH, 'utf8')) as CityFile;
  const ground = JSON.parse(readFileSync(GROUND_PATH, 'utf8')) as GroundFile;
  const [west, south, east, north] = ground.bbox;
  const grid = gridCovering(west, south, east, north, CELL_SIZE);
  const features = cityFile.features;
  const file: Omit<HeatBaseline, 'trees'> = {
    format: HEAT_BASELINE_FORMAT,
    version: 1,
    meta: {
      id: 'utrecht-centre-heat-sample',
      title: 'Utrecht centre, heat model sample',
      sample: true,
      note: 'buildings and heights come from the generated sample city (approximate footprints, invented heights for ordinary buildings), ground cover from its hand-written layout (open ground not in it counts as paved), and the trees are invented along canals, wide streets, squares and parks. Not BGT, AHN or the Utrecht tree register.',
      licence: 'CC0-1.0 (generated sample data)',
      generator: 'scripts/heat/build-heat-baseline.ts',
    },
    grid: { west, south, cellSize: CELL_SIZE, columns: grid.columns, rows: grid.rows },
    buildings: {
      ids: features.map((f) => f.properties.identificatie),
      heights: features.map((f) => Math.max(0, dm(f.properties.b3_h_nok - f.properties.b3_h_maaiveld))),
      // Named buildings are churches, halls and offices; the rest of the centre counts as homes.
      homes: features.map((f) => (f.properties.naam ? 0 : 1)),
      rings: features.map((f) => flat(grid, f.geometry.coordinates[0]!)),
    },
    ground: groundShapes(grid, ground),
  };
  const baseline: HeatBaseline = { ...file, trees: sampleTrees(grid, file, ground) };
  return heatBaselineSchema.parse(baseline);
}

export function heatBaselineText(): string {
  return `${JSON.stringify(buildHeatBaseline())}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = heatBaselineText();
  mkdirSync(dirname(HEAT_BASELINE_PATH), { recursive: true });
  writeFileSync(HEAT_BASELINE_PATH, text);
  const trees = (JSON.parse(text) as HeatBaseline).trees.length / 4;
  console.log(`wrote ${HEAT_BASELINE_PATH}: ${(text.length / 1024).toFixed(0)} kB, ${trees} trees`);
}

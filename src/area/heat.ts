/**
 * 3DBAG buildings, BGT ground cover and BGT tree points → the heat model's baseline file
 * (src/scenarios/heat/baseline-file.ts): whole decimetres in the grid frame, rings not closed.
 */
import {
  HEAT_BASELINE_FORMAT,
  type GroundCover,
  type GroundShape,
  type HeatBaseline,
} from '../scenarios/heat/baseline-file.ts';
import { gridCovering, lonLatToMetres, type Grid } from '../scenarios/heat/grid.ts';
import type { AreaFeature, BgtGroundCollection } from '../sources/area/index.ts';
import type { ThreeDBagBuilding } from '../sources/threedbag/cityjson.ts';
import type { Area } from './input.ts';
import { insideRing } from './input.ts';
import type { Assumptions } from './report.ts';

/** Cell size (m), as the embedded sample. */
export const HEAT_CELL_METRES = 2;
/**
 * Height (m) for a building without 3DBAG roof heights: ASSUMPTION of three storeys of ~3 m,
 * typical of Utrecht's inner-city housing.
 */
export const DEFAULT_BUILDING_HEIGHT_M = 9;
/** BGT tree points carry no size (notes §4/§13): ASSUMPTION of a mid-size street tree. */
export const DEFAULT_TREE = { crownM: 6, heightM: 10 } as const;

/** Later shapes win, so water and green are painted over paving. */
const COVER_ORDER: readonly BgtGroundCollection[] = [
  'wegdeel',
  'ondersteunendwegdeel',
  'onbegroeidterreindeel',
  'begroeidterreindeel',
  'waterdeel',
];

function coverOf(collection: BgtGroundCollection, properties: Record<string, unknown>): GroundCover {
  if (collection === 'waterdeel') return 'water';
  if (collection === 'begroeidterreindeel') return 'green';
  // BGT wegdeel `functie` (field name unverified, MED): "spoorbaan" is track.
  const functie = properties.functie;
  if (collection === 'wegdeel' && typeof functie === 'string' && /spoor/i.test(functie)) return 'rail';
  return 'paved';
}

/** A lon/lat ring → flat whole decimetres, unclosed, consecutive repeats removed. */
function flatRing(grid: Grid, ring: readonly (readonly number[])[]): number[] | undefined {
  const out: number[] = [];
  for (const p of ring) {
    const [x, y] = lonLatToMetres(grid, p[0]!, p[1]!);
    const dx = Math.round(x * 10);
    const dy = Math.round(y * 10);
    const n = out.length;
    if (n >= 2 && out[n - 2] === dx && out[n - 1] === dy) continue;
    out.push(dx, dy);
  }
  if (out.length >= 4 && out[0] === out[out.length - 2] && out[1] === out[out.length - 1]) out.splice(-2);
  return out.length >= 6 ? out : undefined;
}

function outerRings(g: AreaFeature['geometry']): number[][][] {
  if (g?.type === 'Polygon') return g.coordinates[0] ? [g.coordinates[0]] : [];
  if (g?.type === 'MultiPolygon') return g.coordinates.flatMap((p) => (p[0] ? [p[0]] : []));
  return [];
}

export interface HeatInputs {
  buildings: readonly ThreeDBagBuilding[];
  ground: ReadonlyMap<BgtGroundCollection, readonly AreaFeature[]>;
  trees: readonly AreaFeature[];
}

export function buildHeatBaseline(
  area: Area,
  id: string,
  inputs: HeatInputs,
  report: Assumptions,
  licence: string,
): HeatBaseline {
  const [w, s, e, n] = area.bbox;
  const grid = gridCovering(w, s, e, n, HEAT_CELL_METRES);
  const ids: string[] = [];
  const heights: number[] = [];
  const homes: (0 | 1)[] = [];
  const rings: number[][] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  let noHeight = 0;
  let noFootprint = 0;
  for (const b of inputs.buildings) {
    const bid = `bag-${b.bagId.toLowerCase().replace(/[^a-z0-9-]/g, '-')}`;
    if (seen.has(bid)) {
      duplicates++;
      continue;
    }
    seen.add(bid);
    const ring = b.footprint.length >= 4 ? flatRing(grid, b.footprint) : undefined;
    if (!ring) {
      noFootprint++;
      continue;
    }
    const [cx, cy] = b.footprint.reduce(([x, y], p) => [x + p[0], y + p[1]], [0, 0]);
    const count = b.footprint.length;
    if (!insideRing(area.ring, cx / count, cy / count)) continue;
    const h = b.heights;
    const roof = h.roof70p ?? h.roofMax ?? h.geometryMaxZ;
    let height = roof !== undefined && h.ground !== undefined ? roof - h.ground : undefined;
    if (height === undefined || !(height > 0)) {
      noHeight++;
      height = DEFAULT_BUILDING_HEIGHT_M;
    }
    ids.push(bid);
    heights.push(Math.round(height * 10));
    homes.push(1);
    rings.push(ring);
  }
  if (duplicates > 0) report.note(`buildings: ${duplicates} listed twice (same BAG id); kept once`);
  if (noFootprint > 0) report.note(`buildings: ${noFootprint} without a usable footprint left out`);
  if (noHeight > 0)
    report.assume(
      `buildings: ${noHeight} without a 3DBAG roof height: ${DEFAULT_BUILDING_HEIGHT_M} m assumed`,
    );
  if (ids.length > 0)
    report.assume(
      `buildings: all ${ids.length} counted as homes or workplaces (3DBAG has no use; BAG gebruiksdoel not joined yet)`,
    );

  const ground: GroundShape[] = [];
  for (const collection of COVER_ORDER) {
    for (const f of inputs.ground.get(collection) ?? []) {
      const valid = outerRings(f.geometry)
        .map((r) => flatRing(grid, r))
        .filter((r): r is number[] => r !== undefined);
      if (valid.length === 0) continue;
      ground.push({ cover: coverOf(collection, f.properties), rings: valid });
    }
  }
  report.assume(
    'ground: holes in BGT areas are ignored; later layers (green, water) are painted over paving',
  );

  const trees: number[] = [];
  const treeIds = new Set<string>();
  for (const t of inputs.trees) {
    if (t.geometry?.type !== 'Point' || treeIds.has(t.id)) continue;
    const [lon, lat] = t.geometry.coordinates as [number, number];
    if (!insideRing(area.ring, lon, lat)) continue;
    treeIds.add(t.id);
    const [x, y] = lonLatToMetres(grid, lon, lat);
    trees.push(Math.round(x * 10), Math.round(y * 10), DEFAULT_TREE.crownM * 10, DEFAULT_TREE.heightM * 10);
  }
  if (trees.length > 0)
    report.assume(
      `trees: ${trees.length / 4} BGT tree points without size: crown ${DEFAULT_TREE.crownM} m, height ${DEFAULT_TREE.heightM} m assumed`,
    );

  return {
    format: HEAT_BASELINE_FORMAT,
    version: 1,
    meta: {
      id,
      title: `Built area ${area.key}`,
      sample: false,
      note: 'Built from 3DBAG buildings, BGT ground cover and BGT tree points; see the assumptions report.',
      licence,
      generator: 'src/area/build.ts',
    },
    grid: {
      west: grid.west,
      south: grid.south,
      cellSize: grid.cellSize,
      columns: grid.columns,
      rows: grid.rows,
    },
    buildings: { ids, heights, homes, rings },
    ground,
    trees,
  };
}

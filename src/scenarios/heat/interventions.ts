import type { ModelNote, ScenarioIssue } from '../engine/types.ts';
import { signedRingArea } from '../../geo/polygon.ts';
import { TREE_DEFAULTS, type HeatChange, type LonLat } from './changes.ts';
import { cloneCity, GROUND, plantTree, setBuilding, type CityRasters } from './city.ts';
import { cellAt, EMPTY_WINDOW, lonLatToMetres, unionWindow, type CellWindow, type Grid } from './grid.ts';
import { fillDisc, fillRings } from './rasterize.ts';

/**
 * Turning a scenario's changes into a changed copy of the city rasters, and checking them against
 * the grid first so that a bad drawing gets a plain message instead of a silent no-op.
 */

/** Building index given to cells of a building that a scenario adds. */
export const NEW_BUILDING = -2;

/** A polygon's outline in grid metres (flat), without a repeated closing point. */
export function ringInMetres(grid: Grid, ring: readonly LonLat[]): number[] {
  const points = ring.length > 3 && samePoint(ring[0]!, ring.at(-1)!) ? ring.slice(0, -1) : ring;
  return points.flatMap(([lon, lat]) => lonLatToMetres(grid, lon, lat));
}

function samePoint(a: LonLat, b: LonLat): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/** Tree positions along a polyline every `spacing` metres, the first at its start. */
export function treeRowPoints(line: readonly number[], spacing: number): [number, number][] {
  const out: [number, number][] = [];
  let carried = 0; // distance since the last tree
  for (let i = 0; i + 3 < line.length; i += 2) {
    const [ax, ay, bx, by] = [line[i]!, line[i + 1]!, line[i + 2]!, line[i + 3]!];
    const length = Math.hypot(bx - ax, by - ay);
    let s = i === 0 ? 0 : spacing - carried;
    for (; s <= length + 1e-9; s += spacing) {
      const t = length === 0 ? 0 : s / length;
      out.push([ax + t * (bx - ax), ay + t * (by - ay)]);
    }
    carried = length - (s - spacing);
  }
  return out;
}

/** The first pair of non-adjacent edges that cross, as edge numbers (1-based), or null. */
export function selfIntersection(ring: readonly number[]): [number, number] | null {
  const n = ring.length >> 1;
  for (let i = 0; i < n; i++)
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue; // they share the closing vertex
      if (
        segmentsCross(
          ring[2 * i]!,
          ring[2 * i + 1]!,
          ring[2 * ((i + 1) % n)]!,
          ring[2 * ((i + 1) % n) + 1]!,
          ring[2 * j]!,
          ring[2 * j + 1]!,
          ring[2 * ((j + 1) % n)]!,
          ring[2 * ((j + 1) % n) + 1]!,
        )
      )
        return [i + 1, j + 1];
    }
  return null;
}

function segmentsCross(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
  dx: number,
  dy: number,
): boolean {
  const d1 = orient(cx, cy, dx, dy, ax, ay);
  const d2 = orient(cx, cy, dx, dy, bx, by);
  const d3 = orient(ax, ay, bx, by, cx, cy);
  const d4 = orient(ax, ay, bx, by, dx, dy);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  // Touching or overlapping collinear edges also make an invalid outline.
  return (
    (d1 === 0 && onSegment(cx, cy, dx, dy, ax, ay)) ||
    (d2 === 0 && onSegment(cx, cy, dx, dy, bx, by)) ||
    (d3 === 0 && onSegment(ax, ay, bx, by, cx, cy)) ||
    (d4 === 0 && onSegment(ax, ay, bx, by, dx, dy))
  );
}

function orient(ax: number, ay: number, bx: number, by: number, px: number, py: number): number {
  return (bx - ax) * (py - ay) - (by - ay) * (px - ax);
}

function onSegment(ax: number, ay: number, bx: number, by: number, px: number, py: number): boolean {
  return Math.min(ax, bx) <= px && px <= Math.max(ax, bx) && Math.min(ay, by) <= py && py <= Math.max(ay, by);
}

export interface BuildingLookup {
  ids: readonly string[];
  indexOf: ReadonlyMap<string, number>;
}

function describeArea(grid: Grid): string {
  const [w, s, e, n] = grid.bounds.map((v) => v.toFixed(4));
  return `lon ${w}…${e}, lat ${s}…${n}`;
}

/** Geometry checks of every change against the baseline city; empty when all can be drawn. */
export function checkChanges(
  changes: readonly HeatChange[],
  city: CityRasters,
  buildings: BuildingLookup,
): ScenarioIssue[] {
  const { grid } = city;
  const issues: ScenarioIssue[] = [];
  const checkPolygon = (ring: readonly LonLat[], path: string): boolean => {
    const metres = ringInMetres(grid, ring);
    const pairs: [number, number][] = [];
    for (let k = 0; k < metres.length; k += 2) pairs.push([metres[k]!, metres[k + 1]!]);
    const crossing = selfIntersection(metres);
    if (crossing) {
      issues.push({
        path,
        message: `the outline crosses itself (edges ${crossing[0]} and ${crossing[1]}); draw it without crossings`,
      });
      return false;
    }
    const area = Math.abs(signedRingArea(pairs));
    if (area < 1) {
      issues.push({ path, message: `the area is ${area.toFixed(1)} m² (are the points on one line?)` });
      return false;
    }
    let cells = 0;
    fillRings(grid, [metres], () => cells++);
    if (cells === 0) {
      const inside = metres.some((v, k) =>
        k % 2 === 0 ? v >= 0 && v <= grid.columns * grid.cellSize : v >= 0 && v <= grid.rows * grid.cellSize,
      );
      issues.push({
        path,
        message: inside
          ? `too small: it covers no cell of the ${grid.cellSize} m grid`
          : `lies outside the modelled area (${describeArea(grid)})`,
      });
      return false;
    }
    return true;
  };
  const checkTree = ([lon, lat]: LonLat, path: string) => {
    const [x, y] = lonLatToMetres(grid, lon, lat);
    const cell = cellAt(grid, x, y);
    if (cell < 0)
      issues.push({ path, message: `this tree is outside the modelled area (${describeArea(grid)})` });
    else if (city.ground[cell] === GROUND.building) {
      const index = city.buildingIndex[cell]!;
      issues.push({
        path,
        message: `this tree stands inside building "${buildings.ids[index] ?? 'unknown'}"`,
      });
    } else if (city.ground[cell] === GROUND.water)
      issues.push({ path, message: 'this tree stands in water' });
  };

  changes.forEach((change, i) => {
    const at = `changes[${i}]`;
    switch (change.type) {
      case 'trees':
        change.points.forEach((p, j) => checkTree(p, `${at}.points[${j}]`));
        break;
      case 'tree-row': {
        const line = change.line.flatMap(([lon, lat]) => lonLatToMetres(grid, lon, lat));
        const points = treeRowPoints(line, change.spacing ?? TREE_DEFAULTS.spacing);
        const outside = points.filter(([x, y]) => cellAt(grid, x, y) < 0).length;
        if (outside === points.length)
          issues.push({
            path: `${at}.line`,
            message: `the row is outside the modelled area (${describeArea(grid)})`,
          });
        break;
      }
      case 'depave':
      case 'water':
      case 'building':
        checkPolygon(change.polygon, `${at}.polygon`);
        break;
      case 'green-roof':
        if (change.buildingId !== undefined) {
          if (!buildings.indexOf.has(change.buildingId))
            issues.push({ path: `${at}.buildingId`, message: `unknown building "${change.buildingId}"` });
        } else if (checkPolygon(change.polygon!, `${at}.polygon`)) {
          let roofs = 0;
          fillRings(grid, [ringInMetres(grid, change.polygon!)], (c) => {
            if (city.ground[c] === GROUND.building) roofs++;
          });
          if (roofs === 0)
            issues.push({ path: `${at}.polygon`, message: 'there is no roof under this polygon' });
        }
        break;
    }
  });
  return issues;
}

export interface AppliedChanges {
  city: CityRasters;
  /** 1 on every cell a change drew on (crowns, polygons, footprints). */
  drawn: Uint8Array;
  drawnWindow: CellWindow;
  /** Cells any layer may have changed in, and cells where heights may have changed (supersets). */
  changed: { any: CellWindow; surface: CellWindow };
  /** Plain-language remarks, e.g. a tree that could not stand where it was drawn. */
  notes: ModelNote[];
}

/** Applies the changes in order to a copy of the baseline city. */
export function applyChanges(
  base: CityRasters,
  changes: readonly HeatChange[],
  buildings: BuildingLookup,
): AppliedChanges {
  const city = cloneCity(base);
  const { grid } = city;
  const drawn = new Uint8Array(grid.cells);
  let drawnWindow = EMPTY_WINDOW;
  let surfaceWindow = EMPTY_WINDOW;
  const notes: ModelNote[] = [];
  const mark = (w: CellWindow) => (drawnWindow = unionWindow(drawnWindow, w));
  const polygonCells = (ring: readonly LonLat[], visit: (i: number) => void) =>
    mark(
      fillRings(grid, [ringInMetres(grid, ring)], (i) => {
        drawn[i] = 1;
        visit(i);
      }),
    );
  const tree = (x: number, y: number, crown: number, height: number) => {
    const cell = cellAt(grid, x, y);
    if (cell < 0 || city.ground[cell] === GROUND.building || city.ground[cell] === GROUND.water) return false;
    surfaceWindow = unionWindow(surfaceWindow, plantTree(city, x, y, crown, height));
    // The whole crown counts as drawn, also where it hangs over a roof (plantTree skips roofs).
    mark(fillDisc(grid, x, y, crown / 2, (c) => (drawn[c] = 1)));
    return true;
  };

  changes.forEach((change, i) => {
    switch (change.type) {
      case 'trees':
      case 'tree-row': {
        const crown = change.crownDiameter ?? TREE_DEFAULTS.crownDiameter;
        const height = change.height ?? TREE_DEFAULTS.height;
        const points =
          change.type === 'trees'
            ? change.points.map(([lon, lat]) => lonLatToMetres(grid, lon, lat))
            : treeRowPoints(
                change.line.flatMap(([lon, lat]) => lonLatToMetres(grid, lon, lat)),
                change.spacing ?? TREE_DEFAULTS.spacing,
              );
        let skipped = 0;
        for (const [x, y] of points) if (!tree(x, y, crown, height)) skipped++;
        if (skipped > 0)
          notes.push({
            key: 'scenario.note.heat.treesLeftOut',
            params: { change: i + 1, skipped, total: points.length },
          });
        break;
      }
      case 'depave':
        polygonCells(change.polygon, (c) => {
          if (city.ground[c] === GROUND.paved || city.ground[c] === GROUND.rail)
            city.ground[c] = GROUND.green;
        });
        break;
      case 'water':
        polygonCells(change.polygon, (c) => {
          if (city.ground[c] !== GROUND.building) city.ground[c] = GROUND.water;
        });
        break;
      case 'building': {
        const before = drawnWindow;
        drawnWindow = EMPTY_WINDOW;
        polygonCells(change.polygon, (c) => {
          setBuilding(city, c, change.height, NEW_BUILDING);
          city.greenRoof[c] = 0;
        });
        surfaceWindow = unionWindow(surfaceWindow, drawnWindow);
        drawnWindow = unionWindow(before, drawnWindow);
        break;
      }
      case 'green-roof': {
        if (change.buildingId !== undefined) {
          const index = buildings.indexOf.get(change.buildingId)!;
          for (let c = 0; c < grid.cells; c++)
            if (city.buildingIndex[c] === index) {
              city.greenRoof[c] = 1;
              drawn[c] = 1;
              const row = Math.floor(c / grid.columns);
              mark({ col0: c - row * grid.columns, row0: row, col1: c - row * grid.columns, row1: row });
            }
        } else
          polygonCells(change.polygon!, (c) => {
            if (city.ground[c] === GROUND.building) city.greenRoof[c] = 1;
          });
        break;
      }
    }
  });
  return { city, drawn, drawnWindow, changed: { any: drawnWindow, surface: surfaceWindow }, notes };
}

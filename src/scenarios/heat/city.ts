import { toMetres, type GroundCover, type HeatBaseline } from './baseline-file.ts';
import { EMPTY_WINDOW, makeGrid, type CellWindow, type Grid } from './grid.ts';
import { fillCorridor, fillDisc, fillRings } from './rasterize.ts';

/** Ground cover codes of the `ground` raster. */
export const GROUND = { paved: 0, green: 1, water: 2, building: 3, rail: 4 } as const;

const COVER_CODE: Record<GroundCover, number> = {
  paved: GROUND.paved,
  green: GROUND.green,
  water: GROUND.water,
  rail: GROUND.rail,
};

/** Tree crowns lower than this do not shade the ground in the method (`trees_2m`). */
export const SHADING_CROWN_HEIGHT = 2;

/** The city burnt into the grid: everything the heat model reads per cell. */
export interface CityRasters {
  grid: Grid;
  ground: Uint8Array;
  /** Height of the roof above the ground (m); 0 where there is no building. */
  buildingHeight: Float32Array;
  /** Index into the baseline's building list, −1 for none (a scenario's new building: −2). */
  buildingIndex: Int32Array;
  /** Height of the tallest crown over the cell (m); 0 where there is none. */
  canopyHeight: Float32Array;
  /** 1 on a green roof. */
  greenRoof: Uint8Array;
  /**
   * 1 where a street corridor of the baseline lies (a paved line shape; later shapes paint over it).
   * The sample does not tell carriageway from pavement, so the whole corridor counts as road for the
   * cool places' distance from the road.
   */
  streetCorridor: Uint8Array;
}

export function rasterizeBaseline(file: HeatBaseline): CityRasters {
  const grid = makeGrid(file.grid);
  const city: CityRasters = {
    grid,
    ground: new Uint8Array(grid.cells),
    buildingHeight: new Float32Array(grid.cells),
    buildingIndex: new Int32Array(grid.cells).fill(-1),
    canopyHeight: new Float32Array(grid.cells),
    greenRoof: new Uint8Array(grid.cells),
    streetCorridor: new Uint8Array(grid.cells),
  };
  for (const shape of file.ground) {
    const code = COVER_CODE[shape.cover];
    const street = 'line' in shape && shape.cover === 'paved' ? 1 : 0;
    const paint = (i: number) => {
      city.ground[i] = code;
      city.streetCorridor[i] = street;
    };
    if ('rings' in shape) fillRings(grid, shape.rings.map(toMetres), paint);
    else fillCorridor(grid, toMetres(shape.line), shape.width / 20, paint);
  }
  file.buildings.rings.forEach((ring, b) => {
    const height = file.buildings.heights[b]! / 10;
    fillRings(grid, [toMetres(ring)], (i) => setBuilding(city, i, height, b));
  });
  const t = file.trees;
  for (let k = 0; k + 3 < t.length; k += 4)
    plantTree(city, t[k]! / 10, t[k + 1]! / 10, t[k + 2]! / 10, t[k + 3]! / 10);
  return city;
}

export function setBuilding(city: CityRasters, index: number, height: number, building: number): void {
  city.ground[index] = GROUND.building;
  city.buildingHeight[index] = height;
  city.buildingIndex[index] = building;
  city.canopyHeight[index] = 0;
}

/** A crown as a disc over every cell that is not a building; returns the cells it touched. */
export function plantTree(
  city: CityRasters,
  x: number,
  y: number,
  crownDiameter: number,
  height: number,
): CellWindow {
  return fillDisc(city.grid, x, y, crownDiameter / 2, (i) => {
    if (city.ground[i] === GROUND.building) return;
    if (height > city.canopyHeight[i]!) city.canopyHeight[i] = height;
  });
}

export function cloneCity(city: CityRasters): CityRasters {
  return {
    grid: city.grid,
    ground: city.ground.slice(),
    buildingHeight: city.buildingHeight.slice(),
    buildingIndex: city.buildingIndex.slice(),
    canopyHeight: city.canopyHeight.slice(),
    greenRoof: city.greenRoof.slice(),
    streetCorridor: city.streetCorridor,
  };
}

/** Height of whatever stands on each cell (roof or crown), the surface that casts shade and hides sky. */
export function surfaceHeights(city: CityRasters, out = new Float32Array(city.grid.cells)): Float32Array {
  const { buildingHeight, canopyHeight } = city;
  for (let i = 0; i < out.length; i++) {
    const b = buildingHeight[i]!;
    const c = canopyHeight[i]!;
    out[i] = b > c ? b : c;
  }
  return out;
}

/** 1 on every cell with a street-level PET: all but buildings. */
export function streetLevel(city: CityRasters): Uint8Array {
  const { ground } = city;
  const out = new Uint8Array(ground.length);
  for (let i = 0; i < ground.length; i++) out[i] = ground[i] === GROUND.building ? 0 : 1;
  return out;
}

/** 1 where one can walk: paved or green ground (not water, track bed or buildings). */
export function walkable(city: CityRasters): Uint8Array {
  const { ground } = city;
  const out = new Uint8Array(ground.length);
  for (let i = 0; i < ground.length; i++) {
    const g = ground[i];
    out[i] = g === GROUND.paved || g === GROUND.green ? 1 : 0;
  }
  return out;
}

/** 1 on road: a street corridor whose ground is still paved (not depaved, built on or made water). */
export function roads(city: CityRasters): Uint8Array {
  const { ground, streetCorridor } = city;
  const out = new Uint8Array(ground.length);
  for (let i = 0; i < ground.length; i++)
    out[i] = streetCorridor[i] === 1 && ground[i] === GROUND.paved ? 1 : 0;
  return out;
}

/** 1 for vegetation in the heat island's vegetation fraction: green ground, crowns and green roofs. */
export function vegetated(city: CityRasters): Uint8Array {
  const { ground, canopyHeight, greenRoof } = city;
  const out = new Uint8Array(city.grid.cells);
  for (let i = 0; i < out.length; i++)
    out[i] = ground[i] === GROUND.green || canopyHeight[i]! > 0 || greenRoof[i] === 1 ? 1 : 0;
  return out;
}

/** Where two cities differ: any layer, and the heights that cast shade and hide sky. */
export interface CityChanges {
  any: CellWindow;
  surface: CellWindow;
}

export function cityChanges(a: CityRasters, b: CityRasters): CityChanges {
  const { columns } = a.grid;
  const any = { col0: Infinity, row0: Infinity, col1: -Infinity, row1: -Infinity };
  const surface = { ...any };
  const grow = (w: typeof any, col: number, row: number) => {
    w.col0 = Math.min(w.col0, col);
    w.col1 = Math.max(w.col1, col);
    w.row0 = Math.min(w.row0, row);
    w.row1 = Math.max(w.row1, row);
  };
  const [ga, gb, ba, bb, ca, cb, ra, rb] = [
    a.ground,
    b.ground,
    a.buildingHeight,
    b.buildingHeight,
    a.canopyHeight,
    b.canopyHeight,
    a.greenRoof,
    b.greenRoof,
  ];
  for (let i = 0; i < ga.length; i++) {
    const heights = ba[i] === bb[i] && ca[i] === cb[i];
    if (heights && ga[i] === gb[i] && ra[i] === rb[i]) continue;
    const row = Math.floor(i / columns);
    const col = i - row * columns;
    grow(any, col, row);
    if (!heights) grow(surface, col, row);
  }
  const finish = (w: typeof any): CellWindow => (w.col0 === Infinity ? EMPTY_WINDOW : w);
  return { any: finish(any), surface: finish(surface) };
}

/**
 * The heat model's raster: square cells in a local metric frame whose axes follow the lines of
 * longitude and latitude, so the grid is an exact lon/lat rectangle (a deck.gl BitmapLayer needs no
 * warping) and the sun's azimuth is measured from the grid's own north. Over a 2 km sample the
 * frame's scale error is below 0.04 % (flat-earth approximation at the grid's centre latitude).
 *
 * Metres: x east from the west edge, y north from the south edge. Cells: row 0 is the northern row,
 * so a row-major array is already in image order; index = row · columns + column.
 */
const WGS84_A = 6_378_137;
const WGS84_E2 = (1 / 298.257223563) * (2 - 1 / 298.257223563);
const DEG = Math.PI / 180;

export interface GridSpec {
  /** Longitude of the west edge (degrees). */
  west: number;
  /** Latitude of the south edge (degrees). */
  south: number;
  /** Cell edge (m). */
  cellSize: number;
  columns: number;
  rows: number;
}

export interface Grid extends GridSpec {
  cells: number;
  /** Metres per degree of longitude and latitude at the grid's centre latitude. */
  metresPerDegreeLon: number;
  metresPerDegreeLat: number;
  /** [west, south, east, north] in degrees. */
  bounds: [number, number, number, number];
}

/** Metres per degree of latitude and longitude on the WGS84 ellipsoid at a latitude. */
export function metresPerDegree(lat: number): { lon: number; lat: number } {
  const s = Math.sin(lat * DEG);
  const w = 1 - WGS84_E2 * s * s;
  const meridional = (WGS84_A * (1 - WGS84_E2)) / w ** 1.5;
  const primeVertical = WGS84_A / Math.sqrt(w);
  return { lat: meridional * DEG, lon: primeVertical * Math.cos(lat * DEG) * DEG };
}

export function makeGrid(spec: GridSpec): Grid {
  const heightMetres = spec.rows * spec.cellSize;
  const centreLat = spec.south + heightMetres / 2 / metresPerDegree(spec.south).lat;
  const scale = metresPerDegree(centreLat);
  const east = spec.west + (spec.columns * spec.cellSize) / scale.lon;
  const north = spec.south + heightMetres / scale.lat;
  return {
    ...spec,
    cells: spec.columns * spec.rows,
    metresPerDegreeLon: scale.lon,
    metresPerDegreeLat: scale.lat,
    bounds: [spec.west, spec.south, east, north],
  };
}

/** The smallest grid of `cellSize` cells that covers a lon/lat box. */
export function gridCovering(
  west: number,
  south: number,
  east: number,
  north: number,
  cellSize: number,
): Grid {
  const first = makeGrid({ west, south, cellSize, columns: 1, rows: 1 });
  const columns = Math.ceil(((east - west) * first.metresPerDegreeLon) / cellSize);
  const rows = Math.ceil(((north - south) * first.metresPerDegreeLat) / cellSize);
  return makeGrid({ west, south, cellSize, columns, rows });
}

export function lonLatToMetres(grid: Grid, lon: number, lat: number): [number, number] {
  return [(lon - grid.west) * grid.metresPerDegreeLon, (lat - grid.south) * grid.metresPerDegreeLat];
}

export function metresToLonLat(grid: Grid, x: number, y: number): [number, number] {
  return [grid.west + x / grid.metresPerDegreeLon, grid.south + y / grid.metresPerDegreeLat];
}

/** Column of the cell containing x (may be outside 0…columns − 1). */
export function columnAt(grid: Grid, x: number): number {
  return Math.floor(x / grid.cellSize);
}

/** Row of the cell containing y (row 0 is north; may be outside 0…rows − 1). */
export function rowAt(grid: Grid, y: number): number {
  return grid.rows - 1 - Math.floor(y / grid.cellSize);
}

/** Index of the cell containing (x, y) metres, or −1 outside the grid. */
export function cellAt(grid: Grid, x: number, y: number): number {
  const col = columnAt(grid, x);
  const row = rowAt(grid, y);
  if (col < 0 || col >= grid.columns || row < 0 || row >= grid.rows) return -1;
  return row * grid.columns + col;
}

/** Centre of a cell in metres. */
export function cellCentre(grid: Grid, col: number, row: number): [number, number] {
  return [(col + 0.5) * grid.cellSize, (grid.rows - row - 0.5) * grid.cellSize];
}

/** A rectangle of cells, inclusive bounds; empty when col0 > col1 or row0 > row1. */
export interface CellWindow {
  col0: number;
  row0: number;
  col1: number;
  row1: number;
}

export const EMPTY_WINDOW: CellWindow = { col0: 0, row0: 0, col1: -1, row1: -1 };

export function isEmptyWindow(w: CellWindow): boolean {
  return w.col0 > w.col1 || w.row0 > w.row1;
}

/** The window grown by `cells` on every side and clipped to the grid. */
export function growWindow(grid: Grid, w: CellWindow, cells: number): CellWindow {
  if (isEmptyWindow(w)) return w;
  return clipWindow(grid, {
    col0: w.col0 - cells,
    row0: w.row0 - cells,
    col1: w.col1 + cells,
    row1: w.row1 + cells,
  });
}

export function clipWindow(grid: Grid, w: CellWindow): CellWindow {
  return {
    col0: Math.max(0, w.col0),
    row0: Math.max(0, w.row0),
    col1: Math.min(grid.columns - 1, w.col1),
    row1: Math.min(grid.rows - 1, w.row1),
  };
}

export function unionWindow(a: CellWindow, b: CellWindow): CellWindow {
  if (isEmptyWindow(a)) return b;
  if (isEmptyWindow(b)) return a;
  return {
    col0: Math.min(a.col0, b.col0),
    row0: Math.min(a.row0, b.row0),
    col1: Math.max(a.col1, b.col1),
    row1: Math.max(a.row1, b.row1),
  };
}

export function wholeGrid(grid: Grid): CellWindow {
  return { col0: 0, row0: 0, col1: grid.columns - 1, row1: grid.rows - 1 };
}

import { geodeticToEcef } from './enu.ts';

/** [lon, lat] in WGS84 degrees. */
export type LonLat = readonly [number, number];

/** Straight-line distance (m) between two WGS84 points: the ECEF chord, exact to mm at city scale. */
export function metresBetween(a: LonLat, b: LonLat): number {
  const [x1, y1, z1] = geodeticToEcef(a[0], a[1]);
  const [x2, y2, z2] = geodeticToEcef(b[0], b[1]);
  return Math.hypot(x2 - x1, y2 - y1, z2 - z1);
}

/** Length (m) of a WGS84 polyline. */
export function polylineMetres(points: readonly LonLat[]): number {
  let total = 0;
  for (let i = 1; i < points.length; i++) total += metresBetween(points[i - 1]!, points[i]!);
  return total;
}

const WGS84_A = 6378137.0;
const WGS84_E2 = 0.0066943799901413165;
const DEG = Math.PI / 180;

/**
 * Equirectangular metres (x east, y north) about a fixed point, with the ellipsoid's radii of
 * curvature there: within a few km (a city) accurate to centimetres, plenty for generating sample
 * data, snapping and nearest-link searches.
 */
export class LocalMetres {
  private readonly kx: number;
  private readonly ky: number;

  constructor(
    readonly lon0: number,
    readonly lat0: number,
  ) {
    const s = Math.sin(lat0 * DEG);
    const w = 1 - WGS84_E2 * s * s;
    this.kx = (WGS84_A / Math.sqrt(w)) * Math.cos(lat0 * DEG) * DEG;
    this.ky = ((WGS84_A * (1 - WGS84_E2)) / (w * Math.sqrt(w))) * DEG;
  }

  toLocal(p: LonLat): [number, number] {
    return [(p[0] - this.lon0) * this.kx, (p[1] - this.lat0) * this.ky];
  }

  toLonLat(x: number, y: number): [number, number] {
    return [this.lon0 + x / this.kx, this.lat0 + y / this.ky];
  }
}

/**
 * Geodetic ↔ ECEF ↔ local East-North-Up conversions on the WGS84 ellipsoid, in float64.
 * Pure maths (no Cesium) so that build scripts, workers and unit tests share one implementation.
 */
const WGS84_A = 6378137.0;
const WGS84_F = 1 / 298.257223563;
const WGS84_E2 = WGS84_F * (2 - WGS84_F);

export type Vec3 = [number, number, number];

const DEG = Math.PI / 180;

/** Longitude/latitude in degrees and height above the ellipsoid in metres → ECEF metres. */
export function geodeticToEcef(lon: number, lat: number, height = 0): Vec3 {
  const lambda = lon * DEG;
  const phi = lat * DEG;
  const sinPhi = Math.sin(phi);
  const n = WGS84_A / Math.sqrt(1 - WGS84_E2 * sinPhi * sinPhi);
  return [
    (n + height) * Math.cos(phi) * Math.cos(lambda),
    (n + height) * Math.cos(phi) * Math.sin(lambda),
    (n * (1 - WGS84_E2) + height) * sinPhi,
  ];
}

/**
 * The 4×4 column-major matrix taking local ENU metres at an origin to ECEF, the same matrix as
 * Cesium's `Transforms.eastNorthUpToFixedFrame` and a 3D Tiles `transform`.
 */
export function enuToEcefMatrix(lon: number, lat: number, height = 0): number[] {
  const lambda = lon * DEG;
  const phi = lat * DEG;
  const [ox, oy, oz] = geodeticToEcef(lon, lat, height);
  const east: Vec3 = [-Math.sin(lambda), Math.cos(lambda), 0];
  const north: Vec3 = [-Math.sin(phi) * Math.cos(lambda), -Math.sin(phi) * Math.sin(lambda), Math.cos(phi)];
  const up: Vec3 = [Math.cos(phi) * Math.cos(lambda), Math.cos(phi) * Math.sin(lambda), Math.sin(phi)];
  return [...east, 0, ...north, 0, ...up, 0, ox, oy, oz, 1];
}

/** A local tangent frame at a fixed origin: converts geodetic positions to ENU metres and back. */
export class EnuFrame {
  readonly origin: Vec3;
  private readonly originEcef: Vec3;
  private readonly east: Vec3;
  private readonly north: Vec3;
  private readonly up: Vec3;

  constructor(lon: number, lat: number, height = 0) {
    this.origin = [lon, lat, height];
    const m = enuToEcefMatrix(lon, lat, height);
    this.east = [m[0]!, m[1]!, m[2]!];
    this.north = [m[4]!, m[5]!, m[6]!];
    this.up = [m[8]!, m[9]!, m[10]!];
    this.originEcef = [m[12]!, m[13]!, m[14]!];
  }

  /** ECEF → ENU metres relative to the origin. */
  fromEcef([x, y, z]: Vec3): Vec3 {
    const d: Vec3 = [x - this.originEcef[0], y - this.originEcef[1], z - this.originEcef[2]];
    return [dot(d, this.east), dot(d, this.north), dot(d, this.up)];
  }

  /** ENU metres → ECEF. */
  toEcef([e, n, u]: Vec3): Vec3 {
    return [0, 1, 2].map(
      (i) => this.originEcef[i]! + e * this.east[i]! + n * this.north[i]! + u * this.up[i]!,
    ) as Vec3;
  }

  /** Longitude/latitude (degrees) and ellipsoidal height → ENU metres. */
  fromGeodetic(lon: number, lat: number, height = 0): Vec3 {
    return this.fromEcef(geodeticToEcef(lon, lat, height));
  }

  /** The ENU→ECEF matrix (column-major), for a 3D Tiles `transform` or a Cesium model matrix. */
  matrix(): number[] {
    return enuToEcefMatrix(...this.origin);
  }
}

function dot(a: Vec3, b: Vec3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

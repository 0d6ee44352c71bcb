/** A camera pose in plain numbers, independent of Cesium: degrees for angles, metres for height. */
export interface CameraPose {
  lon: number;
  lat: number;
  /** Height above the ellipsoid (= above ground in this app's convention), metres. */
  height: number;
  heading: number;
  pitch: number;
  roll: number;
}

/** Oblique view over the Dom, from the south-west; the app's home view. */
export const HOME_CAMERA: CameraPose = {
  lon: 5.1158,
  lat: 52.0823,
  height: 780,
  heading: 25,
  pitch: -35,
  roll: 0,
};

/** Largest differences two poses may have and still count as "the same view" (used by URL round-trips). */
export function posesClose(a: CameraPose, b: CameraPose, metres = 1, degrees = 0.1): boolean {
  const mPerDegLat = 111_320;
  const mPerDegLon = mPerDegLat * Math.cos((a.lat * Math.PI) / 180);
  const angle = (x: number, y: number) => Math.abs(((((x - y) % 360) + 540) % 360) - 180);
  return (
    Math.abs(a.lon - b.lon) * mPerDegLon <= metres &&
    Math.abs(a.lat - b.lat) * mPerDegLat <= metres &&
    Math.abs(a.height - b.height) <= metres &&
    angle(a.heading, b.heading) <= degrees &&
    angle(a.pitch, b.pitch) <= degrees &&
    angle(a.roll, b.roll) <= degrees
  );
}

/**
 * A pose that looks at a ground point from `distance` metres away, seen from the compass
 * direction `heading` (degrees) and tilted down by `pitch` (negative degrees).
 */
export function poseLookingAt(
  lon: number,
  lat: number,
  { distance = 500, heading = 0, pitch = -35, targetHeight = 0 } = {},
): CameraPose {
  const pitchRad = (pitch * Math.PI) / 180;
  const headingRad = (heading * Math.PI) / 180;
  const horizontal = distance * Math.cos(pitchRad);
  const north = -horizontal * Math.cos(headingRad);
  const east = -horizontal * Math.sin(headingRad);
  const metresPerDegreeLat = 111_320;
  const metresPerDegreeLon = metresPerDegreeLat * Math.cos((lat * Math.PI) / 180);
  return {
    lon: lon + east / metresPerDegreeLon,
    lat: lat + north / metresPerDegreeLat,
    height: targetHeight + distance * Math.sin(-pitchRad),
    heading,
    pitch,
    roll: 0,
  };
}

/**
 * The ground point (height 0) at the centre of the view: where the camera's line of sight meets the
 * ground. The inverse of `poseLookingAt` for a target on the ground. A camera looking at or above the
 * horizon sees no ground in its centre: then the point straight below it is given.
 */
export function groundPointInView(pose: CameraPose): { lon: number; lat: number } {
  const pitchRad = (pose.pitch * Math.PI) / 180;
  if (pose.height <= 0 || pitchRad >= -1e-6) return { lon: pose.lon, lat: pose.lat };
  const horizontal = pose.height / Math.tan(-pitchRad);
  const headingRad = (pose.heading * Math.PI) / 180;
  const metresPerDegreeLat = 111_320;
  const metresPerDegreeLon = metresPerDegreeLat * Math.cos((pose.lat * Math.PI) / 180);
  return {
    lon: pose.lon + (horizontal * Math.sin(headingRad)) / metresPerDegreeLon,
    lat: pose.lat + (horizontal * Math.cos(headingRad)) / metresPerDegreeLat,
  };
}

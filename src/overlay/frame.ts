import { EnuFrame } from '../geo/enu.ts';

/**
 * The one local East-North-Up frame every overlay layer is positioned in (metres, float64 on the
 * CPU). Fixed near the Dom so coordinates in the sample area stay small: deck.gl's float32 shaders
 * then keep millimetre precision, which a geocentric or Web Mercator frame would not.
 */
export const OVERLAY_ORIGIN = { lon: 5.1213, lat: 52.0908, height: 0 } as const;

export const OVERLAY_FRAME = new EnuFrame(OVERLAY_ORIGIN.lon, OVERLAY_ORIGIN.lat, OVERLAY_ORIGIN.height);

/** Longitude/latitude (degrees) and ellipsoidal height → ENU metres in the overlay frame. */
export function toOverlayPosition(lon: number, lat: number, height = 0): [number, number, number] {
  return OVERLAY_FRAME.fromGeodetic(lon, lat, height);
}

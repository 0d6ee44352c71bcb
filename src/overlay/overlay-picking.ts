import type { FeatureInfo } from './overlay-types.ts';

/**
 * The hand-off between Cesium's click handler and the overlay: the map asks the overlay first
 * and only picks a building when no data feature is under the pointer. The overlay registers its
 * picker here so the globe code needs no deck.gl import.
 */
export type OverlayPicker = (x: number, y: number) => FeatureInfo | null;

let picker: OverlayPicker | null = null;

export function registerOverlayPicker(next: OverlayPicker | null): void {
  picker = next;
}

/** The data feature at canvas position (x, y) in CSS px, or null. */
export function pickOverlayAt(x: number, y: number): FeatureInfo | null {
  return picker ? picker(x, y) : null;
}

import type { Layer } from '@deck.gl/core';

/**
 * How a layer must be composed with Cesium's buildings:
 * - `ground`: lies on the ground; hidden wherever a building stands between it and the camera
 *   (composited inside Cesium's frame, using Cesium's depth);
 * - `none`: always on top (labels, markers): the cheap path, a plain canvas over the map.
 * Layers with height of their own (columns, arcs) need a third mode that compares deck's own depth
 * with Cesium's (a depth pass); until it exists they cannot be occluded correctly, so there is no
 * such mode to choose by mistake.
 */
export type OcclusionMode = 'ground' | 'none';

/** What a hover or click on a feature shows. Texts are already translated. */
export interface FeatureInfo {
  title: string;
  rows: { label: string; value: string }[];
  /** Buttons the clicked panel offers (e.g. "close this street" in a scenario); translated labels. */
  actions?: { label: string; run: () => void }[];
}

/** One layer kind's deck.gl layers for one occlusion mode, plus how to describe its features. */
export interface OverlayLayerGroup {
  /** Owner (layer kind) id; deck.gl layer ids must start with it. */
  ownerId: string;
  occlusion: OcclusionMode;
  layers: Layer[];
  describe?: (object: unknown) => FeatureInfo | null;
}

import type { Layer } from '@deck.gl/core';

/**
 * How a layer must be composed with Cesium's buildings:
 * - `ground`: lies on the ground; hidden wherever a building stands between it and the camera
 *   (composited inside Cesium's frame, using Cesium's depth);
 * - `3d`: has height of its own (columns, arcs). NOT yet correct: routed through the ground
 *   composite, which also hides such a layer against buildings behind it and the sky; it needs
 *   deck's own depth compared with Cesium's (a depth pass). No layer uses it yet;
 * - `none`: always on top (labels, markers): the cheap path, a plain canvas over the map.
 */
export type OcclusionMode = 'ground' | '3d' | 'none';

/** What a hover or click on a feature shows. Texts are already translated. */
export interface FeatureInfo {
  title: string;
  rows: { label: string; value: string }[];
}

/** One layer kind's deck.gl layers for one occlusion mode, plus how to describe its features. */
export interface OverlayLayerGroup {
  /** Owner (layer kind) id; deck.gl layer ids must start with it. */
  ownerId: string;
  occlusion: OcclusionMode;
  layers: Layer[];
  describe?: (object: unknown) => FeatureInfo | null;
}

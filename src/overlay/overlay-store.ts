import { create } from 'zustand';
import type { FeatureInfo, OverlayLayerGroup } from './overlay-types.ts';

/** A feature the pointer is over or the user clicked, with where (CSS px in the map). */
export interface PointedFeature {
  info: FeatureInfo;
  x: number;
  y: number;
}

export interface OverlayState {
  /** What the layers want drawn, per owner and occlusion mode. */
  groups: OverlayLayerGroup[];
  hovered: PointedFeature | null;
  clicked: PointedFeature | null;
  setGroups: (groups: OverlayLayerGroup[]) => void;
  setHovered: (feature: PointedFeature | null) => void;
  setClicked: (feature: PointedFeature | null) => void;
}

export const useOverlayStore = create<OverlayState>()((set) => ({
  groups: [],
  hovered: null,
  clicked: null,
  setGroups: (groups) => set({ groups }),
  setHovered: (hovered) => set({ hovered }),
  setClicked: (clicked) => set({ clicked }),
}));

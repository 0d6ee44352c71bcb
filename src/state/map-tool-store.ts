import { create } from 'zustand';

/**
 * A drawing tool that takes over clicks on the map (and Enter on the focused map, which uses the
 * map's centre) until it is put away: each gives the ground point under the pointer. Escape ends it.
 */
export interface MapTool {
  id: string;
  /** A ground point, WGS84 degrees (ground is height 0 in the sample's convention). */
  onPoint: (lon: number, lat: number) => void;
  /** Enter on the map with `finish` set, or a double click: e.g. close a polygon. */
  onFinish?: () => void;
}

export interface MapToolState {
  tool: MapTool | null;
  setTool: (tool: MapTool | null) => void;
}

export const useMapToolStore = create<MapToolState>()((set) => ({
  tool: null,
  setTool: (tool) => set({ tool }),
}));

import { create } from 'zustand';

/** A shape being drawn on the map: its points so far (WGS84) and whether it closes as a polygon. */
export interface SketchState {
  points: [number, number][];
  closed: boolean;
  setSketch: (points: [number, number][], closed: boolean) => void;
  clearSketch: () => void;
}

export const useSketchStore = create<SketchState>()((set) => ({
  points: [],
  closed: false,
  setSketch: (points, closed) => set({ points, closed }),
  clearSketch: () => set({ points: [], closed: false }),
}));

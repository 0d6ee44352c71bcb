import { create } from 'zustand';
import type { UserFeature } from '../layers/user-layers/load.ts';
import type { UserLayerKind } from '../layers/user-layers/detect.ts';
import type { SourceError } from '../sources/http/errors.ts';
import type { Provenance } from '../sources/provenance.ts';

/**
 * Layers the user added from a URL in this session. They live next to the static registry, are
 * not part of the share link (a link must not make someone else's browser fetch arbitrary URLs),
 * and are gone after a reload.
 */
export type UserLayerStatus =
  | { state: 'loading' }
  | { state: 'ready'; count: number; provenance: Provenance; drawable: boolean }
  | { state: 'error'; message: string; error?: SourceError };

export interface UserLayer {
  /** `user-<n>`: also the prefix of its deck.gl layer ids. */
  id: string;
  url: string;
  kind: UserLayerKind;
  title: string;
  visible: boolean;
  status: UserLayerStatus;
  /** WGS84 features (drawable kinds), kept for rendering. */
  features?: UserFeature[];
  /** For a WMS: the layer the globe requests. */
  wmsLayer?: string;
}

interface UserLayersState {
  layers: UserLayer[];
  add: (layer: UserLayer) => void;
  update: (id: string, patch: Partial<UserLayer>) => void;
  remove: (id: string) => void;
}

export const useUserLayersStore = create<UserLayersState>()((set) => ({
  layers: [],
  add: (layer) => set((s) => ({ layers: [...s.layers, layer] })),
  update: (id, patch) =>
    set((s) => ({ layers: s.layers.map((l) => (l.id === id ? { ...l, ...patch } : l)) })),
  remove: (id) => set((s) => ({ layers: s.layers.filter((l) => l.id !== id) })),
}));

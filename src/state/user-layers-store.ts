import { create } from 'zustand';
import type { UserLayer } from '../layers/user-layers/user-layer.ts';

/**
 * Layers the user added from a URL in this session. They live next to the static registry, are
 * not part of the share link (a link must not make someone else's browser fetch arbitrary URLs),
 * and are gone after a reload.
 */
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

import { create } from 'zustand';
import { LAYER_IDS, type LayerId } from '../layers/layer-ids.ts';
import type { LoadedProvenance } from '../layers/layer-types.ts';
import type { SourceError } from '../sources/http/errors.ts';
import { DEFAULT_OPACITY, type LayerSetting } from './layers-url.ts';

/** The data a layer shows right now: live or snapshot, when it came in, and from where. */
export interface ShownData {
  live: boolean;
  loadedAt: number;
  /** How long the load took (ms). */
  durationMs: number;
  source?: LoadedProvenance;
}

/**
 * Where a layer's data is: not asked for yet, on its way (with progress 0–1 when known), in, or
 * failed. `live` is the mode asked for; `shown` is the data still on the map meanwhile (the last
 * good data stays visible while loading and after a failure).
 */
export type LayerLoadStatus =
  | { state: 'idle' }
  | { state: 'loading'; progress: number | null; live?: boolean; shown?: ShownData }
  | { state: 'ready'; loadedAt: number; shown?: ShownData }
  | { state: 'error'; message: string; live?: boolean; error?: SourceError; shown?: ShownData };

export interface LayerUiState {
  visible: boolean;
  /** 0–100 %. */
  opacity: number;
}

export interface LayersState {
  layers: Record<LayerId, LayerUiState>;
  status: Record<LayerId, LayerLoadStatus>;
  setVisible: (id: LayerId, visible: boolean) => void;
  setOpacity: (id: LayerId, opacity: number) => void;
  setStatus: (id: LayerId, status: LayerLoadStatus) => void;
  /** Applies a link's layer list: listed layers on with their opacity, all others off. */
  applySettings: (settings: readonly LayerSetting[]) => void;
}

const initialLayers = () =>
  Object.fromEntries(LAYER_IDS.map((id) => [id, { visible: false, opacity: DEFAULT_OPACITY }])) as Record<
    LayerId,
    LayerUiState
  >;

export const useLayersStore = create<LayersState>()((set) => ({
  layers: initialLayers(),
  status: Object.fromEntries(LAYER_IDS.map((id) => [id, { state: 'idle' }])) as Record<
    LayerId,
    LayerLoadStatus
  >,
  setVisible: (id, visible) => set((s) => ({ layers: { ...s.layers, [id]: { ...s.layers[id], visible } } })),
  setOpacity: (id, opacity) =>
    set((s) => ({
      layers: {
        ...s.layers,
        [id]: { ...s.layers[id], opacity: Math.min(100, Math.max(0, Math.round(opacity))) },
      },
    })),
  setStatus: (id, status) => set((s) => ({ status: { ...s.status, [id]: status } })),
  applySettings: (settings) =>
    set((s) => {
      const layers = { ...s.layers };
      for (const id of LAYER_IDS) {
        const setting = settings.find((entry) => entry.id === id);
        layers[id] = setting
          ? { visible: true, opacity: setting.opacity }
          : { visible: false, opacity: s.layers[id].opacity };
      }
      return { layers };
    }),
}));

/** The visible layers as a link records them. */
export function visibleLayerSettings(layers: Record<LayerId, LayerUiState>): LayerSetting[] {
  return LAYER_IDS.filter((id) => layers[id].visible).map((id) => ({ id, opacity: layers[id].opacity }));
}

import { useLayersStore } from '../state/layers-store.ts';
import type { LayerId } from './layer-ids.ts';
import { LAYER_REGISTRY } from './registry.ts';

/**
 * Lazy data loading: a layer's data is fetched the first time it is switched on, once, and kept.
 * Progress and errors go to the layers store (the panel shows them); `retry` clears an error.
 */
const loaded = new Map<LayerId, unknown>();
const inFlight = new Map<LayerId, AbortController>();

export function layerData(id: LayerId): unknown {
  return loaded.get(id);
}

export function ensureLoaded(id: LayerId): void {
  if (loaded.has(id) || inFlight.has(id)) return;
  const store = useLayersStore.getState();
  const controller = new AbortController();
  inFlight.set(id, controller);
  store.setStatus(id, { state: 'loading', progress: null });
  LAYER_REGISTRY[id]
    .load(controller.signal, (progress) => {
      if (!controller.signal.aborted) useLayersStore.getState().setStatus(id, { state: 'loading', progress });
    })
    .then(
      (data) => {
        loaded.set(id, data);
        useLayersStore.getState().setStatus(id, { state: 'ready', loadedAt: Date.now() });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const message = error instanceof Error ? error.message : String(error);
        useLayersStore.getState().setStatus(id, { state: 'error', message });
      },
    )
    .finally(() => inFlight.delete(id));
}

export function retryLoad(id: LayerId): void {
  useLayersStore.getState().setStatus(id, { state: 'idle' });
  ensureLoaded(id);
}

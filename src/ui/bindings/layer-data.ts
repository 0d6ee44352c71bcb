import { isSourceError } from '../../sources/http/errors.ts';
import { useAppStore } from '../../state/app-store.ts';
import { useLayersStore, type ShownData } from '../../state/layers-store.ts';
import type { LayerId } from '../../layers/layer-ids.ts';
import { LAYER_REGISTRY } from '../../layers/registry.ts';

/**
 * Lazy data loading: a layer's data is fetched the first time it is switched on and kept. Layers
 * backed by an open-data source load again when the user switches live data on or off. The last
 * good data stays on the map while a new load runs and after it fails; a live layer that fails
 * before it ever had data falls back to its embedded snapshot. Progress, provenance and errors go to
 * the layers store (the panel shows them); developer detail goes to the console.
 */
interface Loaded {
  data: unknown;
  shown: ShownData;
}

const loaded = new Map<LayerId, Loaded>();
const inFlight = new Map<LayerId, { controller: AbortController; live: boolean }>();
/** The mode of the last load asked for, so a failed live load is not retried in a loop. */
const attempted = new Map<LayerId, boolean>();

export function layerData(id: LayerId): unknown {
  return loaded.get(id)?.data;
}

/** Live applies only to source-backed layers; the others always load their own file. */
export function wantsLive(id: LayerId, live = useAppStore.getState().live): boolean {
  return live && LAYER_REGISTRY[id].definition.sourceId !== undefined;
}

/** True when the layer has not been asked for in this mode yet. */
export function needsLoad(id: LayerId, live = useAppStore.getState().live): boolean {
  return attempted.get(id) !== wantsLive(id, live);
}

export function ensureLoaded(id: LayerId, options: { reload?: boolean; live?: boolean } = {}): void {
  const live = wantsLive(id, options.live);
  const running = inFlight.get(id);
  if (running && running.live === live && !options.reload) return;
  running?.controller.abort();
  const current = loaded.get(id)?.shown;
  if (!options.reload && current?.live === live) {
    // Already showing data of this mode (e.g. back from live to the snapshot): nothing to fetch.
    attempted.set(id, live);
    // A live load that was running or had failed no longer applies.
    if (useLayersStore.getState().status[id].state !== 'ready')
      useLayersStore.getState().setStatus(id, { state: 'ready', loadedAt: current.loadedAt, shown: current });
    return;
  }
  attempted.set(id, live);
  const controller = new AbortController();
  inFlight.set(id, { controller, live });
  const store = useLayersStore.getState;
  const shown = () => loaded.get(id)?.shown;
  store().setStatus(id, { state: 'loading', progress: null, live, shown: shown() });
  void load(id, controller, live, options.reload ?? false, true)
    .then(
      () => {
        if (controller.signal.aborted) return;
        store().setStatus(id, { state: 'ready', loadedAt: shown()!.loadedAt, shown: shown() });
      },
      async (error: unknown) => {
        if (controller.signal.aborted) return;
        // Developer detail (URL, status, zod path) for the console; the panel words it for people.
        console.warn(`[tweeling] layer ${id} failed to load (${live ? 'live' : 'snapshot'})`, error);
        const message = error instanceof Error ? error.message : String(error);
        const failed = {
          state: 'error' as const,
          message,
          live,
          ...(isSourceError(error) ? { error } : {}),
        };
        store().setStatus(id, { ...failed, shown: shown() });
        if (live && !loaded.has(id)) {
          // Nothing on the map yet: show the embedded snapshot, and keep saying the live load failed.
          await load(id, controller, false, false, false).catch((e: unknown) =>
            console.warn(`[tweeling] layer ${id}: snapshot fallback failed too`, e),
          );
          if (!controller.signal.aborted) store().setStatus(id, { ...failed, shown: shown() });
        }
      },
    )
    .finally(() => {
      if (inFlight.get(id)?.controller === controller) inFlight.delete(id);
    });
}

async function load(
  id: LayerId,
  controller: AbortController,
  live: boolean,
  reload: boolean,
  reportProgress: boolean,
) {
  const registered = LAYER_REGISTRY[id];
  const started = performance.now();
  const data = await registered.load(
    controller.signal,
    (progress) => {
      if (controller.signal.aborted || !reportProgress) return;
      const status = useLayersStore.getState().status[id];
      const shown = status.state === 'loading' ? status.shown : undefined;
      useLayersStore.getState().setStatus(id, { state: 'loading', progress, live, shown });
    },
    { live, reload },
  );
  if (controller.signal.aborted) return;
  const source = registered.provenanceOf(data);
  loaded.set(id, {
    data,
    shown: {
      live,
      loadedAt: Date.now(),
      durationMs: Math.round(performance.now() - started),
      ...(source ? { source } : {}),
    },
  });
}

/** Loads again, bypassing caches (a fresh live answer, or stale data if the source is down). */
export function retryLoad(id: LayerId): void {
  ensureLoaded(id, { reload: true });
}

import { useEffect } from 'react';
import { useTranslate } from '../i18n/use-translate.ts';
import type { OverlayLayerGroup, OcclusionMode } from '../overlay/overlay-types.ts';
import { useOverlayStore } from '../overlay/overlay-store.ts';
import { useLayersStore } from '../state/layers-store.ts';
import { useTimeStore } from '../state/time-store.ts';
import { LAYER_IDS } from './layer-ids.ts';
import { ensureLoaded, layerData } from './layer-data.ts';
import type { RenderContext } from './layer-types.ts';
import { LAYER_REGISTRY } from './registry.ts';

const MODES: OcclusionMode[] = ['ground', '3d', 'none'];

/**
 * Turns the layer state (on/off, opacity), app time and loaded data into the overlay's deck.gl
 * layers. Renders nothing itself. Switching a layer on starts loading its data.
 */
export function LayerBindings() {
  const t = useTranslate();
  const layers = useLayersStore((s) => s.layers);
  const status = useLayersStore((s) => s.status);
  const time = useTimeStore((s) => s.time);
  const mode = useTimeStore((s) => s.mode);

  useEffect(() => {
    for (const id of LAYER_IDS) if (layers[id].visible && status[id].state === 'idle') ensureLoaded(id);
  }, [layers, status]);

  useEffect(() => {
    const groups: OverlayLayerGroup[] = [];
    for (const id of LAYER_IDS) {
      if (!layers[id].visible || status[id].state !== 'ready') continue;
      const registered = LAYER_REGISTRY[id];
      const context: RenderContext = { time, mode, opacity: layers[id].opacity / 100, t };
      const rendered = registered.render(layerData(id), context);
      for (const occlusion of MODES) {
        const deckLayers = rendered[occlusion];
        if (!deckLayers?.length) continue;
        groups.push({
          ownerId: id,
          occlusion,
          layers: deckLayers,
          describe: (object) => registered.describe(object, context),
        });
      }
    }
    useOverlayStore.getState().setGroups(groups);
  }, [layers, status, time, mode, t]);

  useEffect(() => () => useOverlayStore.getState().setGroups([]), []);

  return null;
}

import { isLayerId, LAYER_IDS, type LayerId } from '../layers/layer-ids.ts';

/** A visible layer as a link records it: which one, and how opaque (0–100 %). */
export interface LayerSetting {
  id: LayerId;
  opacity: number;
}

export const DEFAULT_OPACITY = 80;

/**
 * `crowd-sample:80,heat:100`: visible layers in registry order with their opacity. An id without
 * `:n` gets the default opacity. Returns null when any part is unusable, so the caller can note it.
 */
export function decodeLayers(raw: string): LayerSetting[] | null {
  if (raw.trim() === '') return [];
  const settings: LayerSetting[] = [];
  for (const part of raw.split(',')) {
    const [id, opacityText, ...rest] = part.split(':');
    if (id === undefined || !isLayerId(id) || rest.length > 0) return null;
    const opacity = opacityText === undefined ? DEFAULT_OPACITY : Number(opacityText);
    if (!Number.isInteger(opacity) || opacity < 0 || opacity > 100) return null;
    if (settings.some((s) => s.id === id)) return null;
    settings.push({ id, opacity });
  }
  return sortLayers(settings);
}

export function encodeLayers(settings: readonly LayerSetting[]): string {
  return sortLayers(settings)
    .map((s) => `${s.id}:${Math.round(s.opacity)}`)
    .join(',');
}

export function sameLayers(a: readonly LayerSetting[], b: readonly LayerSetting[]): boolean {
  return encodeLayers(a) === encodeLayers(b);
}

function sortLayers(settings: readonly LayerSetting[]): LayerSetting[] {
  return [...settings].sort((a, b) => LAYER_IDS.indexOf(a.id) - LAYER_IDS.indexOf(b.id));
}

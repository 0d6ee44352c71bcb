import { ImageryLayer, UrlTemplateImageryProvider, WebMercatorTilingScheme } from 'cesium';
import { useEffect } from 'react';
import { useCesium } from 'resium';
import { endpoints } from '../config/endpoints.ts';
import { useAppStore } from '../state/app-store.ts';
import type { BaseLayerId } from '../config/view-options.ts';

/** PDOK's WebMercator tile templates (the RD tiling does not fit Cesium). */
const TEMPLATES: Record<Exclude<BaseLayerId, 'none'>, { url: string; maximumLevel: number }> = {
  luchtfoto: { url: endpoints.pdokLuchtfoto, maximumLevel: 19 },
  brt: { url: endpoints.pdokBrt, maximumLevel: 19 },
};

/** Adds the chosen PDOK base layer under the buildings; `none` leaves the plain offline ground. */
export function BaseImagery() {
  const { viewer } = useCesium();
  const baseLayer = useAppStore((s) => s.baseLayer);

  useEffect(() => {
    if (!viewer || baseLayer === 'none') return;
    const { url, maximumLevel } = TEMPLATES[baseLayer];
    const layer = new ImageryLayer(
      new UrlTemplateImageryProvider({ url, maximumLevel, tilingScheme: new WebMercatorTilingScheme() }),
    );
    viewer.imageryLayers.add(layer, 0);
    viewer.scene.requestRender();
    return () => {
      if (!viewer.isDestroyed()) {
        viewer.imageryLayers.remove(layer, true);
        viewer.scene.requestRender();
      }
    };
  }, [viewer, baseLayer]);

  return null;
}

import {
  Cesium3DTileset,
  ImageryLayer,
  UrlTemplateImageryProvider,
  WebMapServiceImageryProvider,
  WebMercatorTilingScheme,
  type Viewer,
} from 'cesium';
import { useEffect, useRef } from 'react';
import { useCesium } from 'resium';
import { isTileTemplate } from '../layers/user-layers/detect.ts';
import type { UserLayer } from '../layers/user-layers/user-layer.ts';
import { useUserLayersStore } from '../state/user-layers-store.ts';

interface GlobeHandle {
  remove: () => void;
}

/**
 * Draws the user's own 3D Tiles, WMS and WMTS (tile template) layers on the globe. Feature layers
 * (GeoJSON, OGC API Features, SensorThings) are drawn by the overlay instead.
 */
export function UserGlobeLayers() {
  const { viewer } = useCesium();
  const layers = useUserLayersStore((s) => s.layers);
  const handles = useRef(new Map<string, GlobeHandle>());

  useEffect(() => {
    if (!viewer) return;
    const current = handles.current;
    const wanted = new Map(
      layers.filter((layer) => layer.visible && isDrawnByGlobe(layer)).map((layer) => [layer.id, layer]),
    );
    for (const [id, handle] of current) {
      if (!wanted.has(id)) {
        handle.remove();
        current.delete(id);
      }
    }
    for (const [id, layer] of wanted) {
      if (!current.has(id)) current.set(id, addToGlobe(viewer, layer));
    }
    viewer.scene.requestRender();
  }, [viewer, layers]);

  useEffect(() => {
    const current = handles.current;
    return () => {
      current.forEach((handle) => handle.remove());
      current.clear();
    };
  }, [viewer]);

  return null;
}

function isDrawnByGlobe(layer: UserLayer): boolean {
  if (layer.status.state !== 'ready') return false;
  if (layer.kind === '3dtiles') return true;
  if (layer.kind === 'wms') return layer.wmsLayer !== undefined;
  return layer.kind === 'wmts' && isTileTemplate(layer.url);
}

function addToGlobe(viewer: Viewer, layer: UserLayer): GlobeHandle {
  if (layer.kind === '3dtiles') return addTileset(viewer, layer.url);
  const provider =
    layer.kind === 'wms'
      ? new WebMapServiceImageryProvider({
          url: serviceBase(layer.url),
          layers: layer.wmsLayer ?? '',
          parameters: { transparent: true, format: 'image/png' },
        })
      : new UrlTemplateImageryProvider({
          // Only the template's braces are unescaped (URL encodes them); decodeURI throws on a stray %.
          url: layer.url.replace(/%7B/gi, '{').replace(/%7D/gi, '}'),
          tilingScheme: new WebMercatorTilingScheme(),
        });
  const imagery = new ImageryLayer(provider);
  viewer.imageryLayers.add(imagery);
  return {
    remove: () => {
      if (!viewer.isDestroyed()) viewer.imageryLayers.remove(imagery, true);
    },
  };
}

function addTileset(viewer: Viewer, url: string): GlobeHandle {
  let removed = false;
  let tileset: Cesium3DTileset | undefined;
  Cesium3DTileset.fromUrl(url)
    .then((loaded) => {
      if (removed || viewer.isDestroyed()) return loaded.destroy();
      tileset = viewer.scene.primitives.add(loaded);
      viewer.scene.requestRender();
    })
    .catch((error: unknown) => console.warn(`[tweeling] user tileset ${url} could not be drawn`, error));
  return {
    remove: () => {
      removed = true;
      if (tileset && !viewer.isDestroyed()) viewer.scene.primitives.remove(tileset);
    },
  };
}

/** A WMS address without its request parameters: Cesium adds its own GetMap parameters. */
function serviceBase(href: string): string {
  const url = new URL(href);
  for (const key of [...url.searchParams.keys()]) {
    if (['service', 'request', 'layers', 'version'].includes(key.toLowerCase())) url.searchParams.delete(key);
  }
  return url.href;
}

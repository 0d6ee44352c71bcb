import { ImageryLayer, Rectangle, SingleTileImageryProvider } from 'cesium';
import { useEffect } from 'react';
import { useCesium } from 'resium';
import { useAppStore } from '../state/app-store.ts';
import { groundMapSize, paintGroundMap, parseGroundMap } from './ground-map.ts';

const GROUND_MAP_URL = '/data/sample-ground.geojson';

/**
 * The sample's canals, streets and squares painted on the plain offline ground. It is imagery, part of
 * the globe, so buildings and overlays treat it as the ground. Shown only with the sample buildings
 * (it is the sample's own approximate layout) and no live base layer.
 */
export function SampleGround() {
  const { viewer } = useCesium();
  const visible = useAppStore((s) => s.dataSource === 'sample' && s.baseLayer === 'none');

  useEffect(() => {
    if (!viewer || !visible) return;
    let cancelled = false;
    let layer: ImageryLayer | undefined;
    let objectUrl: string | undefined;

    (async () => {
      const response = await fetch(GROUND_MAP_URL);
      if (!response.ok) throw new Error(`${GROUND_MAP_URL}: HTTP ${response.status}`);
      const map = parseGroundMap(await response.json());
      const { width, height } = groundMapSize(map);
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2D canvas');
      paintGroundMap(context, map);
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
      if (!blob || cancelled || viewer.isDestroyed()) return;
      objectUrl = URL.createObjectURL(blob);
      const [west, south, east, north] = map.bbox;
      layer = new ImageryLayer(
        new SingleTileImageryProvider({
          url: objectUrl,
          rectangle: Rectangle.fromDegrees(west, south, east, north),
          tileWidth: width,
          tileHeight: height,
        }),
      );
      viewer.imageryLayers.add(layer);
      viewer.scene.requestRender();
    })().catch((error: unknown) => {
      // The plain ground still works; this is decoration, so a console note is enough.
      if (!cancelled) console.warn('Sample ground map not shown:', error);
    });

    return () => {
      cancelled = true;
      if (layer && !viewer.isDestroyed()) {
        viewer.imageryLayers.remove(layer, true);
        viewer.scene.requestRender();
      }
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [viewer, visible]);

  return null;
}

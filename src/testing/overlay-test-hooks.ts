import {
  Cartesian2,
  Cartesian3,
  Cesium3DTileFeature,
  Color,
  PointPrimitiveCollection,
  SceneTransforms,
  type Scene,
} from 'cesium';
import { toOverlayPosition } from '../overlay/frame.ts';
import type { OverlayRenderer, OverlayTimings } from '../overlay/overlay-renderer.ts';
import type { OverlayLayerGroup } from '../overlay/overlay-types.ts';
import { benchmarkGroups, benchmarkPinGroups } from './bench-layers.ts';
import { testMarkerGroups, type TestMarker } from './test-layers.ts';

/**
 * `window.tweelingOverlay`: a small window onto the overlay for end-to-end tests and benchmarks:
 * where deck.gl and Cesium each put a geographic point, test markers, picking, per-frame costs.
 */
export interface TweelingOverlayApi {
  /** deck.gl's projection (page CSS px) of a point, with the viewport it draws with. */
  deckProject: (lon: number, lat: number, height: number) => { x: number; y: number } | null;
  /** Cesium's own projection of the same point (page CSS px). */
  cesiumProject: (lon: number, lat: number, height: number) => { x: number; y: number } | null;
  setMarkers: (markers: TestMarker[]) => void;
  /** The same markers drawn by Cesium itself (point primitives), to compare pixels with deck's. */
  setCesiumMarkers: (markers: TestMarker[]) => void;
  /** `identificatie` of the building Cesium picks at page position (x, y), or null. */
  buildingAt: (x: number, y: number) => string | null;
  /** Benchmark load: `points` scatter points and `paths` paths around the Dom, in one occlusion mode. */
  setBenchmarkLayers: (points: number, paths: number, occlusion: 'ground' | 'none') => void;
  /** Benchmark load: `count` residents' pins around the Dom, clustered as the app draws them. */
  setBenchmarkPins: (count: number) => void;
  /** Title of the overlay feature at page position (x, y), or null. */
  pickTitle: (x: number, y: number) => string | null;
  timings: () => OverlayTimings;
  resetTimings: () => void;
  /** Frames the overlay has drawn in step with Cesium. */
  frames: () => number;
  /** Both deck.gl instances are ready to draw. */
  ready: () => boolean;
}

declare global {
  interface Window {
    tweelingOverlay?: TweelingOverlayApi;
  }
}

/**
 * Installs `window.tweelingOverlay`; `drawTestGroups` hands the overlay the groups tests and
 * benchmarks place (drawn after the app's own). Returns the uninstaller.
 */
export function installOverlayTestHooks(
  scene: Scene,
  renderer: OverlayRenderer,
  drawTestGroups: (groups: OverlayLayerGroup[]) => void,
): () => void {
  const cesiumPoints = scene.primitives.add(new PointPrimitiveCollection()) as PointPrimitiveCollection;
  const canvasOffset = () => {
    const rect = scene.canvas.getBoundingClientRect();
    return { left: rect.left, top: rect.top };
  };
  const api: TweelingOverlayApi = {
    deckProject: (lon, lat, height) => {
      const xy = renderer.project(toOverlayPosition(lon, lat, height));
      if (!xy) return null;
      const { left, top } = canvasOffset();
      return { x: left + xy[0], y: top + xy[1] };
    },
    cesiumProject: (lon, lat, height) => {
      const xy: Cartesian2 | undefined = SceneTransforms.worldToWindowCoordinates(
        scene,
        Cartesian3.fromDegrees(lon, lat, height),
      );
      if (!xy) return null;
      const { left, top } = canvasOffset();
      return { x: left + xy.x, y: top + xy.y };
    },
    setMarkers: (markers) => drawTestGroups(testMarkerGroups(markers)),
    setCesiumMarkers: (markers) => {
      cesiumPoints.removeAll();
      for (const m of markers) {
        cesiumPoints.add({
          position: Cartesian3.fromDegrees(m.lon, m.lat, m.height),
          pixelSize: m.radiusPixels * 2,
          color: Color.fromBytes(...m.color, 255),
          disableDepthTestDistance: Number.POSITIVE_INFINITY,
        });
      }
      scene.requestRender();
    },
    buildingAt: (x, y) => {
      const { left, top } = canvasOffset();
      const picked: unknown = scene.pick(new Cartesian2(x - left, y - top));
      if (!(picked instanceof Cesium3DTileFeature)) return null;
      const id: unknown = picked.getProperty('identificatie');
      return typeof id === 'string' ? id : null;
    },
    setBenchmarkLayers: (points, paths, occlusion) =>
      drawTestGroups(benchmarkGroups(points, paths, occlusion)),
    setBenchmarkPins: (count) => drawTestGroups(benchmarkPinGroups(count)),
    pickTitle: (x, y) => {
      const { left, top } = canvasOffset();
      return renderer.pick(x - left, y - top)?.info.title ?? null;
    },
    timings: () => ({ ...renderer.timings }),
    resetTimings: () => renderer.resetTimings(),
    frames: () => renderer.timings.frames,
    ready: () => renderer.ready,
  };
  window.tweelingOverlay = api;
  return () => {
    if (!scene.isDestroyed()) scene.primitives.remove(cesiumPoints);
    if (window.tweelingOverlay === api) delete window.tweelingOverlay;
  };
}

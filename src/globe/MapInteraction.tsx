import {
  Cartesian2,
  Cartesian3,
  Cartographic,
  Math as CesiumMath,
  ScreenSpaceEventType,
  type Camera,
  type Scene,
} from 'cesium';
import { useEffect } from 'react';
import { useCesium } from 'resium';
import { translator } from '../i18n/translate.ts';
import { pickOverlayAt } from '../overlay/overlay-picking.ts';
import { useOverlayStore } from '../overlay/overlay-store.ts';
import { useAppStore } from '../state/app-store.ts';
import { useMapToolStore } from '../state/map-tool-store.ts';
import { readPose } from './camera-pose.ts';
import { pickBuildingAt } from './pick-building.ts';

/** Mouse/touch picking and keyboard navigation on the map canvas. */
export function MapInteraction() {
  const { viewer, scene, camera } = useCesium();
  const language = useAppStore((s) => s.language);

  useEffect(() => {
    if (!viewer || !scene) return;
    const handler = viewer.screenSpaceEventHandler;
    handler.setInputAction((event: { position: Cartesian2 }) => {
      pickAt(scene, event.position.x, event.position.y);
    }, ScreenSpaceEventType.LEFT_CLICK);
    handler.setInputAction(() => {
      useMapToolStore.getState().tool?.onFinish?.();
    }, ScreenSpaceEventType.LEFT_DOUBLE_CLICK);
    return () => {
      if (handler.isDestroyed()) return;
      handler.removeInputAction(ScreenSpaceEventType.LEFT_CLICK);
      handler.removeInputAction(ScreenSpaceEventType.LEFT_DOUBLE_CLICK);
    };
  }, [viewer, scene]);

  // The canvas is the map for assistive technology: focusable, labelled, operable by keys.
  useEffect(() => {
    if (!scene) return;
    const canvas = scene.canvas;
    canvas.tabIndex = 0;
    canvas.setAttribute('role', 'application');
    canvas.setAttribute('aria-roledescription', language === 'nl' ? 'kaart' : 'map');
    canvas.setAttribute('aria-label', translator(language)('app.mapLabel'));
    canvas.id = 'map';
  }, [scene, language]);

  useEffect(() => {
    if (!scene || !camera) return;
    const canvas = scene.canvas;
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const tool = useMapToolStore.getState().tool;
      if (tool && event.key === 'Escape') {
        useMapToolStore.getState().setTool(null);
      } else if (event.key === 'Escape' && useAppStore.getState().selection) {
        // Without a tool, Escape closes the building card that Enter or a click opened.
        useAppStore.getState().select(null);
      } else if (tool && event.key === 'Enter' && event.shiftKey) {
        tool.onFinish?.();
      } else if (event.key === 'Enter' || event.key === ' ') {
        pickAt(scene, canvas.clientWidth / 2, canvas.clientHeight / 2);
      } else if (!moveByKey(camera, event.key, event.shiftKey)) {
        return;
      }
      event.preventDefault();
      scene.requestRender();
      useAppStore.getState().reportCamera(readPose(camera), 'replace');
    };
    canvas.addEventListener('keydown', onKey);
    return () => canvas.removeEventListener('keydown', onKey);
  }, [scene, camera]);

  return null;
}

/**
 * With a drawing tool active the click is a ground point for the tool. Otherwise a data feature
 * on the map (deck.gl overlay) wins, then the building at that point.
 */
function pickAt(scene: Scene, x: number, y: number): void {
  const tool = useMapToolStore.getState().tool;
  if (tool) {
    const ground = scene.camera.pickEllipsoid(new Cartesian2(x, y));
    if (!ground) return;
    const c = Cartographic.fromCartesian(ground);
    tool.onPoint(CesiumMath.toDegrees(c.longitude), CesiumMath.toDegrees(c.latitude));
    scene.requestRender();
    return;
  }
  const feature = pickOverlayAt(x, y);
  useOverlayStore.getState().setClicked(feature ? { info: feature, x, y } : null);
  if (!feature) selectAt(scene, x, y);
}

function selectAt(scene: Scene, x: number, y: number): void {
  const { dataSource, select } = useAppStore.getState();
  const properties = pickBuildingAt(scene, x, y);
  select(properties ? { properties, dataSource } : null);
}

/**
 * Arrow keys move over the ground, Shift+arrows turn and tilt, +/- zoom. Steps scale with height
 * so the keys feel the same at street level and from above. Returns false for other keys.
 */
function moveByKey(camera: Camera, key: string, turn: boolean): boolean {
  const height = Math.max(readPose(camera).height, 20);
  const step = height * 0.15;
  const angle = Math.PI / 36;
  switch (key) {
    case 'ArrowUp':
      if (turn) camera.lookUp(angle);
      else moveHorizontally(camera, step, 0);
      return true;
    case 'ArrowDown':
      if (turn) camera.lookDown(angle);
      else moveHorizontally(camera, -step, 0);
      return true;
    case 'ArrowLeft':
      if (turn) camera.lookLeft(angle);
      else moveHorizontally(camera, 0, -step);
      return true;
    case 'ArrowRight':
      if (turn) camera.lookRight(angle);
      else moveHorizontally(camera, 0, step);
      return true;
    case '+':
    case '=':
      camera.zoomIn(step);
      return true;
    case '-':
    case '_':
      camera.zoomOut(step);
      return true;
    default:
      return false;
  }
}

/** Moves forward/right along the ground plane, keeping height and view direction. */
function moveHorizontally(camera: Camera, forward: number, right: number): void {
  const pose = readPose(camera);
  const heading = camera.heading;
  const metresPerDegreeLat = 111_320;
  const metresPerDegreeLon = metresPerDegreeLat * Math.cos((pose.lat * Math.PI) / 180);
  const north = forward * Math.cos(heading) - right * Math.sin(heading);
  const east = forward * Math.sin(heading) + right * Math.cos(heading);
  camera.setView({
    destination: Cartesian3.fromDegrees(
      pose.lon + east / metresPerDegreeLon,
      pose.lat + north / metresPerDegreeLat,
      pose.height,
    ),
    orientation: { heading, pitch: camera.pitch, roll: camera.roll },
  });
}

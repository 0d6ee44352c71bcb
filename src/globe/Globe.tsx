import { EllipsoidTerrainProvider } from 'cesium';
import { lazy, Suspense } from 'react';
import { Viewer } from 'resium';
import { DeckOverlay } from '../overlay/DeckOverlay.tsx';
import { BaseImagery } from './BaseImagery.tsx';
import { BuildingTileset } from './BuildingTileset.tsx';
import { CameraSync } from './CameraSync.tsx';
import { MapInteraction } from './MapInteraction.tsx';
import { SampleGround } from './SampleGround.tsx';
import { SceneSetup } from './SceneSetup.tsx';
import { UserGlobeLayers } from './UserGlobeLayers.tsx';

// Read-only Viewer options: created once, never per render (resium ignores later changes).
const terrainProvider = new EllipsoidTerrainProvider();
// Credits are shown in our own attribution bar; Cesium's container stays off-screen.
const creditContainer = document.createElement('div');
const contextOptions = {
  webgl: { alpha: false, antialias: false, powerPreference: 'high-performance' as const },
};
// `window.tweeling` for end-to-end tests and benchmarks: only the e2e build has it.
const GlobeTestHooks = __TEST_HOOKS__ ? lazy(() => import('../testing/GlobeTestHooks.tsx')) : null;

/**
 * The Cesium scene. Contract: reads the view state (data source, base layer, camera requests,
 * selection) from the app store and writes back the camera pose, tileset status and picked
 * building. Everything it draws is served from this origin unless the user picks a live source.
 */
export function Globe() {
  return (
    <Viewer
      className="globe"
      baseLayer={false}
      terrainProvider={terrainProvider}
      creditContainer={creditContainer}
      contextOptions={contextOptions}
      animation={false}
      baseLayerPicker={false}
      fullscreenButton={false}
      geocoder={false}
      homeButton={false}
      infoBox={false}
      sceneModePicker={false}
      selectionIndicator={false}
      timeline={false}
      navigationHelpButton={false}
      scene3DOnly
      showRenderLoopErrors={false}
      msaaSamples={1}
      requestRenderMode
      maximumRenderTimeChange={Infinity}
    >
      <SceneSetup />
      <BaseImagery />
      <SampleGround />
      <BuildingTileset />
      <UserGlobeLayers />
      <CameraSync />
      <MapInteraction />
      <DeckOverlay />
      {GlobeTestHooks && (
        <Suspense fallback={null}>
          <GlobeTestHooks />
        </Suspense>
      )}
    </Viewer>
  );
}

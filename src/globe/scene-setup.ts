import { Cartesian3, Color, DirectionalLight, Matrix4, Transforms, type Scene } from 'cesium';

/** The plain offline ground: a light, slightly green grey that buildings stand out against. */
export const GROUND_COLOUR = '#dfe3d8';

/** Centre of the sample area (near the Dom); used for the fixed light direction. */
const LIGHT_ORIGIN = Cartesian3.fromDegrees(5.1213, 52.0908, 0);

/**
 * Settings that keep Cesium light in software rendering (no MSAA/HDR/FXAA/fog) and make the look
 * independent of the wall clock: a fixed afternoon light from the south-west instead of the real
 * sun, so buildings never turn black at night and screenshots are repeatable.
 */
export function configureScene(scene: Scene): void {
  scene.highDynamicRange = false;
  scene.postProcessStages.fxaa.enabled = false;
  scene.fog.enabled = false;
  scene.globe.showGroundAtmosphere = false;
  scene.globe.enableLighting = false;
  scene.globe.baseColor = Color.fromCssColorString(GROUND_COLOUR);
  scene.globe.depthTestAgainstTerrain = true;
  scene.backgroundColor = Color.fromCssColorString('#b9d3e8');
  scene.light = new DirectionalLight({ direction: lightDirection(-0.55, -0.45, -0.7) });

  const controller = scene.screenSpaceCameraController;
  controller.minimumZoomDistance = 15;
  controller.maximumZoomDistance = 60_000;
}

/** A direction given in local east/north/up components near the Dom, turned into ECEF. */
function lightDirection(east: number, north: number, up: number): Cartesian3 {
  const enuToEcef = Transforms.eastNorthUpToFixedFrame(LIGHT_ORIGIN);
  const local = Cartesian3.normalize(new Cartesian3(east, north, up), new Cartesian3());
  return Cartesian3.normalize(
    Matrix4.multiplyByPointAsVector(enuToEcef, local, new Cartesian3()),
    new Cartesian3(),
  );
}

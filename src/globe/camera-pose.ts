import { Cartesian3, Cartographic, Math as CesiumMath, type Camera } from 'cesium';
import type { CameraPose } from '../geo/camera-pose.ts';

/** Reads a Cesium camera into plain numbers. */
export function readPose(camera: Camera): CameraPose {
  const carto = Cartographic.fromCartesian(camera.positionWC);
  return {
    lon: CesiumMath.toDegrees(carto.longitude),
    lat: CesiumMath.toDegrees(carto.latitude),
    height: carto.height,
    heading: CesiumMath.toDegrees(camera.heading),
    pitch: CesiumMath.toDegrees(camera.pitch),
    roll: CesiumMath.toDegrees(CesiumMath.zeroToTwoPi(camera.roll + CesiumMath.PI) - CesiumMath.PI),
  };
}

/** Cesium's `setView`/`flyTo` arguments for a pose. */
export function poseToView(pose: CameraPose) {
  return {
    destination: Cartesian3.fromDegrees(pose.lon, pose.lat, pose.height),
    orientation: {
      heading: CesiumMath.toRadians(pose.heading),
      pitch: CesiumMath.toRadians(pose.pitch),
      roll: CesiumMath.toRadians(pose.roll),
    },
  };
}

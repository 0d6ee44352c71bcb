import { useEffect } from 'react';
import { useCesium } from 'resium';
import { useAppStore } from '../state/app-store.ts';
import { poseToView, readPose } from './camera-pose.ts';
import { markCameraRequestFinished } from './flight-state.ts';

const FLIGHT_SECONDS = 1.5;

/**
 * Carries out camera requests from the store and reports every camera stop back to it. A request's
 * own history mode is reported when that request ends (jump made, flight completed); Cesium's
 * `moveEnd` only reports the user's own moves. moveEnd can come late in render-on-demand mode, so
 * it must not decide how a requested flight is recorded.
 */
export function CameraSync() {
  const { camera, scene } = useCesium();
  const cameraRequest = useAppStore((s) => s.cameraRequest);
  const reportCamera = useAppStore((s) => s.reportCamera);

  useEffect(() => {
    if (!camera || !scene) return;
    return camera.moveEnd.addEventListener(() => reportCamera(readPose(camera), 'replace'));
  }, [camera, scene, reportCamera]);

  useEffect(() => {
    if (!camera || !scene || !cameraRequest) return;
    const view = poseToView(cameraRequest.pose);
    const arrived = () => {
      reportCamera(readPose(camera), cameraRequest.history);
      markCameraRequestFinished(cameraRequest.seq);
    };
    if (cameraRequest.fly) {
      // An interrupted flight did not reach the place: record where it stopped, without a new entry.
      const interrupted = () => {
        reportCamera(readPose(camera), 'replace');
        markCameraRequestFinished(cameraRequest.seq);
      };
      camera.flyTo({ ...view, duration: FLIGHT_SECONDS, complete: arrived, cancel: interrupted });
    } else {
      camera.setView(view);
      arrived();
    }
    scene.requestRender();
  }, [camera, scene, cameraRequest, reportCamera]);

  return null;
}

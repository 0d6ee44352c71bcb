import { useEffect, useRef } from 'react';
import { useCesium } from 'resium';
import { useAppStore, type HistoryMode } from '../state/app-store.ts';
import { poseToView, readPose } from './camera-pose.ts';
import { markCameraRequestFinished } from './flight-state.ts';

const FLIGHT_SECONDS = 1.5;

/** Carries out camera requests from the store and reports every camera stop back to it. */
export function CameraSync() {
  const { camera, scene } = useCesium();
  const cameraRequest = useAppStore((s) => s.cameraRequest);
  const reportCamera = useAppStore((s) => s.reportCamera);
  // How the next camera stop should be recorded in the browser history.
  const nextHistoryMode = useRef<HistoryMode>('replace');

  useEffect(() => {
    if (!camera || !scene) return;
    return camera.moveEnd.addEventListener(() => {
      reportCamera(readPose(camera), nextHistoryMode.current);
      nextHistoryMode.current = 'replace';
    });
  }, [camera, scene, reportCamera]);

  useEffect(() => {
    if (!camera || !scene || !cameraRequest) return;
    nextHistoryMode.current = cameraRequest.history;
    const view = poseToView(cameraRequest.pose);
    if (cameraRequest.fly) {
      const finished = () => markCameraRequestFinished(cameraRequest.seq);
      camera.flyTo({ ...view, duration: FLIGHT_SECONDS, complete: finished, cancel: finished });
    } else {
      camera.setView(view);
      // setView raises no moveEnd by itself in render-on-demand mode before a frame; report directly.
      reportCamera(readPose(camera), cameraRequest.history);
      nextHistoryMode.current = 'replace';
      markCameraRequestFinished(cameraRequest.seq);
    }
    scene.requestRender();
  }, [camera, scene, cameraRequest, reportCamera]);

  return null;
}

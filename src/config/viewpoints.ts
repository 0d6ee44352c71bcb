import { HOME_CAMERA, poseLookingAt, type CameraPose } from '../geo/camera-pose.ts';

export interface Viewpoint {
  /** Its name is the text `viewpoint.<id>` in src/i18n. */
  id: string;
  pose: CameraPose;
}

/** Named views of the centre. Targets are the places as the sample lays them out (public/data/sample-places.json). */
export const VIEWPOINTS = [
  { id: 'home', pose: HOME_CAMERA },
  {
    id: 'domtoren',
    pose: poseLookingAt(5.12134, 52.09068, { distance: 420, heading: 35, pitch: -22, targetHeight: 40 }),
  },
  {
    id: 'stationsplein',
    pose: poseLookingAt(5.11225, 52.0891, { distance: 450, heading: 100, pitch: -35 }),
  },
  {
    id: 'neude',
    pose: poseLookingAt(5.11995, 52.09345, { distance: 350, heading: 200, pitch: -35 }),
  },
  {
    id: 'vredenburg',
    pose: poseLookingAt(5.1158, 52.09265, { distance: 380, heading: 60, pitch: -35 }),
  },
  {
    id: 'jaarbeursplein',
    pose: poseLookingAt(5.1072, 52.08905, { distance: 450, heading: 290, pitch: -35 }),
  },
] as const satisfies readonly Viewpoint[];

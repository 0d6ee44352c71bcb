import { HOME_CAMERA, poseLookingAt, type CameraPose } from '../state/camera.ts';

export interface Viewpoint {
  id: string;
  name: { nl: string; en: string };
  pose: CameraPose;
}

/** Named views of the centre. Targets are the real places; distances and angles frame them. */
export const VIEWPOINTS: readonly Viewpoint[] = [
  { id: 'home', name: { nl: 'Overzicht binnenstad', en: 'City centre overview' }, pose: HOME_CAMERA },
  {
    id: 'domtoren',
    name: { nl: 'Domtoren', en: 'Dom Tower' },
    pose: poseLookingAt(5.12133, 52.09076, { distance: 420, heading: 35, pitch: -22, targetHeight: 40 }),
  },
  {
    id: 'stationsplein',
    name: { nl: 'Stationsplein', en: 'Stationsplein' },
    pose: poseLookingAt(5.1107, 52.0896, { distance: 450, heading: 100, pitch: -35 }),
  },
  {
    id: 'neude',
    name: { nl: 'Neude', en: 'Neude' },
    pose: poseLookingAt(5.1189, 52.0929, { distance: 350, heading: 200, pitch: -35 }),
  },
  {
    id: 'vredenburg',
    name: { nl: 'Vredenburg', en: 'Vredenburg' },
    pose: poseLookingAt(5.1146, 52.0926, { distance: 380, heading: 60, pitch: -35 }),
  },
  {
    id: 'jaarbeursplein',
    name: { nl: 'Jaarbeursplein', en: 'Jaarbeursplein' },
    pose: poseLookingAt(5.1062, 52.0884, { distance: 450, heading: 290, pitch: -35 }),
  },
];

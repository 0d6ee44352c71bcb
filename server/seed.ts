/** The example plan for the sample city: Mariaplaats, a car park today, as a park or with a parking garage. */
import type { Db } from './db.ts';
import { createProject, type CreatedProject } from './projects.ts';
import type { ProjectInput } from './schemas.ts';

/**
 * The square seen from the south-west, 380 m away and 35° down, centred on the middle of the plan area
 * (5.1183 E, 52.08985 N): the viewer's poseLookingAt(5.1183, 52.08985, {distance: 380, heading: 35, pitch: -35}).
 * Centred on the square, so "pin in the middle of the map" after the tour lands inside the plan's area.
 */
const SQUARE_VIEW = { lon: 5.11569, lat: 52.087559, height: 218, heading: 35, pitch: -35, roll: 0 };

export const MARIAPLAATS_PLAN: ProjectInput = {
  title: { nl: 'Mariaplaats: park of parkeergarage?', en: 'Mariaplaats: park or parking garage?' },
  text: {
    nl:
      'Op de Mariaplaats staan nu vooral auto’s. De gemeente wil het plein veranderen. Er zijn twee ideeën: ' +
      'een park met bomen en water, of een parkeergarage onder de grond met een open plein erboven. ' +
      'Bekijk beide ideeën, zet een speld op de kaart met uw mening en stem op het idee dat u het beste vindt.',
    en:
      'Mariaplaats is mostly parked cars today. The city wants to change the square. There are two ideas: ' +
      'a park with trees and water, or an underground parking garage with an open square on top. ' +
      'Look at both ideas, put a pin on the map with your view and vote for the idea you like best.',
  },
  // Around the square as the sample lays it out (scenarios/heat-mariaplaats-park.json), with some margin.
  area: {
    type: 'Polygon',
    coordinates: [
      [
        [5.1172, 52.0892],
        [5.1194, 52.0892],
        [5.1194, 52.0905],
        [5.1172, 52.0905],
        [5.1172, 52.0892],
      ],
    ],
  },
  tour: [
    {
      title: { nl: 'De binnenstad', en: 'The city centre' },
      text: {
        nl: 'De Mariaplaats ligt tussen het station en de Dom. Veel mensen lopen en fietsen hier langs.',
        en: 'Mariaplaats lies between the station and the Dom. Many people walk and cycle past it.',
      },
      viewpoint: 'home',
      layers: [],
    },
    {
      title: { nl: 'Het plein nu', en: 'The square today' },
      text: {
        nl: 'Nu is het plein bijna helemaal verhard. Op een hete dag wordt het hier erg warm.',
        en: 'Today the square is almost fully paved. On a hot day it gets very warm here.',
      },
      camera: SQUARE_VIEW,
      layers: ['heat'],
    },
    {
      title: { nl: 'Idee 1: een park', en: 'Idea 1: a park' },
      text: {
        nl: 'Gras, twaalf bomen en een kleine vijver. Het plein wordt koeler, maar er verdwijnen parkeerplaatsen.',
        en: 'Grass, twelve trees and a small pond. The square gets cooler, but parking spaces disappear.',
      },
      camera: SQUARE_VIEW,
      layers: ['heat'],
      scenarioId: 'heat-mariaplaats-park',
    },
    {
      title: { nl: 'Idee 2: een parkeergarage', en: 'Idea 2: a parking garage' },
      text: {
        nl: 'De auto’s gaan onder de grond. Bovenop komt een open, stenen plein voor markten en terrassen.',
        en: 'The cars go underground. On top comes an open, paved square for markets and terraces.',
      },
      camera: SQUARE_VIEW,
      layers: ['heat'],
      scenarioId: null,
    },
  ],
  resources: [
    {
      title: { nl: 'Park', en: 'Park' },
      summary: {
        nl: 'Gras, bomen en water in plaats van auto’s. Koeler in de zomer; minder plek om te parkeren.',
        en: 'Grass, trees and water instead of cars. Cooler in summer; less room to park.',
      },
      scenarioId: 'heat-mariaplaats-park',
    },
    {
      title: { nl: 'Parkeergarage', en: 'Parking garage' },
      summary: {
        nl: 'Parkeren onder de grond, een open plein erboven. Net zo warm als nu; de auto’s zijn uit het zicht.',
        en: 'Parking underground, an open square on top. As warm as today; the cars are out of sight.',
      },
      // No scenario yet: the viewer shows the square as it is.
      scenarioId: null,
    },
  ],
  settings: { moderation: false, voteVisibility: 'always', retentionDays: 60 },
};

/** Adds the example plan when the database holds no plan yet; returns it when it was added. */
export async function seedExamplePlan(db: Db): Promise<CreatedProject | null> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM projects');
  if ((row?.n ?? 0) > 0) return null;
  return createProject(db, MARIAPLAATS_PLAN);
}

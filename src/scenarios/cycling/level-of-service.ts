/**
 * Level of service of a bicycle path from its volume, after Botma's hindrance method (H. Botma,
 * "Method to determine level of service for bicycle paths and pedestrian-bicycle paths",
 * Transportation Research Record 1502, 1995), developed for the Dutch bicycle design manual. The
 * quality measure is hindrance: how often a cyclist meets or overtakes another one. LoS F is not a
 * jam but "a very poor overall quality of traffic operation" (the paper's abstract).
 *
 * The service volumes below are Botma's, as tabulated by the US Federal Highway Administration
 * (FHWA, University Course on Bicycle and Pedestrian Transportation, lesson 14, tables 1 and 2:
 * "Adapted from Botma, 1995"): the most cyclists an hour, both directions together with a 50:50
 * split, that a two-way exclusive bicycle path carries at each level.
 *
 * | LoS | events/h, 2.1–2.4 m path | cyclists/h | events/h, 3.0 m path | cyclists/h |
 * |-----|--------------------------|------------|----------------------|------------|
 * | A   | < 40                     | 65         | < 90                 | 150        |
 * | B   | < 60                     | 105        | < 140                | 230        |
 * | C   | < 100                    | 170        | < 210                | 350        |
 * | D   | < 150                    | 250        | < 300                | 500        |
 * | E   | < 195                    | 325        | < 375                | 630        |
 * | F   | > 195                    | —          | > 375                | —          |
 *
 * Outside the table, three assumptions of this model (said in every run's notes):
 * - a path narrower than 2.1 m gets the 2.1–2.4 m row, one between 2.4 and 3.0 m a linear
 *   interpolation of the two rows, and one wider than 3.0 m the 3.0 m row scaled with its width
 *   (each extra metre carries as many cyclists as a metre of the 3.0 m path);
 * - one-way links and streets shared with cars or pedestrians are judged as two-way bicycle paths
 *   of the width cyclists can use.
 */

export const LEVELS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type Level = (typeof LEVELS)[number];

/** Botma (1995) via FHWA, tables 1 and 2: the most cyclists/h (both directions) at LoS A–E. */
export const BOTMA_SERVICE_VOLUMES = {
  /** A two-lane path of 2.1–2.4 m. */
  twoLane: { width: 2.4, volumes: [65, 105, 170, 250, 325] },
  /** A three-lane path of 3.0 m. */
  threeLane: { width: 3.0, volumes: [150, 230, 350, 500, 630] },
} as const;

/**
 * A link is a hotspot from the level of service named here on: LoS F, where Botma's hindrance
 * makes the path's operation "very poor". It begins at LoS E's service volume.
 */
export const HOTSPOT_LEVEL: Level = 'F';

/** Volume / the volume where the hotspot level begins: a link is a hotspot from 1 on. */
export const HOTSPOT_RATIO = 1;

/**
 * The most cyclists an hour (both directions) that a path of `width` metres carries at LoS A…E
 * (index 0…4), with the assumptions above outside the table.
 */
export function serviceVolume(width: number, level: number): number {
  const two = BOTMA_SERVICE_VOLUMES.twoLane;
  const three = BOTMA_SERVICE_VOLUMES.threeLane;
  const a = two.volumes[level]!;
  const b = three.volumes[level]!;
  if (width <= two.width) return a;
  if (width < three.width) return a + ((b - a) * (width - two.width)) / (three.width - two.width);
  return (b * width) / three.width;
}

/** The volume (cyclists/h, both directions) from which a link of `width` metres is a hotspot. */
export function hotspotVolume(width: number): number {
  return serviceVolume(width, LEVELS.indexOf(HOTSPOT_LEVEL) - 1);
}

/**
 * The level of service (0 = A … 5 = F) of `volume` cyclists/h on a path of `width` metres. The
 * table's event bounds are strict ("< 375"), and a service volume is where its bound is reached, so
 * a volume equal to it belongs to the next level (as a ratio of 1 is a hotspot).
 */
export function levelOfService(volume: number, width: number): number {
  for (let level = 0; level < 5; level++) if (volume < serviceVolume(width, level)) return level;
  return 5;
}

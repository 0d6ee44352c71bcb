import { z } from 'zod';
import type { KindDefinition, Scenario } from '../engine/types.ts';
import { cyclingChangeSchema, type CyclingChange } from './changes.ts';
import { bikeNetworkFileSchema, DAY_TYPES, type BikeNetworkFile } from './network-file.ts';

/**
 * The `cycling-route` scenario kind: street edits (close a link, add one, one-way, speed, width,
 * junction delay) as a diff over a bike network with counts. Trips between zones are fixed; their
 * routes are re-chosen on the edited network and the change is pivoted on the counts.
 */
export const cyclingRunSchema = z
  .object({
    /** Which average day (default weekday). */
    dayType: z.enum(DAY_TYPES).optional(),
    /** The hour hotspots, trips and the OD table refer to (0–23); omit for the whole day. */
    hour: z
      .number()
      .int('must be a whole hour')
      .min(0, 'must be an hour from 0 to 23')
      .max(23, 'must be an hour from 0 to 23')
      .optional(),
  })
  .strict();
export type CyclingRun = z.infer<typeof cyclingRunSchema>;
export type CyclingScenario = Scenario<CyclingChange, CyclingRun>;

export { cyclingChangeSchema, type CyclingChange } from './changes.ts';

export const cyclingRouteDefinition = {
  kind: 'cycling-route',
  changeSchema: cyclingChangeSchema,
  runSchema: cyclingRunSchema,
  baselineSchema: bikeNetworkFileSchema,
  baseline: { id: 'utrecht-centre-bike-sample', url: '/data/cycling/utrecht-centre-bike-network.json' },
  baselineId: (file) => file.meta.id,
} as const satisfies KindDefinition<'cycling-route', CyclingChange, CyclingRun, BikeNetworkFile>;

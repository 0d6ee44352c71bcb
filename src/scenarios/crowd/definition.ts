import { z } from 'zod';
import type { KindDefinition, Scenario } from '../engine/types.ts';
import { networkFileSchema, type NetworkFile } from './network-file.ts';

/**
 * The `crowd-event` scenario kind: an event (visitors arriving at and leaving a venue over the
 * day) and street measures (closures, narrowings, one-way) as a diff over the pedestrian network
 * and its usual background flows. Times are wall-clock HH:MM of the modelled day.
 */
const time = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a time HH:MM between 00:00 and 24:00');

export function minutesOfDay(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

const window = z
  .object({ from: time, peak: time, until: time })
  .strict()
  .refine(
    (w) => minutesOfDay(w.from) <= minutesOfDay(w.peak) && minutesOfDay(w.peak) <= minutesOfDay(w.until),
    {
      message: 'needs from ≤ peak ≤ until',
    },
  )
  .refine((w) => minutesOfDay(w.until) > minutesOfDay(w.from), { message: 'until must be later than from' });

const share = z
  .object({ node: z.string().min(1), share: z.number().positive('a share must be more than 0') })
  .strict();

const eventChange = z
  .object({
    type: z.literal('event'),
    name: z.string().max(120).optional(),
    venue: z
      .object({
        /** Usable standing area of the event terrain (m²). */
        area: z.number().positive('the venue area must be more than 0 m²').max(1_000_000),
        /** Where visitors enter and leave the terrain, with the share using each. */
        entrances: z.array(share).min(1, 'needs at least one entrance'),
      })
      .strict(),
    /** Visitors over the whole event (each arrives once and leaves once). */
    visitors: z.number().int('must be a whole number').min(0, 'must be 0 or more').max(2_000_000),
    /** Where visitors come from and go back to (station, car parks, city), with shares. */
    origins: z.array(share).min(1, 'needs at least one origin'),
    /** Triangular arrival and departure profiles (an assumption; calibrate with ticket scans or counts). */
    arrival: window,
    departure: window,
  })
  .strict();

const linkId = z.string().min(1);
const closeLink = z.object({ type: z.literal('close-link'), link: linkId }).strict();
const setWidth = z
  .object({
    type: z.literal('set-width'),
    link: linkId,
    width: z.number().positive('a walkable width must be more than 0 m').max(200),
  })
  .strict();
const oneWay = z
  .object({ type: z.literal('one-way'), link: linkId, direction: z.enum(['forward', 'backward']) })
  .strict();
const scaleBackground = z
  .object({ type: z.literal('scale-background'), factor: z.number().min(0, 'must be 0 or more').max(20) })
  .strict();

export const crowdChangeSchema = z.discriminatedUnion('type', [
  eventChange,
  closeLink,
  setWidth,
  oneWay,
  scaleBackground,
]);
export type CrowdChange = z.infer<typeof crowdChangeSchema>;

export const crowdRunSchema = z
  .object({
    /** The modelled day (for labels; the background profile is the file's). */
    date: z.iso.date().optional(),
    from: time.optional(),
    until: time.optional(),
    /** Output step: 5 s … 15 min; the model sub-steps internally when links are short. */
    stepSeconds: z
      .number()
      .int('must be whole seconds')
      .min(5, 'must be at least 5 s')
      .max(900, 'must be at most 900 s')
      .optional(),
  })
  .strict()
  .refine((r) => minutesOfDay(r.until ?? '24:00') > minutesOfDay(r.from ?? '12:00'), {
    message: 'until must be later than from',
    path: ['until'],
  });
export type CrowdRun = z.infer<typeof crowdRunSchema>;

export const RUN_DEFAULTS = { from: '12:00', until: '24:00', stepSeconds: 60 } as const;

export type CrowdScenario = Scenario<CrowdChange, CrowdRun>;

export const crowdEventDefinition = {
  kind: 'crowd-event',
  changeSchema: crowdChangeSchema,
  runSchema: crowdRunSchema,
  baselineSchema: networkFileSchema,
  baseline: { id: 'utrecht-centre-sample', url: '/data/crowd/pedestrian-network.json' },
  baselineId: (file) => file.meta.id,
  playbackPeakField: 'density',
} as const satisfies KindDefinition<'crowd-event', CrowdChange, CrowdRun, NetworkFile>;

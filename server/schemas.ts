/** zod schemas for every request body and for the plans the server is given. Unknown keys are refused. */
import { z } from 'zod';

export const COMMENT_MAX_CHARS = 2000;
export const DISPLAY_NAME_MAX_CHARS = 60;
export const HIDE_REASON_MAX_CHARS = 500;

const lon = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);
const bilingual = (max: number) =>
  z.strictObject({ nl: z.string().min(1).max(max), en: z.string().min(1).max(max) });

/** A text that must hold something besides spaces; stored exactly as given (never trimmed, never turned into HTML). */
const text = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((value) => value.trim().length > 0, 'must not be blank');

export const pointSchema = z.strictObject({ lon, lat, height: z.number().min(-100).max(1000).default(0) });

/** The camera the pin was written in, so opening the pin flies back to the same view. */
export const cameraSchema = z.strictObject({
  lon,
  lat,
  height: z.number().min(-100).max(100_000),
  heading: z.number().min(-360).max(360),
  pitch: z.number().min(-90).max(90),
  roll: z.number().min(-360).max(360).default(0),
});

const position = z.tuple([lon, lat]);
export const polygonSchema = z.strictObject({
  type: z.literal('Polygon'),
  coordinates: z.array(z.array(position).min(4)).min(1),
});

export const tourStepSchema = z.strictObject({
  title: bilingual(120),
  text: bilingual(600),
  /** A viewpoint id of the viewer (src/config/viewpoints.ts), or a camera of its own. */
  viewpoint: z.string().min(1).max(60).optional(),
  camera: cameraSchema.optional(),
  layers: z.array(z.string().min(1).max(60)).max(20).default([]),
  scenarioId: z.string().min(1).max(120).nullable().default(null),
});

export const resourceInputSchema = z.strictObject({
  title: bilingual(120),
  summary: bilingual(2000),
  scenarioId: z.string().min(1).max(120).nullable(),
});

export const projectInputSchema = z.strictObject({
  title: bilingual(200),
  text: bilingual(10_000),
  area: polygonSchema,
  tour: z.array(tourStepSchema).max(7).default([]),
  resources: z.array(resourceInputSchema).max(20).default([]),
  settings: z
    .strictObject({
      moderation: z.boolean().default(false),
      voteVisibility: z.enum(['always', 'after-close']).default('always'),
      opensAt: z.iso.datetime({ offset: true }).nullable().default(null),
      closesAt: z.iso.datetime({ offset: true }).nullable().default(null),
      retentionDays: z.number().int().min(0).max(3650).default(60),
    })
    .prefault({}),
});
export type ProjectInput = z.input<typeof projectInputSchema>;

export const sentimentSchema = z.enum(['for', 'against', 'neutral']);

export const commentBodySchema = z.strictObject({
  text: text(COMMENT_MAX_CHARS),
  resourceId: z.number().int().positive().nullable().default(null),
  parentId: z.number().int().positive().nullable().default(null),
  sentiment: sentimentSchema.default('neutral'),
  location: pointSchema.nullable().default(null),
  camera: cameraSchema.nullable().default(null),
  displayName: text(DISPLAY_NAME_MAX_CHARS).nullable().default(null),
});

/** One of: a session token in the Authorization header (no body field), or a paper voting code. */
export const voteBodySchema = z.strictObject({
  resourceId: z.number().int().positive(),
  votingCode: z.string().min(4).max(40).optional(),
});

export const hideBodySchema = z.strictObject({ reason: text(HIDE_REASON_MAX_CHARS) });

export const votingCodesBodySchema = z.strictObject({ count: z.number().int().min(1).max(10_000) });

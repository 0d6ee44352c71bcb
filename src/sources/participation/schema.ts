/**
 * What the participation server (server/, see server/README.md) answers, as zod schemas. Objects are not
 * strict: a newer server may add fields. Texts are plain strings and are only ever shown as text.
 */
import { z } from 'zod';

const bilingual = z.object({ nl: z.string(), en: z.string() });

export const sentimentSchema = z.enum(['for', 'against', 'neutral']);
export type Sentiment = z.infer<typeof sentimentSchema>;

export const pointSchema = z.object({
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  height: z.number(),
});
export type PinPoint = z.infer<typeof pointSchema>;

export const cameraSchema = z.object({
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  height: z.number(),
  heading: z.number(),
  pitch: z.number().min(-90).max(90),
  roll: z.number(),
});
export type PinCamera = z.infer<typeof cameraSchema>;

export const tourStepSchema = z.object({
  title: bilingual,
  text: bilingual,
  viewpoint: z.string().optional(),
  camera: cameraSchema.optional(),
  layers: z.array(z.string()).default([]),
  scenarioId: z.string().nullable().default(null),
});
export type TourStep = z.infer<typeof tourStepSchema>;

export const resourceSchema = z.object({
  id: z.number().int().positive(),
  title: bilingual,
  summary: bilingual,
  scenarioId: z.string().nullable(),
});
export type Alternative = z.infer<typeof resourceSchema>;

export const planSummarySchema = z.object({
  id: z.number().int().positive(),
  title: bilingual,
  open: z.boolean(),
});
export type PlanSummary = z.infer<typeof planSummarySchema>;
export const planListSchema = z.array(planSummarySchema);

export const planSchema = z.object({
  id: z.number().int().positive(),
  title: bilingual,
  text: bilingual,
  area: z.object({
    type: z.literal('Polygon'),
    coordinates: z.array(z.array(z.tuple([z.number(), z.number()]))),
  }),
  tour: z.array(tourStepSchema),
  resources: z.array(resourceSchema),
  /** The short code residents type to join the plan in the room (case and dashes do not matter). */
  joinCode: z.string(),
  open: z.boolean(),
  settings: z.object({
    moderation: z.boolean(),
    voteVisibility: z.enum(['always', 'after-close']),
    opensAt: z.string().nullable(),
    closesAt: z.string().nullable(),
  }),
});
export type Plan = z.infer<typeof planSchema>;

export const commentSchema = z.object({
  id: z.number().int().positive(),
  resourceId: z.number().int().positive().nullable(),
  parentId: z.number().int().positive().nullable(),
  displayName: z.string().nullable(),
  text: z.string(),
  sentiment: sentimentSchema,
  location: pointSchema.nullable(),
  camera: cameraSchema.nullable(),
  agreements: z.number().int().min(0),
  createdAt: z.string(),
  /** Only in a moderator's view (and in the answer to one's own new comment). */
  status: z.enum(['pending', 'published', 'hidden']).optional(),
  hiddenReason: z.string().nullable().optional(),
});
export type PlanComment = z.infer<typeof commentSchema>;
export const commentListSchema = z.array(commentSchema);

export const sessionSchema = z.object({ token: z.string().min(16), expiresAt: z.string() });
export type Session = z.infer<typeof sessionSchema>;

export const agreeSchema = z.object({ agreements: z.number().int().min(0) });
export const voteSchema = z.object({
  id: z.number().int().positive(),
  resourceId: z.number().int().positive(),
});

export const statsSchema = z.object({
  votesVisible: z.boolean(),
  votes: z.array(z.object({ resourceId: z.number().int(), votes: z.number().int().min(0) })).nullable(),
  commentsPerSentiment: z.object({ for: z.number(), against: z.number(), neutral: z.number() }),
});
export type PlanStats = z.infer<typeof statsSchema>;

export const joinSchema = z.object({ projectId: z.number().int().positive() });
export const healthSchema = z.object({ status: z.literal('ok') });

export const errorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/** The server's stable error codes (server/errors.ts); the UI words each one. */
export const API_ERROR_CODES = [
  'invalid_body',
  'body_too_large',
  'not_found',
  'unauthorised',
  'forbidden',
  'outside_area',
  'already_voted',
  'already_agreed',
  'code_used',
  'plan_closed',
  'rate_limited',
  'internal',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

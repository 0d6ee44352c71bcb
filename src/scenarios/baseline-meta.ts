import { z } from 'zod';

/** Ids in baseline files: lower-case letters, digits and dashes, as used in URLs and file names. */
export const baselineIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'ids use lower-case letters, digits and dashes');

/** The `meta` block of a baseline network file (pedestrian and bike networks): what, whose, when. */
export const baselineMetaSchema = z.object({
  id: baselineIdSchema,
  title: z.string(),
  sample: z.boolean(),
  note: z.string(),
  licence: z.string(),
  created: z.string(),
});

/**
 * Embedded snapshots: a source's typed data (what its loader returns) saved with its provenance in
 * `public/data/snapshots/<source>.json`, written by `npm run snapshots` from the recorded fixtures.
 * The app reads them in the default (offline) mode, so every source-backed layer works without
 * the network and says plainly that it shows a recorded sample.
 */
import { z } from 'zod';
import type { Provenance, SourceResult } from './provenance.ts';
import { SNAPSHOT_SOURCES, type SnapshotSource } from './snapshot-queries.ts';

export const SNAPSHOT_FORMAT = 'tweeling-snapshot';

export function snapshotUrl(source: SnapshotSource): string {
  return `/data/snapshots/${source}.json`;
}

const provenanceSchema = z.looseObject({
  sourceId: z.string(),
  title: z.string(),
  licence: z.string(),
  attribution: z.string(),
  attributionUrl: z.string().optional(),
  url: z.string(),
  fetchedAt: z.string(),
  confidence: z.enum(['high', 'med', 'low']).optional(),
  notes: z.string().optional(),
});

export const snapshotEnvelopeSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  version: z.literal(1),
  sourceId: z.enum(SNAPSHOT_SOURCES),
  /** Always true: a snapshot is never live data, whatever its values look like. */
  recordedSample: z.literal(true),
  /** When the recorded responses describe (the fixtures' own date). */
  recordedAt: z.string(),
  /** The fixture files (under tests/fixtures/api) the data was parsed from. */
  fixtures: z.array(z.string()),
  provenance: provenanceSchema,
  data: z.unknown(),
});

export type SnapshotEnvelope = z.infer<typeof snapshotEnvelopeSchema>;

/** Reads an envelope and its data (validated with the layer's own schema) as a SourceResult. */
export function parseSnapshot<T>(raw: unknown, data: z.ZodType<T>): SourceResult<T> & { recordedAt: string } {
  const envelope = snapshotEnvelopeSchema.parse(raw);
  return {
    data: data.parse(envelope.data),
    provenance: envelope.provenance as Provenance,
    recordedAt: envelope.recordedAt,
  };
}

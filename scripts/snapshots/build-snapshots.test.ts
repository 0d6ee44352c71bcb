import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SNAPSHOT_SOURCES } from '../../src/sources/snapshot-queries.ts';
import { parseSnapshot } from '../../src/sources/snapshot.ts';
import { z } from 'zod';
import { buildSnapshot, serialise, SNAPSHOT_DIR } from './build-snapshots.ts';

describe('embedded snapshots', () => {
  it.each(SNAPSHOT_SOURCES)(
    'public/data/snapshots/%s.json equals a fresh build from the fixtures',
    async (source) => {
      const committed = readFileSync(path.join(SNAPSHOT_DIR, `${source}.json`), 'utf8');
      const fresh = serialise(await buildSnapshot(source));
      // When this fails after a fixture or parser change: run `npm run snapshots` and commit the result.
      expect(committed).toBe(fresh);
    },
  );

  it('marks every snapshot as a recorded sample with its provenance and date', async () => {
    for (const source of SNAPSHOT_SOURCES) {
      const snapshot = parseSnapshot(await buildSnapshot(source), z.array(z.unknown()).min(1));
      expect(snapshot.provenance.sourceId).toBe(source);
      expect(snapshot.provenance.fetchedAt).toBe(snapshot.recordedAt);
      expect(snapshot.provenance.notes).toMatch(/^Recorded sample/);
      expect(snapshot.provenance.licence).not.toBe('unknown');
    }
  });
});

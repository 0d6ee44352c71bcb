import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR, recordedResponses, serialise } from './write-fixtures.ts';

describe('recorded area responses', () => {
  it('rebuild byte-identical from the generator (npm run area:fixtures)', () => {
    let bytes = 0;
    for (const [file, value] of recordedResponses()) {
      const onDisk = readFileSync(path.join(FIXTURES_DIR, file), 'utf8');
      expect(onDisk, file).toBe(serialise(value));
      bytes += onDisk.length;
    }
    // The brief keeps recorded responses small.
    expect(bytes).toBeLessThan(1024 * 1024);
  });
});

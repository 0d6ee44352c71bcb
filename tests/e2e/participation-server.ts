/**
 * The participation server for the browser tests: a fresh PGlite database in `.data/e2e-<port>/` on every
 * start (so a run never sees an earlier run's pins), the example plan, and a moderator whose token the
 * tests know. Started by playwright.config.ts (`tsx tests/e2e/participation-server.ts`).
 */
import { rmSync } from 'node:fs';
import path from 'node:path';

/** The moderator token of the test server (a test value, not a secret). */
export const E2E_MODERATOR_TOKEN = 'e2e-moderator-token-not-a-secret';

/** Port of the test server: E2E_PARTICIPATION_PORT, else 8791 + the preview port's offset from 4173. */
export function participationPort(previewPort: number): number {
  return Number(process.env['E2E_PARTICIPATION_PORT'] ?? 8791 + (previewPort - 4173));
}

const isEntry = process.argv[1] !== undefined && path.resolve(process.argv[1]) === import.meta.filename;
if (isEntry) {
  const port = process.env['PORT'] ?? '8791';
  const dataDir = path.resolve(import.meta.dirname, `../../.data/e2e-${port}`);
  rmSync(dataDir, { recursive: true, force: true });
  process.env['PARTICIPATION_DATA_DIR'] = dataDir;
  process.env['PARTICIPATION_MODERATOR_TOKEN'] = E2E_MODERATOR_TOKEN;
  process.env['HOST'] = '127.0.0.1';
  // Every test in a run comes from one address: no rate limit in the way.
  process.env['RATE_LIMIT_BURST'] ??= '10000';
  process.env['RATE_LIMIT_PER_SECOND'] ??= '1000';
  await import('../../server/main.ts');
}

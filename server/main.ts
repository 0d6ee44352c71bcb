/**
 * `npm run server`: the participation server on 127.0.0.1:8790 (PORT). PGlite in `.data/participation/` by
 * default; a real PostgreSQL when DATABASE_URL is set. Applies migrations and seeds the example plan on start.
 */
import path from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { openPglite, openPostgres, type Db } from './db.ts';
import { migrate } from './migrate.ts';
import { createModerator, ensureModerator } from './projects.ts';
import { anonymiseExpiredPlans } from './retention.ts';
import { seedExamplePlan } from './seed.ts';

const port = Number(process.env.PORT ?? 8790);
const host = process.env.HOST ?? '127.0.0.1';
const dataDir =
  process.env.PARTICIPATION_DATA_DIR ?? path.resolve(import.meta.dirname, '../.data/participation');

const db: Db = process.env.DATABASE_URL
  ? await openPostgres(process.env.DATABASE_URL)
  : await openPglite(dataDir);
const applied = await migrate(db);
if (applied.length > 0) console.log(`participation: applied migrations ${applied.join(', ')}`);
const seeded = await seedExamplePlan(db);
if (seeded) {
  // The first moderator: its token is printed once and stored only as a hash.
  const token = await createModerator(db, 'first moderator');
  console.log(`participation: added the example plan (project ${seeded.id}, join code ${seeded.joinCode})`);
  console.log(`participation: moderator token (shown once, keep it): ${token}`);
}

// A moderator whose token the operator chose (a secret store; the browser tests): never printed.
if (process.env.PARTICIPATION_MODERATOR_TOKEN)
  await ensureModerator(db, 'configured moderator', process.env.PARTICIPATION_MODERATOR_TOKEN);

const runRetention = () =>
  anonymiseExpiredPlans(db, new Date()).then(
    (ids) => ids.length > 0 && console.log(`participation: anonymised plans ${ids.join(', ')}`),
    (error: unknown) => console.error('participation: retention failed', error),
  );
await runRetention();
const retentionTimer = setInterval(runRetention, 3_600_000);

const { app } = createApp({
  db,
  rateLimit: {
    burst: Number(process.env.RATE_LIMIT_BURST ?? 60),
    perSecond: Number(process.env.RATE_LIMIT_PER_SECOND ?? 2),
  },
  trustProxy: process.env.TRUST_PROXY === '1',
});

const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
  console.log(
    `participation: listening on http://${info.address}:${info.port} (${db.kind === 'postgres' ? 'PostgreSQL' : `PGlite in ${dataDir}`})`,
  );
});

function stop() {
  clearInterval(retentionTimer);
  server.close();
  void db.close().finally(() => process.exit(0));
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

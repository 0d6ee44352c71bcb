/**
 * Participation server benchmark: prints figures, never passes or fails.
 * Run: `npx tsx scripts/bench/participation.bench.ts`
 *
 * 200 simultaneous voters against the server on 127.0.0.1 (embedded PGlite in memory, the default database):
 * each first gets a session, then all 200 votes are sent at once. Checks votes counted = votes sent and prints
 * p50/p95 latency of the votes against a target of p95 ≤ 200 ms.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from '../../server/app.ts';
import { openPglite } from '../../server/db.ts';
import { migrate } from '../../server/migrate.ts';
import { createProject } from '../../server/projects.ts';
import { MARIAPLAATS_PLAN } from '../../server/seed.ts';

const VOTERS = 200;
const P95_TARGET_MS = 200;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;

async function main(): Promise<void> {
  const db = await openPglite();
  await migrate(db);
  const plan = await createProject(db, MARIAPLAATS_PLAN);
  // A room of 200 phones may share one address: the bench measures the server, not the rate limit.
  const { app } = createApp({ db, rateLimit: { burst: 100_000, perSecond: 100_000 } });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/project/${plan.id}`;

  try {
    const tokens: string[] = [];
    for (let i = 0; i < VOTERS; i++) {
      const response = await fetch(`${base}/participant`, { method: 'POST' });
      tokens.push(((await response.json()) as { token: string }).token);
    }

    const started = performance.now();
    const results = await Promise.all(
      tokens.map(async (token, i) => {
        const t0 = performance.now();
        const response = await fetch(`${base}/vote`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify({ resourceId: plan.resourceIds[i % 2] }),
        });
        await response.arrayBuffer();
        return { status: response.status, ms: performance.now() - t0 };
      }),
    );
    const wallMs = performance.now() - started;

    const accepted = results.filter((r) => r.status === 201).length;
    const stats = (await (await fetch(`${base}/stats`)).json()) as { votes: { votes: number }[] };
    const counted = stats.votes.reduce((sum, r) => sum + r.votes, 0);
    const latencies = results.map((r) => r.ms).sort((a, b) => a - b);
    const p50 = percentile(latencies, 0.5);
    const p95 = percentile(latencies, 0.95);

    console.log(`participation: ${VOTERS} simultaneous voters on 127.0.0.1 (PGlite in memory)`);
    console.log(
      `  votes sent ${VOTERS}, accepted ${accepted}, counted ${counted}: ${counted === VOTERS ? 'equal' : 'NOT EQUAL'}`,
    );
    console.log(`  all votes in ${wallMs.toFixed(0)} ms (${((VOTERS / wallMs) * 1000).toFixed(0)} votes/s)`);
    console.log(
      `  latency p50 ${p50.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms (target p95 ≤ ${P95_TARGET_MS} ms: ` +
        `${(p95 / P95_TARGET_MS).toFixed(2)}× the target)`,
    );
  } finally {
    server.close();
    await db.close();
  }
}

main().catch((error: unknown) => {
  // A benchmark prints; it never fails the run.
  console.log('participation benchmark could not run:', error);
});

/**
 * Builds the embedded snapshots in public/data/snapshots/ from the recorded API fixtures, through
 * the real loaders and parsers of src/sources (a scripted fetch answers the real URLs with the
 * fixtures the mock API server would serve). Deterministic: the clock is set to each fixture's own
 * date, so the output only changes when fixtures or parsers do.
 *
 *   npm run snapshots            write the files
 *   npm run snapshots -- --check exit 1 when the committed files differ from a fresh build
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SNAPSHOT_SOURCES, snapshotQuery, type SnapshotSource } from '../../src/sources/snapshot-queries.ts';
import { SNAPSHOT_FORMAT, type SnapshotEnvelope } from '../../src/sources/snapshot.ts';
import { endpoints } from '../../src/config/endpoints.ts';
import { createHttpClient } from '../../src/sources/http/client.ts';
import { systemClock } from '../../src/sources/http/clock.ts';
import { sourceRoutes, type RouteReply } from '../mock-api/routes.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(ROOT, 'tests/fixtures/api');
export const SNAPSHOT_DIR = path.join(ROOT, 'public/data/snapshots');

/**
 * The date each source's recorded responses describe. Taken from the fixtures themselves
 * (observation time, export time, collection timeStamp); the BGT fixture carries none, so it gets
 * the date of the fixture set it was recorded with (the other fixtures' 2026-08-20).
 */
const RECORDED_AT: Record<SnapshotSource, string> = {
  'samen-meten': '2026-08-20T09:00:00.000Z',
  'pdok-bgt': '2026-08-20T10:00:00.000Z',
  'cbs-wijkenbuurten': '2026-08-20T10:00:00.000Z',
  telraam: '2026-08-20T09:30:00.000Z',
};

/** Which fixture answers a real URL: the mock server's routing table, keyed by the real base URLs. */
function routeFor(url: string, method: string, body: string): { reply: RouteReply | undefined } {
  if (url === endpoints.telraamExport) return { reply: { fixture: 'telraam/export.json' } };
  for (const route of sourceRoutes) {
    if (!route.realBase || !url.startsWith(route.realBase)) continue;
    const parsed = new URL(url);
    const basePath = new URL(route.realBase).pathname;
    return {
      reply: route.handle({
        method,
        path: parsed.pathname.slice(basePath.length) || '/',
        query: parsed.searchParams,
        body,
      }),
    };
  }
  return { reply: undefined };
}

function fixtureFetch(used: Set<string>): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const { reply } = routeFor(url, init?.method ?? 'GET', typeof init?.body === 'string' ? init.body : '');
    if (!reply) return new Response(`no fixture for ${url}`, { status: 404 });
    if ('json' in reply) return Response.json(reply.json, { status: reply.status });
    if ('tile' in reply) return new Response('tiles are not snapshotted', { status: 404 });
    used.add(reply.fixture);
    const text = await readFile(path.join(FIXTURES, reply.fixture), 'utf8');
    return new Response(text, { headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
}

export async function buildSnapshot(source: SnapshotSource): Promise<SnapshotEnvelope> {
  const used = new Set<string>();
  const recordedAt = RECORDED_AT[source];
  const http = createHttpClient({
    fetch: fixtureFetch(used),
    clock: { now: () => Date.parse(recordedAt), setTimer: systemClock.setTimer },
    random: () => 0.5,
    isOnline: () => true,
  });
  const result = await snapshotQuery(source).query({}, http);
  const notes = [
    'Recorded sample: parsed from tests/fixtures/api by npm run snapshots; values are illustrative, not live.',
    result.provenance.notes,
  ]
    .filter(Boolean)
    .join(' ');
  return {
    format: SNAPSHOT_FORMAT,
    version: 1,
    sourceId: source,
    recordedSample: true,
    recordedAt,
    fixtures: [...used].sort(),
    provenance: { ...result.provenance, notes },
    data: result.data,
  };
}

export function serialise(envelope: SnapshotEnvelope): string {
  return `${JSON.stringify(envelope, null, 1)}\n`;
}

async function main(check: boolean): Promise<number> {
  await mkdir(SNAPSHOT_DIR, { recursive: true });
  let differing = 0;
  for (const source of SNAPSHOT_SOURCES) {
    const text = serialise(await buildSnapshot(source));
    const file = path.join(SNAPSHOT_DIR, `${source}.json`);
    if (check) {
      const current = await readFile(file, 'utf8').catch(() => '');
      if (current !== text) {
        differing++;
        console.error(`${path.relative(ROOT, file)} differs from a fresh build`);
      }
    } else {
      await writeFile(file, text);
      console.log(`${path.relative(ROOT, file)}: ${text.length} bytes`);
    }
  }
  return differing === 0 ? 0 : 1;
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  main(process.argv.includes('--check')).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}

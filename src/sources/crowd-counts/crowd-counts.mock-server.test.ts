/**
 * The crowd-counts loader against the mock API server over real HTTP (the route block in
 * scripts/mock-api/routes.ts): absolute @iot.nextLink URLs in the fixtures are rewritten to the
 * mock, and injected failures arrive as SourceErrors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockApiServer, type MockApiServer } from '../../../scripts/mock-api/server.ts';
import { createHttpClient } from '../http/client.ts';
import { SourceError } from '../http/errors.ts';
import { createCrowdCounts } from './index.ts';

let server: MockApiServer;
const http = () =>
  createHttpClient({ overrides: { baseDelayMs: 5, maxDelayMs: 20, timeoutMs: 3_000, ttlMs: 0 } });

beforeAll(async () => {
  server = await createMockApiServer({ port: 0 });
});
afterAll(async () => {
  await server.close();
});

describe('crowd counts over HTTP (mock API)', () => {
  it('pages Things and Observations through the mock and builds the feed', async () => {
    const counts = createCrowdCounts({ baseUrl: `${server.url}/crowd-counts/v1.1`, http: http() });
    const r = await counts.feed({ since: Date.parse('2026-06-13T10:00:00Z') });
    expect(r.data.sites.map((s) => s.id)).toEqual(['steenweg', 'neude-plein', 'thing-503']);
    expect(r.data.series.find((s) => s.siteId === 'steenweg')!.in).toHaveLength(24);
    expect(r.provenance.url.startsWith(server.url)).toBe(true);
  });

  it('reports an injected failure of the Things request', async () => {
    const counts = createCrowdCounts({ baseUrl: `${server.url}/__fail/500/crowd-counts/v1.1`, http: http() });
    const e = await counts.feed({ since: 0 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SourceError);
    expect(e).toMatchObject({ kind: 'http-status', status: 500, sourceId: 'crowd-counts' });
  });
});

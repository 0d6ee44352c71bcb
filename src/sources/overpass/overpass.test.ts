import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../http/client.ts';
import { SourceError } from '../http/errors.ts';
import { createTestClock } from '../../../tests/support/clock.ts';
import { createFakeFetch, jsonResponse } from '../../../tests/support/fake-fetch.ts';
import { fixtureJson } from '../../../tests/support/fixtures.ts';
import { createOverpass, overpassResponseSchema, parseOverpass, walkCycleQuery } from './index.ts';

const BASE = 'https://overpass-api.de/api/interpreter';
const client = (reply: Response) => {
  const fake = createFakeFetch([{ match: () => true, replies: [reply] }]);
  return {
    calls: fake.calls,
    http: createHttpClient({
      fetch: fake.fetch,
      clock: createTestClock(),
      random: () => 0.5,
      overrides: { retries: 0 },
    }),
  };
};

describe('overpass', () => {
  it('posts the query with the bbox as south,west,north,east and parses ways with node ids', async () => {
    const t = client(jsonResponse(fixtureJson('overpass/area-centre.json')));
    const r = await createOverpass({ baseUrl: BASE, http: t.http }).walkCycleWays([
      5.117, 52.088, 5.123, 52.0925,
    ]);
    expect(t.calls[0]?.init?.method).toBe('POST');
    const body = decodeURIComponent(String(t.calls[0]?.init?.body).replace(/^data=/, ''));
    expect(body).toContain('(52.088000,5.117000,52.092500,5.123000)');
    expect(body).toMatch(/^\[out:json\]\[timeout:60\];way\["highway"~"\^\(footway\|/);
    const street = r.data.ways.find((w) => w.id === 100_001)!;
    expect(street.tags).toMatchObject({ highway: 'residential', oneway: 'yes' });
    expect(street.points[0]).toHaveLength(2);
    expect(street.nodes).toHaveLength(street.points.length);
    expect(r.data.osmBase).toBe('2026-08-20T09:58:12Z');
  });

  it('turns a 429 into a rate-limited error', async () => {
    const t = client(jsonResponse({ remark: 'rate_limited' }, { status: 429 }));
    const e = await createOverpass({ baseUrl: BASE, http: t.http })
      .walkCycleWays([5.1, 52.0, 5.2, 52.1])
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SourceError);
    expect(e).toMatchObject({ kind: 'rate-limited', status: 429, sourceId: 'osm-overpass' });
  });

  it('treats a timeout remark inside a 200 answer as a timeout, not as a complete area', () => {
    const body = overpassResponseSchema.parse({
      elements: [],
      remark: 'runtime error: Query timed out in "query" at line 1 after 61 seconds.',
    });
    expect(() => parseOverpass(body, BASE)).toThrow(/Overpass stopped before the end of the area/);
  });

  it('rejects a way whose geometry does not match its nodes', () => {
    const r = overpassResponseSchema.safeParse({
      elements: [
        {
          type: 'way',
          id: 1,
          nodes: [1, 2, 3],
          geometry: [
            { lat: 52, lon: 5 },
            { lat: 52, lon: 5.1 },
          ],
        },
      ],
    });
    expect(r.success).toBe(false);
    expect(walkCycleQuery([5, 52, 5.1, 52.1], 30)).toContain('[timeout:30]');
  });
});

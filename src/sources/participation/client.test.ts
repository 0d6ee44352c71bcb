import { describe, expect, it } from 'vitest';
import { createParticipationClient, ParticipationError, type FetchLike } from './client.ts';

/** A plan as server/app.ts answers GET /api/project/:id (shape copied from server/README.md and app.ts). */
const PLAN = {
  id: 1,
  title: { nl: 'Mariaplaats', en: 'Mariaplaats' },
  text: { nl: 'Tekst', en: 'Text' },
  area: {
    type: 'Polygon',
    coordinates: [
      [
        [5.1172, 52.0892],
        [5.1194, 52.0892],
        [5.1194, 52.0905],
        [5.1172, 52.0892],
      ],
    ],
  },
  tour: [
    {
      title: { nl: 'a', en: 'a' },
      text: { nl: 'b', en: 'b' },
      viewpoint: 'home',
      layers: [],
      scenarioId: null,
    },
  ],
  resources: [{ id: 1, title: { nl: 'Park', en: 'Park' }, summary: { nl: 's', en: 's' }, scenarioId: null }],
  joinCode: 'ABC123',
  open: true,
  settings: { moderation: false, voteVisibility: 'always', opensAt: null, closesAt: null, retentionDays: 60 },
};

function answering(status: number, body: string, contentType = 'application/json'): FetchLike {
  return async () => new Response(body, { status, headers: { 'Content-Type': contentType } });
}

async function failure(promise: Promise<unknown>): Promise<ParticipationError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ParticipationError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

const client = (fetch: FetchLike) => createParticipationClient({ baseUrl: '/api/', fetch, retryDelayMs: 0 });

describe('participation client', () => {
  it('reads a plan the server gives and asks the right address', async () => {
    const asked: string[] = [];
    const plan = await client(async (url) => {
      asked.push(url);
      return new Response(JSON.stringify(PLAN), { status: 200 });
    }).plan(1);
    expect(asked).toEqual(['/api/project/1']);
    expect(plan.title.nl).toBe('Mariaplaats');
    expect(plan.tour[0]!.viewpoint).toBe('home');
  });

  it('calls a failed connection "unavailable"', async () => {
    const error = await failure(
      client(async () => {
        throw new TypeError('Failed to fetch');
      }).plan(1),
    );
    expect(error.kind).toBe('unavailable');
  });

  it('calls a proxy error without an API answer (Vite: 500/502, empty body) "unavailable"', async () => {
    expect((await failure(client(answering(502, '')).health())).kind).toBe('unavailable');
    expect((await failure(client(answering(500, '')).health())).kind).toBe('unavailable');
  });

  it('calls an HTML page (no server behind /api, the app answers) "unavailable"', async () => {
    const error = await failure(client(answering(200, '<!doctype html><html></html>', 'text/html')).plans());
    expect(error.kind).toBe('unavailable');
  });

  it('refuses an answer of the wrong shape with where it went wrong', async () => {
    const bad = { ...PLAN, tour: [{ ...PLAN.tour[0], title: 'not bilingual' }] };
    const error = await failure(client(answering(200, JSON.stringify(bad))).plan(1));
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toContain('tour.0.title');
  });

  it('refuses a comment whose text is not a string (never passed on as markup)', async () => {
    const comment = {
      id: 3,
      resourceId: null,
      parentId: null,
      displayName: null,
      text: { html: '<b>x</b>' },
      sentiment: 'for',
      location: null,
      camera: null,
      agreements: 0,
      createdAt: '2026-01-01T00:00:00Z',
    };
    const error = await failure(client(answering(200, JSON.stringify([comment]))).comments(1));
    expect(error.kind).toBe('invalid-response');
  });

  it('refuses an unknown sentiment and a negative agreement count', async () => {
    const base = {
      id: 3,
      resourceId: null,
      parentId: null,
      displayName: null,
      text: 'ok',
      sentiment: 'for',
      location: null,
      camera: null,
      agreements: 0,
      createdAt: '2026-01-01T00:00:00Z',
    };
    for (const bad of [
      { ...base, sentiment: 'dislike' },
      { ...base, agreements: -1 },
    ]) {
      expect((await failure(client(answering(200, JSON.stringify([bad]))).comments(1))).kind).toBe(
        'invalid-response',
      );
    }
  });

  it('passes the server code on when it refuses (a second vote)', async () => {
    const body = JSON.stringify({
      error: { code: 'already_voted', message: 'You have already voted on this plan.' },
    });
    const error = await failure(client(answering(409, body)).vote(1, 2, 'x'.repeat(43)));
    expect(error.kind).toBe('refused');
    expect(error.code).toBe('already_voted');
    expect(error.status).toBe(409);
  });

  it('treats the server failing inside (500 internal) as unavailable, and an unknown code as code null', async () => {
    const internal = JSON.stringify({ error: { code: 'internal', message: 'Something went wrong' } });
    expect((await failure(client(answering(500, internal)).stats(1))).kind).toBe('unavailable');
    const odd = JSON.stringify({ error: { code: 'brand_new', message: 'new' } });
    const error = await failure(client(answering(400, odd)).stats(1));
    expect(error.kind).toBe('refused');
    expect(error.code).toBeNull();
  });

  it('sends the session token and the comment as JSON', async () => {
    let seen: RequestInit | undefined;
    const created = {
      id: 9,
      resourceId: 1,
      parentId: null,
      displayName: null,
      text: '<script>alert(1)</script>',
      sentiment: 'against',
      location: { lon: 5.118, lat: 52.09, height: 0 },
      camera: { lon: 5.118, lat: 52.088, height: 200, heading: 0, pitch: -40, roll: 0 },
      agreements: 0,
      createdAt: '2026-01-01T00:00:00Z',
      status: 'published',
    };
    const comment = await client(async (_url, init) => {
      seen = init;
      return new Response(JSON.stringify(created), { status: 201 });
    }).postComment(1, 'token-token-token-1', {
      text: created.text,
      resourceId: 1,
      sentiment: 'against',
      location: created.location,
      camera: created.camera,
    });
    expect(comment.text).toBe('<script>alert(1)</script>');
    expect(new Headers(seen?.headers).get('Authorization')).toBe('Bearer token-token-token-1');
    expect(JSON.parse(String(seen?.body))).toMatchObject({
      text: created.text,
      sentiment: 'against',
      parentId: null,
    });
  });

  it('says "aborted" when the caller stops waiting', async () => {
    const controller = new AbortController();
    const pending = client(
      (_url, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    ).plans(controller.signal);
    controller.abort();
    expect((await failure(pending)).kind).toBe('aborted');
  });

  it('tries a read once more when no server answered, but never a write', async () => {
    let calls = 0;
    const flaky: FetchLike = async () =>
      ++calls === 1
        ? new Response('', { status: 502 })
        : new Response(JSON.stringify({ status: 'ok' }), { status: 200 });
    await expect(client(flaky).health()).resolves.toEqual({ status: 'ok' });
    expect(calls).toBe(2);
    calls = 0;
    const down: FetchLike = async () => (calls++, new Response('', { status: 502 }));
    await failure(client(down).vote(1, 2, 'x'.repeat(43)));
    expect(calls).toBe(1);
  });
});

/**
 * The participation API against a real database: PGlite always, PostgreSQL too when TEST_DATABASE_URL is set.
 * Expected values are written out by hand from the requests each test makes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import type { Db } from './db.ts';
import { migrate, migrationFiles } from './migrate.ts';
import { createModerator, createProject, ensureModerator } from './projects.ts';
import { anonymiseExpiredPlans } from './retention.ts';
import type { ProjectInput } from './schemas.ts';
import { MARIAPLAATS_PLAN, seedExamplePlan } from './seed.ts';
import { testDatabases } from './test-databases.ts';

const DAY = 86_400_000;
const START = new Date('2026-06-01T12:00:00Z');
/** A point inside the Mariaplaats area (5.1172–5.1194 E, 52.0892–52.0905 N) and one 1 km east of it. */
const INSIDE = { lon: 5.1183, lat: 52.0898, height: 2 };
const OUTSIDE = { lon: 5.1333, lat: 52.0898, height: 0 };

function plan(settings: Partial<NonNullable<ProjectInput['settings']>> = {}): ProjectInput {
  return { ...MARIAPLAATS_PLAN, settings: { ...MARIAPLAATS_PLAN.settings, ...settings } };
}

describe.each(testDatabases())('participation API on $name', (database) => {
  let db: Db;
  let dispose: () => Promise<void>;
  let clock = START;
  let moderatorToken: string;
  let app: ReturnType<typeof createApp>['app'];
  let events: ReturnType<typeof createApp>['events'];

  beforeAll(async () => {
    ({ db, dispose } = await database.open());
    await migrate(db);
    moderatorToken = await createModerator(db, 'test moderator');
    ({ app, events } = createApp({ db, now: () => clock, rateLimit: { burst: 10_000, perSecond: 10_000 } }));
    // PGlite loads PostgreSQL as WebAssembly: several seconds on a busy machine.
  }, 60_000);
  afterAll(async () => {
    await dispose();
  });

  const json = (method: string, path: string, body?: unknown, token?: string) =>
    app.request(path, {
      method,
      headers: {
        'Content-Type': 'application/json',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });

  async function newPlan(settings: Partial<NonNullable<ProjectInput['settings']>> = {}) {
    const created = await createProject(db, plan(settings));
    return { ...created, base: `/api/project/${created.id}` };
  }

  async function session(base: string): Promise<string> {
    const response = await json('POST', `${base}/participant`);
    expect(response.status).toBe(201);
    return ((await response.json()) as { token: string }).token;
  }

  async function errorCode(response: Response): Promise<string> {
    expect(response.headers.get('Content-Type')).toMatch(/^application\/json/);
    return ((await response.json()) as { error: { code: string } }).error.code;
  }

  it('records each migration once in schema_migrations', async () => {
    expect(await migrate(db)).toEqual([]);
    const rows = await db.query<{ version: string }>(
      'SELECT version FROM schema_migrations ORDER BY version',
    );
    expect(rows.map((row) => row.version)).toEqual(migrationFiles().map((file) => file.replace('.sql', '')));
    expect(rows[0]!.version).toBe('0001_participation');
  });

  it('answers health, the seeded example plan and its join code', async () => {
    expect(await (await app.request('/api/health')).json()).toEqual({ status: 'ok', database: db.kind });
    const seeded = (await seedExamplePlan(db))!;
    expect(await seedExamplePlan(db)).toBeNull();
    const response = await app.request(`/api/project/${seeded.id}`);
    expect(response.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
    const body = (await response.json()) as {
      title: { nl: string };
      resources: { title: { en: string } }[];
      tour: unknown[];
    };
    expect(body.title.nl).toBe('Mariaplaats: park of parkeergarage?');
    expect(body.resources.map((r) => r.title.en)).toEqual(['Park', 'Parking garage']);
    expect(body.tour).toHaveLength(4);
    const join = await app.request(`/api/join/${seeded.joinCode.toLowerCase()}`);
    expect(await join.json()).toEqual({ projectId: seeded.id });
  });

  it('adds a configured moderator token once, which then opens the audit log; refuses a malformed one', async () => {
    const { base } = await newPlan();
    const token = 'configured-moderator-token-123';
    expect((await json('GET', `${base}/audit-log`, undefined, token)).status).toBe(401);
    await ensureModerator(db, 'configured', token);
    await ensureModerator(db, 'configured again', token);
    expect((await json('GET', `${base}/audit-log`, undefined, token)).status).toBe(200);
    const [row] = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM moderators WHERE name LIKE 'configured%'",
    );
    expect(row!.n).toBe(1);
    await expect(ensureModerator(db, 'short', 'too short')).rejects.toThrow(/16 to 128/);
  });

  it('answers 404 with a JSON error for unknown plans, resources, comments and routes', async () => {
    const { base } = await newPlan();
    for (const path of [
      '/api/project/999999',
      '/api/project/abc/comment',
      '/api/project/1%27%20OR%201=1',
      `${base}/resource/999999`,
      '/api/nothing',
    ])
      expect([path, await errorCode(await app.request(path))]).toEqual([path, 'not_found']);
    const token = await session(base);
    const reply = await json('POST', `${base}/comment`, { text: 'Eens', parentId: 999999 }, token);
    expect([reply.status, await errorCode(reply)]).toEqual([404, 'not_found']);
    const agree = await json('POST', `${base}/comment/999999/agree`, undefined, token);
    expect([agree.status, await errorCode(agree)]).toEqual([404, 'not_found']);
  });

  it('stores a pin with its camera, and refuses empty, blank, oversized and malformed comments', async () => {
    const { base, resourceIds } = await newPlan();
    const token = await session(base);
    const camera = { lon: 5.118, lat: 52.088, height: 300, heading: 10, pitch: -30, roll: 0 };
    const ok = await json(
      'POST',
      `${base}/comment`,
      { text: 'Meer bomen!', sentiment: 'for', resourceId: resourceIds[0], location: INSIDE, camera },
      token,
    );
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({
      text: 'Meer bomen!',
      sentiment: 'for',
      location: INSIDE,
      camera,
      status: 'published',
    });

    const longest = await json('POST', `${base}/comment`, { text: 'a'.repeat(2000) }, token);
    expect(longest.status).toBe(201);
    for (const body of [
      { text: '' },
      { text: '   \n' },
      { text: 'a'.repeat(2001) },
      { text: 'x', sentiment: 'dislike' },
      { text: 'x', extra: 1 },
      '{not json',
    ])
      expect(await errorCode(await json('POST', `${base}/comment`, body, token))).toBe('invalid_body');
    const huge = await json('POST', `${base}/comment`, { text: 'a'.repeat(20_000) }, token);
    expect([huge.status, await errorCode(huge)]).toEqual([413, 'body_too_large']);
  });

  it('keeps HTML, script and SQL-injection text exactly as given, as JSON text', async () => {
    const { base } = await newPlan();
    const token = await session(base);
    const texts = [
      '<script>alert("x")</script><b>vet</b>',
      "Robert'); DROP TABLE comments;--",
      "' OR '1'='1",
    ];
    for (const text of texts)
      expect((await json('POST', `${base}/comment`, { text, displayName: text }, token)).status).toBe(201);
    const response = await app.request(`${base}/comment`);
    expect(response.headers.get('Content-Type')).toMatch(/^application\/json/);
    const comments = (await response.json()) as { text: string; displayName: string }[];
    expect(comments.map((c) => c.text)).toEqual(texts);
    expect(comments.map((c) => c.displayName)).toEqual(texts);
    expect((await db.query('SELECT count(*)::int AS n FROM comments'))[0]).toBeDefined();
  });

  it("refuses a pin outside the plan's area", async () => {
    const { base } = await newPlan();
    const token = await session(base);
    const response = await json('POST', `${base}/comment`, { text: 'Hier?', location: OUTSIDE }, token);
    expect([response.status, await errorCode(response)]).toEqual([422, 'outside_area']);
    expect(await (await app.request(`${base}/comment`)).json()).toEqual([]);
  });

  it('refuses missing, forged, other-plan and expired session tokens with 401', async () => {
    const { base } = await newPlan();
    const other = await newPlan();
    const otherToken = await session(other.base);
    const token = await session(base);
    for (const bad of [undefined, 'forged-token-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', otherToken]) {
      const response = await json('POST', `${base}/comment`, { text: 'Hallo' }, bad);
      expect([response.status, await errorCode(response)]).toEqual([401, 'unauthorised']);
    }
    // Tokens live 90 days (the default): one day later than that it is refused.
    clock = new Date(START.getTime() + 91 * DAY);
    try {
      const expired = await json('POST', `${base}/comment`, { text: 'Hallo' }, token);
      expect([expired.status, await errorCode(expired)]).toEqual([401, 'unauthorised']);
    } finally {
      clock = START;
    }
  });

  it('counts one vote per session: a second vote is refused with 409', async () => {
    const { base, resourceIds } = await newPlan();
    const token = await session(base);
    expect((await json('POST', `${base}/vote`, { resourceId: resourceIds[0] }, token)).status).toBe(201);
    const second = await json('POST', `${base}/vote`, { resourceId: resourceIds[1] }, token);
    expect([second.status, await errorCode(second)]).toEqual([409, 'already_voted']);
    const stats = (await (await app.request(`${base}/stats`)).json()) as { votes: unknown };
    expect(stats.votes).toEqual([
      { resourceId: resourceIds[0], votes: 1 },
      { resourceId: resourceIds[1], votes: 0 },
    ]);
  });

  it('counts exactly one of two votes sent at the same moment', async () => {
    const { base, resourceIds } = await newPlan();
    const token = await session(base);
    const responses = await Promise.all([
      json('POST', `${base}/vote`, { resourceId: resourceIds[0] }, token),
      json('POST', `${base}/vote`, { resourceId: resourceIds[1] }, token),
    ]);
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
    const [row] = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM votes WHERE project_id = $1',
      [Number(base.split('/').pop())],
    );
    expect(row!.n).toBe(1);
  });

  it('takes paper voting codes once each, and refuses unknown codes', async () => {
    const { base, resourceIds } = await newPlan();
    const made = await json('POST', `${base}/voting-codes`, { count: 2 }, moderatorToken);
    expect(made.status).toBe(201);
    const { codes } = (await made.json()) as { codes: string[] };
    expect(codes).toHaveLength(2);
    expect(codes[0]).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    // Typed from paper: lower case and without the dash still count.
    const typed = codes[0]!.toLowerCase().replace('-', '');
    expect(
      (await json('POST', `${base}/vote`, { resourceId: resourceIds[1], votingCode: typed })).status,
    ).toBe(201);
    const again = await json('POST', `${base}/vote`, { resourceId: resourceIds[0], votingCode: codes[0] });
    expect([again.status, await errorCode(again)]).toEqual([409, 'code_used']);
    const unknown = await json('POST', `${base}/vote`, {
      resourceId: resourceIds[0],
      votingCode: 'AAAAA-AAAAA',
    });
    expect([unknown.status, await errorCode(unknown)]).toEqual([401, 'unauthorised']);
    expect(await db.query('SELECT code_hash FROM voting_codes WHERE code_hash = $1', [codes[1]])).toEqual([]);
  });

  it('hides the running count until the vote closes when the plan says so', async () => {
    const closesAt = new Date(START.getTime() + 7 * DAY).toISOString();
    const { base, resourceIds } = await newPlan({ voteVisibility: 'after-close', closesAt });
    expect(
      (await json('POST', `${base}/vote`, { resourceId: resourceIds[0] }, await session(base))).status,
    ).toBe(201);
    expect(await (await app.request(`${base}/stats`)).json()).toMatchObject({
      votesVisible: false,
      votes: null,
    });
    clock = new Date(closesAt);
    try {
      expect(await (await app.request(`${base}/stats`)).json()).toMatchObject({
        votesVisible: true,
        votes: [
          { resourceId: resourceIds[0], votes: 1 },
          { resourceId: resourceIds[1], votes: 0 },
        ],
      });
      const late = await json('POST', `${base}/vote`, { resourceId: resourceIds[0] }, await session(base));
      expect([late.status, await errorCode(late)]).toEqual([403, 'plan_closed']);
    } finally {
      clock = START;
    }
  });

  it('lets residents agree once, and reply in a thread', async () => {
    const { base } = await newPlan();
    const author = await session(base);
    const other = await session(base);
    const comment = (await (
      await json('POST', `${base}/comment`, { text: 'Bankjes graag' }, author)
    ).json()) as { id: number };
    const agree = await json('POST', `${base}/comment/${comment.id}/agree`, undefined, other);
    expect(await agree.json()).toEqual({ agreements: 1 });
    const twice = await json('POST', `${base}/comment/${comment.id}/agree`, undefined, other);
    expect([twice.status, await errorCode(twice)]).toEqual([409, 'already_agreed']);
    const reply = await json('POST', `${base}/comment`, { text: 'Ja!', parentId: comment.id }, other);
    expect(await reply.json()).toMatchObject({ parentId: comment.id, text: 'Ja!' });
  });

  it('holds comments for approval, approves or hides with a reason, logs it, and exports hidden ones flagged', async () => {
    const { base } = await newPlan({ moderation: true });
    const token = await session(base);
    const first = (await (
      await json('POST', `${base}/comment`, { text: 'Eerste', location: INSIDE }, token)
    ).json()) as { id: number; status: string };
    const second = (await (await json('POST', `${base}/comment`, { text: 'Tweede' }, token)).json()) as {
      id: number;
    };
    expect(first.status).toBe('pending');
    expect(await (await app.request(`${base}/comment`)).json()).toEqual([]);

    const refused = await json('POST', `${base}/comment/${first.id}/approve`, undefined, token);
    expect([refused.status, await errorCode(refused)]).toEqual([401, 'unauthorised']);
    expect(
      await errorCode(
        await json('POST', `${base}/comment/${second.id}/hide`, { reason: '' }, moderatorToken),
      ),
    ).toBe('invalid_body');

    expect(
      (await json('POST', `${base}/comment/${first.id}/approve`, undefined, moderatorToken)).status,
    ).toBe(200);
    const hidden = await json(
      'POST',
      `${base}/comment/${second.id}/hide`,
      { reason: 'Scheldwoord' },
      moderatorToken,
    );
    expect(await hidden.json()).toMatchObject({ status: 'hidden', hiddenReason: 'Scheldwoord' });
    const visible = (await (await app.request(`${base}/comment`)).json()) as { text: string }[];
    expect(visible.map((c) => c.text)).toEqual(['Eerste']);

    const log = (await (await json('GET', `${base}/audit-log`, undefined, moderatorToken)).json()) as {
      action: string;
      actor: string;
    }[];
    expect(log.map((entry) => entry.action)).toEqual([
      'comment.created',
      'comment.created',
      'comment.approved',
      'comment.hidden',
    ]);
    expect(log[3]!.actor).toMatch(/^moderator:\d+$/);

    const csv = await (await json('GET', `${base}/export.csv`, undefined, moderatorToken)).text();
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toContain('"hidden","true","Scheldwoord","neutral",,"Tweede"');
    const geojson = (await (
      await json('GET', `${base}/export.geojson`, undefined, moderatorToken)
    ).json()) as {
      features: {
        geometry: { coordinates: number[] } | null;
        properties: { hidden: boolean; text: string };
      }[];
    };
    expect(geojson.features.map((f) => [f.properties.text, f.properties.hidden])).toEqual([
      ['Eerste', false],
      ['Tweede', true],
    ]);
    expect(geojson.features[0]!.geometry!.coordinates).toEqual([INSIDE.lon, INSIDE.lat, INSIDE.height]);
    expect((await app.request(`${base}/export.csv`)).status).toBe(401);
  });

  it('announces a newly published pin on the event stream', async () => {
    const { id, base } = await newPlan();
    const token = await session(base);
    const response = await app.request(`${base}/events`);
    expect(response.headers.get('Content-Type')).toMatch(/^text\/event-stream/);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let received = '';
    while (!received.includes('event: ready')) received += decoder.decode((await reader.read()).value);
    expect(events.listenerCount(id)).toBe(1);
    await json('POST', `${base}/comment`, { text: 'Live!', location: INSIDE }, token);
    while (!received.includes('event: pin')) received += decoder.decode((await reader.read()).value);
    expect(received).toContain('"text":"Live!"');
    await reader.cancel();
  });

  it('anonymises a plan once it has been closed longer than its retention period', async () => {
    const closesAt = new Date(START.getTime() + 10 * DAY);
    const { id, base, resourceIds } = await newPlan({ closesAt: closesAt.toISOString(), retentionDays: 30 });
    const token = await session(base);
    await json('POST', `${base}/comment`, { text: 'Mooi plan', displayName: 'Anna' }, token);
    await json('POST', `${base}/vote`, { resourceId: resourceIds[0] }, token);

    // Closed 10 days after START, kept 30 days: still linked on day 39, anonymised from day 40 on.
    expect(await anonymiseExpiredPlans(db, new Date(START.getTime() + 39 * DAY))).not.toContain(id);
    expect(await anonymiseExpiredPlans(db, new Date(START.getTime() + 40 * DAY))).toContain(id);
    expect(await anonymiseExpiredPlans(db, new Date(START.getTime() + 41 * DAY))).not.toContain(id);

    const comments = await db.query(
      'SELECT display_name, participant_id, text FROM comments WHERE project_id = $1',
      [id],
    );
    expect(comments).toEqual([{ display_name: null, participant_id: null, text: 'Mooi plan' }]);
    expect(await db.query('SELECT participant_id FROM votes WHERE project_id = $1', [id])).toEqual([
      { participant_id: null },
    ]);
    expect(await db.query('SELECT id FROM participants WHERE project_id = $1', [id])).toEqual([]);
    const actors = await db.query<{ actor: string }>(
      'SELECT DISTINCT actor FROM audit_log WHERE project_id = $1 ORDER BY actor',
      [id],
    );
    expect(actors.map((row) => row.actor)).toEqual(['participant (anonymised)', 'system']);
  });

  it('refuses writes beyond the rate limit with 429', async () => {
    const limited = createApp({ db, now: () => clock, rateLimit: { burst: 3, perSecond: 0.001 } }).app;
    const { base } = await newPlan();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await limited.request(`${base}/participant`, { method: 'POST' })).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
    // Reading is not limited.
    expect((await limited.request(`${base}/comment`)).status).toBe(200);
  });
});

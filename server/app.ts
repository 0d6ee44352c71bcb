/**
 * The participation REST API (Hono). Route names follow OpenStad (`/api/project/:projectId/resource`, `/comment`,
 * `/vote`, `/stats`, `/audit-log`); see server/README.md for the mapping and what differs.
 * Every answer is JSON (or CSV/GeoJSON/event-stream for exports and room mode); text is stored and returned as
 * given and never rendered as HTML.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Polygon } from 'geojson';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { streamSSE } from 'hono/streaming';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { z } from 'zod';
import type { Db, Queryable } from './db.ts';
import { ApiError } from './errors.ts';
import { PinEvents, type PublicComment } from './events.ts';
import { commentsToCsv, commentsToGeoJson, type ExportComment } from './export.ts';
import { createVotingCodes } from './projects.ts';
import { RateLimiter } from './rate-limit.ts';
import {
  commentBodySchema,
  hideBodySchema,
  voteBodySchema,
  votingCodesBodySchema,
  type sentimentSchema,
} from './schemas.ts';
import { hashToken, normaliseCode, newToken } from './tokens.ts';

export interface AppOptions {
  db: Db;
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
  /** Writes (POST) per client: `burst` at once, refilled at `perSecond`. */
  rateLimit?: { burst: number; perSecond: number };
  /** Who a request counts as for the rate limit; by default the connecting address. */
  clientKey?: (c: Context) => string;
  /** Use the first X-Forwarded-For address as the client (only behind a reverse proxy you run). */
  trustProxy?: boolean;
  events?: PinEvents;
  /** How long a resident's session token is valid. */
  participantTtlDays?: number;
  /** Largest request body in bytes. */
  maxBodyBytes?: number;
  /** Seconds between keep-alive messages on the event stream. */
  heartbeatSeconds?: number;
}

type Sentiment = z.infer<typeof sentimentSchema>;
type Status = 'pending' | 'published' | 'hidden';

interface ProjectRow {
  id: number;
  title_nl: string;
  title_en: string;
  text_nl: string;
  text_en: string;
  area: Polygon;
  tour: unknown[];
  moderation: boolean;
  vote_visibility: 'always' | 'after-close';
  opens_at: Date | null;
  closes_at: Date | null;
  retention_days: number;
  join_code: string;
  anonymised_at: Date | null;
}

interface ResourceRow {
  id: number;
  title_nl: string;
  title_en: string;
  summary_nl: string;
  summary_en: string;
  scenario_id: string | null;
}

interface CommentRow {
  id: number;
  resource_id: number | null;
  parent_id: number | null;
  display_name: string | null;
  text: string;
  sentiment: Sentiment;
  location: PublicComment['location'];
  camera: unknown;
  status: Status;
  hidden_reason: string | null;
  agreements: number;
  created_at: Date;
}

const SECURITY_HEADERS = {
  // The API never serves a page: nothing may load, run or frame from its answers.
  'Content-Security-Policy':
    "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

const COMMENT_COLUMNS = `c.id, c.resource_id, c.parent_id, c.display_name, c.text, c.sentiment, c.location, c.camera,
  c.status, c.hidden_reason, c.created_at,
  (SELECT count(*)::int FROM agreements a WHERE a.comment_id = c.id) AS agreements`;

const iso = (date: Date | string | null) => (date === null ? null : new Date(date).toISOString());

function publicComment(row: CommentRow): PublicComment {
  return {
    id: row.id,
    resourceId: row.resource_id,
    parentId: row.parent_id,
    displayName: row.display_name,
    text: row.text,
    sentiment: row.sentiment,
    location: row.location,
    camera: row.camera,
    agreements: row.agreements,
    createdAt: iso(row.created_at)!,
  };
}

function moderatedComment(row: CommentRow) {
  return { ...publicComment(row), status: row.status, hiddenReason: row.hidden_reason };
}

function publicResource(row: ResourceRow) {
  return {
    id: row.id,
    title: { nl: row.title_nl, en: row.title_en },
    summary: { nl: row.summary_nl, en: row.summary_en },
    scenarioId: row.scenario_id,
  };
}

/** Route ids are positive 32-bit integers; anything else cannot exist, so it is "not found". */
function parseId(value: string | undefined, what: string): number {
  const id = /^\d{1,10}$/.test(value ?? '') ? Number(value) : NaN;
  if (!Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647)
    throw new ApiError('not_found', `No ${what} ${value}.`);
  return id;
}

async function readBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const raw = await c.req.text();
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new ApiError('invalid_body', 'The request body is not valid JSON.');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? issue.path.join('.') : 'body';
    throw new ApiError('invalid_body', `${where}: ${issue.message}`);
  }
  return parsed.data;
}

function bearer(c: Context): string | null {
  const header = c.req.header('Authorization') ?? '';
  const match = /^Bearer ([A-Za-z0-9_-]{16,128})$/.exec(header);
  return match ? match[1]! : null;
}

export function createApp(options: AppOptions) {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const events = options.events ?? new PinEvents();
  const ttlMs = (options.participantTtlDays ?? 90) * 86_400_000;
  const heartbeatMs = (options.heartbeatSeconds ?? 25) * 1000;
  const limiter = new RateLimiter(options.rateLimit ?? { burst: 60, perSecond: 2 });
  const clientKey =
    options.clientKey ??
    ((c: Context) => {
      if (options.trustProxy) {
        const forwarded = c.req.header('X-Forwarded-For')?.split(',')[0]?.trim();
        if (forwarded) return forwarded;
      }
      try {
        return getConnInfo(c).remote.address ?? 'unknown';
      } catch {
        // Requests handed to the app directly (not over a socket) have no address.
        return 'local';
      }
    });

  async function loadProject(c: Context): Promise<ProjectRow> {
    const id = parseId(c.req.param('projectId'), 'project');
    const [project] = await db.query<ProjectRow>('SELECT * FROM projects WHERE id = $1', [id]);
    if (!project) throw new ApiError('not_found', `No project ${id}.`);
    return project;
  }

  function isOpen(project: ProjectRow): boolean {
    const t = now().getTime();
    if (project.opens_at && t < new Date(project.opens_at).getTime()) return false;
    if (project.closes_at && t >= new Date(project.closes_at).getTime()) return false;
    return true;
  }

  function requireOpen(project: ProjectRow): void {
    if (!isOpen(project)) throw new ApiError('plan_closed', 'This plan is not open for reactions now.');
  }

  async function participantOf(c: Context, project: ProjectRow): Promise<number> {
    const token = bearer(c);
    if (!token) throw new ApiError('unauthorised', 'A session token is required (Authorization: Bearer …).');
    const [row] = await db.query<{ id: number; expires_at: Date }>(
      'SELECT id, expires_at FROM participants WHERE token_hash = $1 AND project_id = $2',
      [hashToken(token), project.id],
    );
    if (!row) throw new ApiError('unauthorised', 'This session token is not known for this project.');
    if (new Date(row.expires_at).getTime() <= now().getTime())
      throw new ApiError('unauthorised', 'This session token has expired; start a new session.');
    return row.id;
  }

  async function moderatorOf(c: Context): Promise<number | null> {
    const token = bearer(c);
    if (!token) return null;
    const [row] = await db.query<{ id: number }>('SELECT id FROM moderators WHERE token_hash = $1', [
      hashToken(token),
    ]);
    return row?.id ?? null;
  }

  async function requireModerator(c: Context): Promise<number> {
    const id = await moderatorOf(c);
    if (id === null) throw new ApiError('unauthorised', 'A moderator token is required.');
    return id;
  }

  async function audit(
    q: Queryable,
    projectId: number,
    actor: string,
    action: string,
    target: string | null,
    details: unknown = null,
  ) {
    await q.query(
      'INSERT INTO audit_log (project_id, actor, action, target, details, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [projectId, actor, action, target, details === null ? null : JSON.stringify(details), now()],
    );
  }

  async function loadComment(projectId: number, commentId: number): Promise<CommentRow | undefined> {
    const [row] = await db.query<CommentRow>(
      `SELECT ${COMMENT_COLUMNS} FROM comments c WHERE c.id = $1 AND c.project_id = $2`,
      [commentId, projectId],
    );
    return row;
  }

  async function allComments(projectId: number): Promise<ExportComment[]> {
    const rows = await db.query<CommentRow>(
      `SELECT ${COMMENT_COLUMNS} FROM comments c WHERE c.project_id = $1 ORDER BY c.id`,
      [projectId],
    );
    return rows.map((row) => ({ ...moderatedComment(row), location: row.location }));
  }

  const app = new Hono();

  app.use('*', async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
  });

  app.use(
    '*',
    bodyLimit({
      maxSize: options.maxBodyBytes ?? 16 * 1024,
      onError: () => {
        throw new ApiError('body_too_large', 'The request body is too large.');
      },
    }),
  );

  app.use('*', async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const client = clientKey(c);
      if (!limiter.take(client)) {
        c.header('Retry-After', String(Math.max(1, limiter.retryAfterSeconds(client))));
        throw new ApiError(
          'rate_limited',
          'Too many requests from this client; wait a moment and try again.',
        );
      }
    }
    await next();
  });

  app.onError((error, c) => {
    if (error instanceof ApiError) return c.json(error.toJSON(), error.status);
    console.error('participation server error:', error);
    return c.json(new ApiError('internal', 'Something went wrong on the server.').toJSON(), 500);
  });

  app.notFound((c) =>
    c.json(new ApiError('not_found', `No route ${c.req.method} ${c.req.path}.`).toJSON(), 404),
  );

  app.get('/api/health', async (c) => {
    await db.query('SELECT 1');
    return c.json({ status: 'ok', database: db.kind });
  });

  app.get('/api/project', async (c) => {
    const rows = await db.query<ProjectRow>('SELECT * FROM projects ORDER BY id');
    return c.json(
      rows.map((p) => ({
        id: p.id,
        title: { nl: p.title_nl, en: p.title_en },
        open: isOpen(p),
        joinCode: p.join_code,
      })),
    );
  });

  app.get('/api/join/:code', async (c) => {
    const code = normaliseCode(c.req.param('code'));
    const [row] = await db.query<{ id: number }>('SELECT id FROM projects WHERE join_code = $1', [code]);
    if (!row) throw new ApiError('not_found', 'No plan has this join code.');
    return c.json({ projectId: row.id });
  });

  app.get('/api/project/:projectId', async (c) => {
    const p = await loadProject(c);
    const resources = await db.query<ResourceRow>(
      'SELECT * FROM resources WHERE project_id = $1 ORDER BY sort_order, id',
      [p.id],
    );
    return c.json({
      id: p.id,
      title: { nl: p.title_nl, en: p.title_en },
      text: { nl: p.text_nl, en: p.text_en },
      area: p.area,
      tour: p.tour,
      resources: resources.map(publicResource),
      joinCode: p.join_code,
      open: isOpen(p),
      settings: {
        moderation: p.moderation,
        voteVisibility: p.vote_visibility,
        opensAt: iso(p.opens_at),
        closesAt: iso(p.closes_at),
        retentionDays: p.retention_days,
      },
    });
  });

  app.get('/api/project/:projectId/resource', async (c) => {
    const p = await loadProject(c);
    const rows = await db.query<ResourceRow>(
      'SELECT * FROM resources WHERE project_id = $1 ORDER BY sort_order, id',
      [p.id],
    );
    return c.json(rows.map(publicResource));
  });

  app.get('/api/project/:projectId/resource/:resourceId', async (c) => {
    const p = await loadProject(c);
    const id = parseId(c.req.param('resourceId'), 'resource');
    const [row] = await db.query<ResourceRow>('SELECT * FROM resources WHERE id = $1 AND project_id = $2', [
      id,
      p.id,
    ]);
    if (!row) throw new ApiError('not_found', `No resource ${id} in project ${p.id}.`);
    return c.json(publicResource(row));
  });

  app.post('/api/project/:projectId/participant', async (c) => {
    const p = await loadProject(c);
    const token = newToken();
    const expiresAt = new Date(now().getTime() + ttlMs);
    await db.query(
      'INSERT INTO participants (project_id, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4)',
      [p.id, hashToken(token), now(), expiresAt],
    );
    return c.json({ token, expiresAt: expiresAt.toISOString() }, 201);
  });

  app.get('/api/project/:projectId/comment', async (c) => {
    const p = await loadProject(c);
    const moderator = (await moderatorOf(c)) !== null;
    const rows = await db.query<CommentRow>(
      `SELECT ${COMMENT_COLUMNS} FROM comments c
       WHERE c.project_id = $1 AND ($2 OR c.status = 'published') ORDER BY c.id`,
      [p.id, moderator],
    );
    return c.json(rows.map(moderator ? moderatedComment : publicComment));
  });

  app.post('/api/project/:projectId/comment', async (c) => {
    const p = await loadProject(c);
    const participantId = await participantOf(c, p);
    const body = await readBody(c, commentBodySchema);
    requireOpen(p);
    let resourceId = body.resourceId;
    if (resourceId !== null) {
      const found = await db.query('SELECT 1 FROM resources WHERE id = $1 AND project_id = $2', [
        resourceId,
        p.id,
      ]);
      if (found.length === 0)
        throw new ApiError('not_found', `No resource ${resourceId} in project ${p.id}.`);
    }
    if (body.parentId !== null) {
      const parent = await loadComment(p.id, body.parentId);
      if (!parent || parent.status !== 'published')
        throw new ApiError('not_found', `No comment ${body.parentId} to reply to.`);
      resourceId ??= parent.resource_id;
    }
    if (body.location && !booleanPointInPolygon([body.location.lon, body.location.lat], p.area))
      throw new ApiError('outside_area', "The pin is outside this plan's area.");
    const status: Status = p.moderation ? 'pending' : 'published';
    const id = await db.transaction(async (tx) => {
      const [row] = await tx.query<{ id: number }>(
        `INSERT INTO comments (project_id, resource_id, parent_id, participant_id, display_name, text, sentiment,
           location, camera, status, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [
          p.id,
          resourceId,
          body.parentId,
          participantId,
          body.displayName,
          body.text,
          body.sentiment,
          body.location === null ? null : JSON.stringify(body.location),
          body.camera === null ? null : JSON.stringify(body.camera),
          status,
          now(),
        ],
      );
      await audit(tx, p.id, `participant:${participantId}`, 'comment.created', `comment:${row!.id}`, {
        status,
      });
      return row!.id;
    });
    const comment = (await loadComment(p.id, id))!;
    if (status === 'published') events.publish({ projectId: p.id, comment: publicComment(comment) });
    return c.json({ ...publicComment(comment), status }, 201);
  });

  app.post('/api/project/:projectId/comment/:commentId/agree', async (c) => {
    const p = await loadProject(c);
    const participantId = await participantOf(c, p);
    requireOpen(p);
    const commentId = parseId(c.req.param('commentId'), 'comment');
    const comment = await loadComment(p.id, commentId);
    if (!comment || comment.status !== 'published')
      throw new ApiError('not_found', `No comment ${commentId}.`);
    const inserted = await db.query(
      `INSERT INTO agreements (comment_id, participant_id, created_at) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING comment_id`,
      [commentId, participantId, now()],
    );
    if (inserted.length === 0) throw new ApiError('already_agreed', 'You already agreed with this comment.');
    return c.json({ agreements: (await loadComment(p.id, commentId))!.agreements }, 201);
  });

  app.post('/api/project/:projectId/vote', async (c) => {
    const p = await loadProject(c);
    // The session token is checked first when there is one; a voting code alone needs no session.
    const token = bearer(c);
    const participantId = token ? await participantOf(c, p) : null;
    const body = await readBody(c, voteBodySchema);
    if (participantId === null && body.votingCode === undefined)
      throw new ApiError('unauthorised', 'A session token or a voting code is required to vote.');
    requireOpen(p);
    const found = await db.query('SELECT 1 FROM resources WHERE id = $1 AND project_id = $2', [
      body.resourceId,
      p.id,
    ]);
    if (found.length === 0)
      throw new ApiError('not_found', `No resource ${body.resourceId} in project ${p.id}.`);

    let codeId: number | null = null;
    if (body.votingCode !== undefined) {
      const [code] = await db.query<{ id: number }>(
        'SELECT id FROM voting_codes WHERE code_hash = $1 AND project_id = $2',
        [hashToken(normaliseCode(body.votingCode)), p.id],
      );
      if (!code) throw new ApiError('unauthorised', 'This voting code is not known for this project.');
      codeId = code.id;
    }
    // A paper code votes on its own; the session is then not bound, so a resident can vote on paper for the household.
    const voter =
      codeId !== null ? { participant: null, code: codeId } : { participant: participantId, code: null };
    const vote = await db.transaction(async (tx) => {
      // The unique indexes decide: of two votes at the same moment, exactly one row is inserted.
      const [row] = await tx.query<{ id: number }>(
        `INSERT INTO votes (project_id, resource_id, participant_id, voting_code_id, created_at)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id`,
        [p.id, body.resourceId, voter.participant, voter.code, now()],
      );
      if (!row) return null;
      const actor = voter.code !== null ? `voting-code:${voter.code}` : `participant:${voter.participant}`;
      await audit(tx, p.id, actor, 'vote.cast', `vote:${row.id}`);
      return row;
    });
    if (!vote)
      throw voter.code !== null
        ? new ApiError('code_used', 'This voting code has already been used.')
        : new ApiError('already_voted', 'You have already voted on this plan.');
    return c.json({ id: vote.id, resourceId: body.resourceId }, 201);
  });

  app.get('/api/project/:projectId/stats', async (c) => {
    const p = await loadProject(c);
    const moderator = (await moderatorOf(c)) !== null;
    const showVotes = moderator || p.vote_visibility === 'always' || !isOpen(p);
    const votes = showVotes
      ? await db.query<{ resource_id: number; votes: number }>(
          `SELECT r.id AS resource_id, count(v.id)::int AS votes FROM resources r
           LEFT JOIN votes v ON v.resource_id = r.id WHERE r.project_id = $1 GROUP BY r.id ORDER BY r.sort_order, r.id`,
          [p.id],
        )
      : null;
    const sentiments = await db.query<{ sentiment: Sentiment; comments: number }>(
      `SELECT sentiment, count(*)::int AS comments FROM comments WHERE project_id = $1 AND status = 'published'
       GROUP BY sentiment`,
      [p.id],
    );
    const commentsPerSentiment = { for: 0, against: 0, neutral: 0 };
    for (const row of sentiments) commentsPerSentiment[row.sentiment] = row.comments;
    return c.json({
      votesVisible: showVotes,
      votes: votes?.map((row) => ({ resourceId: row.resource_id, votes: row.votes })) ?? null,
      commentsPerSentiment,
    });
  });

  for (const action of ['approve', 'hide'] as const) {
    app.post(`/api/project/:projectId/comment/:commentId/${action}`, async (c) => {
      const p = await loadProject(c);
      const moderatorId = await requireModerator(c);
      const commentId = parseId(c.req.param('commentId'), 'comment');
      const reason = action === 'hide' ? (await readBody(c, hideBodySchema)).reason : null;
      const before = await loadComment(p.id, commentId);
      if (!before) throw new ApiError('not_found', `No comment ${commentId} in project ${p.id}.`);
      const status: Status = action === 'hide' ? 'hidden' : 'published';
      await db.transaction(async (tx) => {
        await tx.query('UPDATE comments SET status = $1, hidden_reason = $2 WHERE id = $3', [
          status,
          reason,
          commentId,
        ]);
        await audit(
          tx,
          p.id,
          `moderator:${moderatorId}`,
          `comment.${action === 'hide' ? 'hidden' : 'approved'}`,
          `comment:${commentId}`,
          {
            from: before.status,
            reason,
          },
        );
      });
      const after = (await loadComment(p.id, commentId))!;
      if (status === 'published' && before.status !== 'published')
        events.publish({ projectId: p.id, comment: publicComment(after) });
      return c.json(moderatedComment(after));
    });
  }

  app.get('/api/project/:projectId/audit-log', async (c) => {
    const p = await loadProject(c);
    await requireModerator(c);
    const rows = await db.query<{
      id: number;
      actor: string;
      action: string;
      target: string | null;
      details: unknown;
      created_at: Date;
    }>(
      'SELECT id, actor, action, target, details, created_at FROM audit_log WHERE project_id = $1 ORDER BY id',
      [p.id],
    );
    return c.json(rows.map((row) => ({ ...row, created_at: undefined, createdAt: iso(row.created_at) })));
  });

  app.post('/api/project/:projectId/voting-codes', async (c) => {
    const p = await loadProject(c);
    const moderatorId = await requireModerator(c);
    const { count } = await readBody(c, votingCodesBodySchema);
    const codes = await db.transaction(async (tx) => {
      const made = await createVotingCodes(tx, p.id, count);
      await audit(tx, p.id, `moderator:${moderatorId}`, 'voting-codes.created', null, { count });
      return made;
    });
    return c.json({ codes }, 201);
  });

  app.get('/api/project/:projectId/export.csv', async (c) => {
    const p = await loadProject(c);
    await requireModerator(c);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="tweeling-project-${p.id}-comments.csv"`);
    return c.body(commentsToCsv(await allComments(p.id)));
  });

  app.get('/api/project/:projectId/export.geojson', async (c) => {
    const p = await loadProject(c);
    await requireModerator(c);
    c.header('Content-Type', 'application/geo+json; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="tweeling-project-${p.id}-comments.geojson"`);
    return c.body(JSON.stringify(commentsToGeoJson(await allComments(p.id))));
  });

  app.get('/api/project/:projectId/events', async (c) => {
    const p = await loadProject(c);
    return streamSSE(c, async (stream) => {
      const unsubscribe = events.subscribe(p.id, (event) => {
        void stream.writeSSE({
          event: 'pin',
          id: String(event.comment.id),
          data: JSON.stringify(event.comment),
        });
      });
      stream.onAbort(unsubscribe);
      await stream.writeSSE({ event: 'ready', data: JSON.stringify({ projectId: p.id }) });
      while (!stream.aborted && !stream.closed) {
        await stream.sleep(heartbeatMs);
        if (!stream.aborted && !stream.closed) await stream.writeSSE({ event: 'ping', data: '' });
      }
      unsubscribe();
    });
  });

  return { app, events };
}

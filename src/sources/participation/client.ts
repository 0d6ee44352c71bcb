/**
 * The participation server's REST API (server/README.md) for the viewer: fetch, validate every answer
 * with zod, and turn every failure into one plain error the UI can word:
 * - `unavailable`: no server answered (no network, proxy without server, a page instead of JSON, 5xx);
 * - `invalid-response`: an answer that is not what the API promises;
 * - `refused`: the server said no, with its stable code (`already_voted`, `outside_area`, …);
 * - `aborted`: the caller stopped waiting.
 * Writes are never retried here: a comment must not arrive twice.
 */
import { z } from 'zod';
import { INPUT_LIMITS } from '../../config/input-limits.ts';
import { readBodyLimited } from '../http/body.ts';
import { assertJsonDepth } from '../http/limits.ts';
import {
  API_ERROR_CODES,
  agreeSchema,
  commentListSchema,
  commentSchema,
  errorBodySchema,
  healthSchema,
  joinSchema,
  planListSchema,
  planSchema,
  sessionSchema,
  statsSchema,
  voteSchema,
  type ApiErrorCode,
  type PinCamera,
  type PinPoint,
  type Sentiment,
} from './schema.ts';

export type ParticipationErrorKind = 'unavailable' | 'invalid-response' | 'refused' | 'aborted';

export class ParticipationError extends Error {
  constructor(
    readonly kind: ParticipationErrorKind,
    message: string,
    /** The server's code when it refused; `null` otherwise. */
    readonly code: ApiErrorCode | null = null,
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = 'ParticipationError';
  }
}

export function isParticipationError(error: unknown): error is ParticipationError {
  return error instanceof ParticipationError;
}

export interface NewComment {
  text: string;
  resourceId: number | null;
  parentId?: number | null;
  sentiment: Sentiment;
  location: PinPoint | null;
  camera: PinCamera | null;
  displayName?: string | null;
}

export type ExportFormat = 'csv' | 'geojson';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface ClientOptions {
  /** Where the API lives, e.g. `/api` (same origin) or `http://127.0.0.1:8790/api`. */
  baseUrl: string;
  fetch?: FetchLike;
  /** Per request. */
  timeoutMs?: number;
  /** Pause before the one retry of a read (GET) that found no server. */
  retryDelayMs?: number;
}

export type ParticipationClient = ReturnType<typeof createParticipationClient>;

export function createParticipationClient({
  baseUrl,
  fetch: fetchFn,
  timeoutMs = 10_000,
  retryDelayMs = 400,
}: ClientOptions) {
  const base = baseUrl.replace(/\/+$/, '');
  const doFetch: FetchLike = fetchFn ?? ((input, init) => globalThis.fetch(input, init));

  async function request<T>(
    path: string,
    schema: z.ZodType<T>,
    {
      method = 'GET',
      body,
      token,
      signal,
    }: { method?: 'GET' | 'POST'; body?: unknown; token?: string | null; signal?: AbortSignal } = {},
  ): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (token) headers['Authorization'] = `Bearer ${token}`;
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: combined,
      });
    } catch (error) {
      if (signal?.aborted) throw new ParticipationError('aborted', `${method} ${path}: aborted`);
      const why = timeout.aborted ? 'timed out' : error instanceof Error ? error.message : String(error);
      throw new ParticipationError('unavailable', `${method} ${path}: no answer (${why})`);
    }
    // Capped like every other answer: an unread or refused body counts as none.
    const text = await readText(response, INPUT_LIMITS.apiResponseBytes, combined);
    if (!response.ok) refusal(response, text, method, path);
    let json: unknown;
    try {
      assertJsonDepth(text);
      json = JSON.parse(text);
    } catch {
      // Typically the viewer's own index.html: this address has no participation server behind it.
      throw new ParticipationError(
        'unavailable',
        `${method} ${path}: the answer is not JSON`,
        null,
        response.status,
      );
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const where = issue.path.length > 0 ? issue.path.join('.') : 'answer';
      throw new ParticipationError(
        'invalid-response',
        `${method} ${path}: unexpected answer at ${where}: ${issue.message}`,
        null,
        response.status,
      );
    }
    return parsed.data;
  }

  function readText(response: Response, limit: number, signal: AbortSignal): Promise<string> {
    return readBodyLimited(response, limit, signal)
      .then((bytes) => new TextDecoder('utf-8').decode(bytes))
      .catch(() => '');
  }

  /** Turns a failed answer into the error the UI words: the server's refusal, or no server at all. */
  function refusal(response: Response, text: string, method: string, path: string): never {
    let json: unknown = null;
    try {
      assertJsonDepth(text);
      json = JSON.parse(text);
    } catch {
      // Not an API answer; handled below.
    }
    const error = errorBodySchema.safeParse(json);
    if (error.success) {
      const raw = error.data.error.code;
      const code = (API_ERROR_CODES as readonly string[]).includes(raw) ? (raw as ApiErrorCode) : null;
      // A server that fails inside is as good as no server for the person using it.
      const kind = response.status >= 500 || code === 'internal' ? 'unavailable' : 'refused';
      throw new ParticipationError(
        kind,
        `${method} ${path}: ${error.data.error.message}`,
        code,
        response.status,
      );
    }
    // No API answer at all: a proxy with nothing behind it, a gateway error, a web server's own page.
    throw new ParticipationError(
      response.status >= 500 || response.status === 404 ? 'unavailable' : 'invalid-response',
      `${method} ${path}: HTTP ${response.status} without an API answer`,
      null,
      response.status,
    );
  }

  /** Reads are tried once more after a short pause: a busy proxy or a server just starting drops one now and then. */
  async function read<T>(
    path: string,
    schema: z.ZodType<T>,
    options: { token?: string | null; signal?: AbortSignal } = {},
  ) {
    try {
      return await request(path, schema, options);
    } catch (error) {
      if (!(error instanceof ParticipationError) || error.kind !== 'unavailable' || options.signal?.aborted)
        throw error;
      await new Promise((resolve) => setTimeout(resolve, retryDelayMs));
      return request(path, schema, options);
    }
  }

  /** A file answer (not JSON): its text, or the same plain errors as the JSON calls. */
  async function download(path: string, token: string): Promise<string> {
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, {
        headers: { Authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new ParticipationError('unavailable', `GET ${path}: no answer (${String(error)})`);
    }
    // An export holds every comment of a plan: the bulk limit, not the one for ordinary answers.
    if (!response.ok)
      refusal(
        response,
        await readText(response, INPUT_LIMITS.apiResponseBytes, AbortSignal.timeout(timeoutMs)),
        'GET',
        path,
      );
    try {
      const bytes = await readBodyLimited(
        response,
        INPUT_LIMITS.bulkResponseBytes,
        AbortSignal.timeout(timeoutMs),
      );
      return new TextDecoder('utf-8').decode(bytes);
    } catch (error) {
      // A cut-off export must not be saved as if it were whole.
      throw new ParticipationError(
        'unavailable',
        `GET ${path}: the file did not arrive whole (${String(error)})`,
      );
    }
  }

  const project = (id: number) => `/project/${encodeURIComponent(String(id))}`;

  return {
    health: (signal?: AbortSignal) => read('/health', healthSchema, { ...(signal ? { signal } : {}) }),
    plans: (signal?: AbortSignal) => read('/project', planListSchema, { ...(signal ? { signal } : {}) }),
    plan: (id: number, signal?: AbortSignal) =>
      read(project(id), planSchema, { ...(signal ? { signal } : {}) }),
    /** Published comments; with a moderator token every comment, with its status and reason. */
    comments: (id: number, moderatorToken?: string | null) =>
      read(`${project(id)}/comment`, commentListSchema, { token: moderatorToken ?? null }),
    stats: (id: number) => read(`${project(id)}/stats`, statsSchema),
    startSession: (id: number) => request(`${project(id)}/participant`, sessionSchema, { method: 'POST' }),
    postComment: (id: number, token: string, comment: NewComment) =>
      request(`${project(id)}/comment`, commentSchema, {
        method: 'POST',
        token,
        body: {
          text: comment.text,
          resourceId: comment.resourceId,
          parentId: comment.parentId ?? null,
          sentiment: comment.sentiment,
          location: comment.location,
          camera: comment.camera,
          displayName: comment.displayName ?? null,
        },
      }),
    agree: (id: number, commentId: number, token: string) =>
      request(`${project(id)}/comment/${commentId}/agree`, agreeSchema, { method: 'POST', token, body: {} }),
    vote: (id: number, resourceId: number, token: string) =>
      request(`${project(id)}/vote`, voteSchema, { method: 'POST', token, body: { resourceId } }),
    /** The plan behind a room's join code. */
    join: (code: string, signal?: AbortSignal) =>
      read(`/join/${encodeURIComponent(code.trim())}`, joinSchema, { ...(signal ? { signal } : {}) }).then(
        (answer) => answer.projectId,
      ),
    /** The moderators' export of every comment (hidden ones flagged), as the file's text. */
    exportFile: (id: number, format: ExportFormat, moderatorToken: string) =>
      download(`${project(id)}/export.${format}`, moderatorToken),
    /** Succeeds only for a valid moderator token (the audit log is for moderators). */
    checkModerator: (id: number, moderatorToken: string) =>
      read(`${project(id)}/audit-log`, z.array(z.unknown()), { token: moderatorToken }).then(() => true),
    approve: (id: number, commentId: number, moderatorToken: string) =>
      request(`${project(id)}/comment/${commentId}/approve`, commentSchema, {
        method: 'POST',
        token: moderatorToken,
        body: {},
      }),
    hide: (id: number, commentId: number, moderatorToken: string, reason: string) =>
      request(`${project(id)}/comment/${commentId}/hide`, commentSchema, {
        method: 'POST',
        token: moderatorToken,
        body: { reason },
      }),
  };
}

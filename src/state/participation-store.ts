import { create } from 'zustand';
import { endpoints } from '../config/endpoints.ts';
import { VIEWPOINTS } from '../config/viewpoints.ts';
import type { CameraPose } from '../geo/camera-pose.ts';
import { isLayerId } from '../layers/layer-ids.ts';
import {
  createParticipationClient,
  isParticipationError,
  type ExportFormat,
  type ParticipationClient,
  type ParticipationErrorKind,
} from '../sources/participation/client.ts';
import { subscribeToPins, type EventSourceFactory, type LiveState } from '../sources/participation/live.ts';
import type {
  ApiErrorCode,
  PinCamera,
  PinPoint,
  Plan,
  PlanComment,
  PlanStats,
  PlanSummary,
  Sentiment,
  TourStep,
} from '../sources/participation/schema.ts';
import { useAppStore } from './app-store.ts';
import { useLayersStore } from './layers-store.ts';

/**
 * Participation: a resident explores a plan (tour, alternatives), places pins with comments, agrees,
 * votes; a moderator approves or hides. Talks to the participation server through the source module.
 * Without the server everything here says "unavailable" and the rest of the viewer is untouched; a
 * comment being written is kept on this device (localStorage) until it has been sent.
 */

/** What went wrong, for the UI to word: the kind, and the server's code when it refused. */
export interface ParticipationProblem {
  kind: ParticipationErrorKind;
  code: ApiErrorCode | null;
}

export type Availability = 'unknown' | 'checking' | 'available' | 'unavailable';

/** A comment being written: kept on this device until the server has it. */
export interface Draft {
  text: string;
  sentiment: Sentiment;
  displayName: string;
  /** The pin: where, and the view it was placed in. */
  point: PinPoint | null;
  camera: PinCamera | null;
}

export type Notice = 'sent' | 'sentPending' | 'draftKept' | 'voted' | null;

export interface CommentFilter {
  resource: number | 'all';
  sentiment: Sentiment | 'all';
}

/** The part of the Web Storage API the store uses (localStorage, sessionStorage, or a map in tests). */
export interface KeyValueStorage {
  getItem: (key: string) => string | null;
  setItem: (key: string, value: string) => void;
  removeItem: (key: string) => void;
}

export interface ParticipationDeps {
  client: () => ParticipationClient;
  /** Sessions, votes, agreements and drafts (kept across visits). */
  local: () => KeyValueStorage | null;
  /** The moderator token (forgotten when the tab closes). */
  session: () => KeyValueStorage | null;
  /** Opens the live pin stream; `null` where the browser has no EventSource (pins then come on reload). */
  events: () => EventSourceFactory | null;
}

let defaultClient: ParticipationClient | null = null;

function browserStorage(name: 'localStorage' | 'sessionStorage'): KeyValueStorage | null {
  try {
    return typeof window === 'undefined' ? null : window[name];
  } catch {
    // Storage switched off in the browser: work without remembering.
    return null;
  }
}

export const participationDeps: ParticipationDeps = {
  client: () => (defaultClient ??= createParticipationClient({ baseUrl: endpoints.participation })),
  local: () => browserStorage('localStorage'),
  session: () => browserStorage('sessionStorage'),
  events: () => (typeof EventSource === 'undefined' ? null : (url) => new EventSource(url)),
};

export const EMPTY_DRAFT: Draft = {
  text: '',
  sentiment: 'neutral',
  displayName: '',
  point: null,
  camera: null,
};

export interface ParticipationState {
  availability: Availability;
  plans: PlanSummary[];
  planId: number | null;
  plan: Plan | null;
  comments: PlanComment[];
  stats: PlanStats | null;
  /** The tour step on show (index), or null outside the tour. */
  step: number | null;
  /** The alternative being looked at; comments are tied to it. */
  alternativeId: number | null;
  /** Which scenario the map should show for the step or alternative; `seq` changes on every request. */
  scenarioRequest: { scenarioId: string | null; seq: number } | null;
  votedFor: number | null;
  agreed: number[];
  /** Waiting for a tap on the map to place the pin. */
  placing: boolean;
  draft: Draft;
  sending: boolean;
  notice: Notice;
  problem: ParticipationProblem | null;
  filter: CommentFilter;
  openCommentId: number | null;
  moderatorView: boolean;
  moderatorToken: string | null;
  moderated: PlanComment[];
  /** New pins from others, as they are published: `off` without a plan or without a stream. */
  live: LiveState | 'off';
  /** The room screen: the plan on a large screen, with its join code, for a session in a hall. */
  room: boolean;
  /** The join code typed in did not lead to a plan. */
  joinFailed: boolean;

  /** Asks the server whether it is there, and for its plans. */
  check: () => Promise<void>;
  openPlan: (id: number | null) => Promise<void>;
  /** Opens the plan behind a room's join code. */
  join: (code: string) => Promise<boolean>;
  setRoom: (on: boolean) => void;
  reload: () => Promise<void>;
  goToStep: (step: number | null) => void;
  chooseAlternative: (id: number) => void;
  setPlacing: (placing: boolean) => void;
  setPin: (point: PinPoint, camera: PinCamera) => void;
  setDraft: (change: Partial<Draft>) => void;
  sendComment: () => Promise<boolean>;
  sendReply: (parentId: number, text: string) => Promise<boolean>;
  agree: (commentId: number) => Promise<void>;
  vote: (resourceId: number) => Promise<void>;
  setFilter: (change: Partial<CommentFilter>) => void;
  openComment: (id: number | null) => void;
  dismissNotice: () => void;
  setModeratorView: (on: boolean) => void;
  loginModerator: (token: string) => Promise<boolean>;
  logoutModerator: () => void;
  loadModeration: () => Promise<void>;
  approve: (commentId: number) => Promise<void>;
  hide: (commentId: number, reason: string) => Promise<boolean>;
  /** Every comment (hidden ones flagged) as a file's text, for a moderator; null when it failed. */
  exportComments: (format: ExportFormat) => Promise<string | null>;
}

const key = (what: string, planId: number) => `tweeling.participation.${what}.${planId}`;
const MODERATOR_KEY = 'tweeling.participation.moderator';

function readJson<T>(storage: KeyValueStorage | null, name: string): T | null {
  try {
    const raw = storage?.getItem(name);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

function writeJson(storage: KeyValueStorage | null, name: string, value: unknown): void {
  try {
    if (value === null) storage?.removeItem(name);
    else storage?.setItem(name, JSON.stringify(value));
  } catch {
    // A full or blocked storage only means nothing is remembered.
  }
}

function problemOf(error: unknown): ParticipationProblem {
  if (isParticipationError(error)) return { kind: error.kind, code: error.code };
  return { kind: 'invalid-response', code: null };
}

/** Where a tour step looks: its own camera, or one of the viewer's named viewpoints. */
export function stepPose(step: TourStep): CameraPose | null {
  if (step.camera) return step.camera;
  return VIEWPOINTS.find((v) => v.id === step.viewpoint)?.pose ?? null;
}

let scenarioSeq = 0;
/** Closes the live pin stream of the plan that was open. */
let stopLive: (() => void) | null = null;
/** Increases per plan opened, so an answer for a plan left meanwhile is dropped. */
let planGeneration = 0;

export const useParticipationStore = create<ParticipationState>()((set, get) => {
  const deps = participationDeps;

  /** Marks the server unavailable when that was the problem; returns the problem. */
  const fail = (error: unknown): ParticipationProblem => {
    const problem = problemOf(error);
    // Developer detail (route, status, zod path) for the console; the panel words it for people.
    console.warn('[tweeling] participation:', error instanceof Error ? error.message : error);
    set({ problem, ...(problem.kind === 'unavailable' ? { availability: 'unavailable' as const } : {}) });
    return problem;
  };

  /** The resident's session token for this plan: kept, or a new one from the server. */
  const sessionToken = async (planId: number, fresh = false): Promise<string> => {
    const stored = readJson<{ token: string; expiresAt: string }>(deps.local(), key('session', planId));
    if (!fresh && stored && Date.parse(stored.expiresAt) > Date.now() + 60_000) return stored.token;
    const session = await deps.client().startSession(planId);
    writeJson(deps.local(), key('session', planId), session);
    return session.token;
  };

  /** Runs a write with the session; a token the server no longer knows is replaced once. */
  const withSession = async <T>(planId: number, write: (token: string) => Promise<T>): Promise<T> => {
    try {
      return await write(await sessionToken(planId));
    } catch (error) {
      if (isParticipationError(error) && error.code === 'unauthorised')
        return write(await sessionToken(planId, true));
      throw error;
    }
  };

  const saveDraft = (planId: number, draft: Draft) => {
    const empty = draft.text === '' && draft.point === null;
    writeJson(deps.local(), key('draft', planId), empty ? null : draft);
  };

  const requestScenario = (scenarioId: string | null) =>
    set({ scenarioRequest: { scenarioId, seq: ++scenarioSeq } });

  return {
    availability: 'unknown',
    plans: [],
    planId: null,
    plan: null,
    comments: [],
    stats: null,
    step: null,
    alternativeId: null,
    scenarioRequest: null,
    votedFor: null,
    agreed: [],
    placing: false,
    draft: EMPTY_DRAFT,
    sending: false,
    notice: null,
    problem: null,
    filter: { resource: 'all', sentiment: 'all' },
    openCommentId: null,
    moderatorView: false,
    moderatorToken: readJson<string>(participationDeps.session(), MODERATOR_KEY),
    moderated: [],
    live: 'off',
    room: false,
    joinFailed: false,

    check: async () => {
      set({ availability: 'checking', problem: null });
      try {
        await deps.client().health();
        const plans = await deps.client().plans();
        set({ availability: 'available', plans });
        const { planId, plan } = get();
        if (planId !== null && !plan) await get().reload();
      } catch (error) {
        fail(error);
        if (get().availability === 'checking') set({ availability: 'unavailable' });
      }
    },

    openPlan: async (id) => {
      planGeneration++;
      stopLive?.();
      stopLive = null;
      set({ live: 'off', joinFailed: false });
      if (id === null) {
        set({ planId: null, plan: null, comments: [], stats: null, step: null, alternativeId: null });
        set({ placing: false, openCommentId: null, moderated: [], notice: null, problem: null, room: false });
        return;
      }
      const local = deps.local();
      set({
        planId: id,
        plan: null,
        comments: [],
        stats: null,
        step: null,
        alternativeId: null,
        openCommentId: null,
        moderated: [],
        notice: null,
        problem: null,
        votedFor: readJson<number>(local, key('vote', id)),
        agreed: readJson<number[]>(local, key('agreed', id)) ?? [],
        draft: { ...EMPTY_DRAFT, ...readJson<Partial<Draft>>(local, key('draft', id)) },
      });
      listen(id);
      await get().reload();
    },

    join: async (code) => {
      if (code.trim() === '') return false;
      set({ joinFailed: false, problem: null });
      try {
        const id = await deps.client().join(code);
        await get().openPlan(id);
        return true;
      } catch (error) {
        if (isParticipationError(error) && error.code === 'not_found') set({ joinFailed: true });
        else fail(error);
        return false;
      }
    },

    setRoom: (room) => set({ room }),

    reload: async () => {
      const id = get().planId;
      if (id === null) return;
      const generation = planGeneration;
      try {
        const client = deps.client();
        const [plan, comments, stats] = await Promise.all([
          client.plan(id),
          client.comments(id),
          client.stats(id),
        ]);
        if (generation !== planGeneration) return;
        const alternativeId = get().alternativeId ?? plan.resources[0]?.id ?? null;
        set({ plan, comments, stats, alternativeId, availability: 'available', problem: null });
        if (get().moderatorView && get().moderatorToken) await get().loadModeration();
      } catch (error) {
        if (generation === planGeneration) fail(error);
      }
    },

    goToStep: (step) => {
      const plan = get().plan;
      if (!plan || step === null || plan.tour.length === 0) {
        set({ step: null });
        return;
      }
      const index = Math.min(Math.max(step, 0), plan.tour.length - 1);
      const tourStep = plan.tour[index]!;
      const pose = stepPose(tourStep);
      if (pose) useAppStore.getState().requestCamera(pose);
      const layers = useLayersStore.getState();
      for (const id of tourStep.layers) if (isLayerId(id)) layers.setVisible(id, true);
      // A step about an alternative makes it the one being looked at (and commented on).
      const alternative =
        tourStep.scenarioId === null
          ? undefined
          : plan.resources.find((r) => r.scenarioId === tourStep.scenarioId);
      set({ step: index, ...(alternative ? { alternativeId: alternative.id } : {}) });
      requestScenario(tourStep.scenarioId);
    },

    chooseAlternative: (id) => {
      const alternative = get().plan?.resources.find((r) => r.id === id);
      if (!alternative) return;
      set({ alternativeId: id });
      requestScenario(alternative.scenarioId);
    },

    setPlacing: (placing) => set({ placing }),

    setPin: (point, camera) => {
      get().setDraft({ point, camera });
      set({ placing: false });
    },

    setDraft: (change) => {
      const draft = { ...get().draft, ...change };
      set({ draft, notice: null });
      const id = get().planId;
      if (id !== null) saveDraft(id, draft);
    },

    sendComment: async () => {
      const { planId, draft, alternativeId, sending } = get();
      if (planId === null || sending || draft.text.trim() === '') return false;
      set({ sending: true, problem: null, notice: null });
      try {
        const created = await withSession(planId, (token) =>
          deps.client().postComment(planId, token, {
            text: draft.text,
            resourceId: alternativeId,
            sentiment: draft.sentiment,
            location: draft.point,
            camera: draft.camera,
            displayName: draft.displayName.trim() === '' ? null : draft.displayName,
          }),
        );
        const published = created.status === undefined || created.status === 'published';
        const kept = { ...EMPTY_DRAFT, displayName: draft.displayName };
        saveDraft(planId, kept);
        set((s) => ({
          draft: kept,
          comments: published ? withComment(s.comments, created) : s.comments,
          notice: published ? 'sent' : 'sentPending',
          openCommentId: published ? created.id : s.openCommentId,
        }));
        void refreshStats(planId);
        return true;
      } catch (error) {
        const problem = fail(error);
        // The draft is already on this device; say so when the server is the problem.
        if (problem.kind === 'unavailable') set({ notice: 'draftKept' });
        return false;
      } finally {
        set({ sending: false });
      }
    },

    sendReply: async (parentId, text) => {
      const { planId } = get();
      if (planId === null || text.trim() === '') return false;
      set({ problem: null, notice: null });
      try {
        const created = await withSession(planId, (token) =>
          deps.client().postComment(planId, token, {
            text,
            resourceId: null,
            parentId,
            sentiment: 'neutral',
            location: null,
            camera: null,
            displayName: get().draft.displayName.trim() === '' ? null : get().draft.displayName,
          }),
        );
        const published = created.status === undefined || created.status === 'published';
        set((s) => ({
          comments: published ? withComment(s.comments, created) : s.comments,
          notice: published ? 'sent' : 'sentPending',
        }));
        return true;
      } catch (error) {
        fail(error);
        return false;
      }
    },

    agree: async (commentId) => {
      const { planId } = get();
      if (planId === null || get().agreed.includes(commentId)) return;
      try {
        const { agreements } = await withSession(planId, (token) =>
          deps.client().agree(planId, commentId, token),
        );
        markAgreed(planId, commentId, agreements);
      } catch (error) {
        if (isParticipationError(error) && error.code === 'already_agreed')
          markAgreed(planId, commentId, null);
        else fail(error);
      }
    },

    vote: async (resourceId) => {
      const { planId } = get();
      if (planId === null || get().votedFor !== null) return;
      set({ problem: null, notice: null });
      try {
        await withSession(planId, (token) => deps.client().vote(planId, resourceId, token));
        writeJson(deps.local(), key('vote', planId), resourceId);
        set({ votedFor: resourceId, notice: 'voted' });
        await refreshStats(planId);
      } catch (error) {
        fail(error);
      }
    },

    setFilter: (change) => set((s) => ({ filter: { ...s.filter, ...change } })),

    openComment: (id) => {
      set({ openCommentId: id });
      if (id === null) return;
      const comment = get().comments.find((c) => c.id === id);
      if (comment?.camera) useAppStore.getState().requestCamera(comment.camera);
      if (comment?.resourceId != null && comment.resourceId !== get().alternativeId)
        get().chooseAlternative(comment.resourceId);
    },

    dismissNotice: () => set({ notice: null, problem: null }),

    setModeratorView: (moderatorView) => {
      set({ moderatorView });
      if (moderatorView && get().moderatorToken) void get().loadModeration();
    },

    loginModerator: async (token) => {
      const { planId } = get();
      const trimmed = token.trim();
      if (planId === null || trimmed === '') return false;
      try {
        await deps.client().checkModerator(planId, trimmed);
        writeJson(deps.session(), MODERATOR_KEY, trimmed);
        set({ moderatorToken: trimmed, problem: null });
        await get().loadModeration();
        return true;
      } catch (error) {
        fail(error);
        return false;
      }
    },

    logoutModerator: () => {
      writeJson(deps.session(), MODERATOR_KEY, null);
      set({ moderatorToken: null, moderated: [] });
    },

    loadModeration: async () => {
      const { planId, moderatorToken } = get();
      if (planId === null || !moderatorToken) return;
      try {
        set({ moderated: await deps.client().comments(planId, moderatorToken) });
      } catch (error) {
        fail(error);
      }
    },

    approve: async (commentId) => {
      const { planId, moderatorToken } = get();
      if (planId === null || !moderatorToken) return;
      try {
        await deps.client().approve(planId, commentId, moderatorToken);
        await Promise.all([get().loadModeration(), reloadComments(planId)]);
      } catch (error) {
        fail(error);
      }
    },

    hide: async (commentId, reason) => {
      const { planId, moderatorToken } = get();
      if (planId === null || !moderatorToken || reason.trim() === '') return false;
      try {
        await deps.client().hide(planId, commentId, moderatorToken, reason);
        await Promise.all([get().loadModeration(), reloadComments(planId)]);
        return true;
      } catch (error) {
        fail(error);
        return false;
      }
    },

    exportComments: async (format) => {
      const { planId, moderatorToken } = get();
      if (planId === null || !moderatorToken) return null;
      try {
        return await deps.client().exportFile(planId, format, moderatorToken);
      } catch (error) {
        fail(error);
        return null;
      }
    },
  };

  /** Others' new pins appear as they are published; after a drop, the list is read again. */
  function listen(planId: number) {
    const factory = deps.events();
    if (!factory) return;
    stopLive = subscribeToPins(
      endpoints.participation,
      planId,
      {
        onPin: (comment) => {
          if (get().planId !== planId) return;
          set((s) => ({ comments: withComment(s.comments, comment) }));
        },
        onState: (live) => {
          if (get().planId === planId) set({ live });
        },
        onResync: () => void reloadComments(planId).catch(() => undefined),
      },
      factory,
    );
  }

  function markAgreed(planId: number, commentId: number, agreements: number | null) {
    const agreed = [...get().agreed, commentId];
    writeJson(deps.local(), key('agreed', planId), agreed);
    set((s) => ({
      agreed,
      comments:
        agreements === null
          ? s.comments
          : s.comments.map((c) => (c.id === commentId ? { ...c, agreements } : c)),
    }));
  }

  async function refreshStats(planId: number) {
    try {
      const stats = await deps.client().stats(planId);
      if (get().planId === planId) set({ stats });
    } catch {
      // The count stays as it was; the next reload tries again.
    }
  }

  async function reloadComments(planId: number) {
    const comments = await deps.client().comments(planId);
    if (get().planId === planId) set({ comments });
  }
});

/**
 * The list with `comment` in it once: one's own new comment can arrive twice, from the answer to
 * sending it and from the live stream, in either order.
 */
export function withComment(comments: readonly PlanComment[], comment: PlanComment): PlanComment[] {
  return comments.some((c) => c.id === comment.id) ? [...comments] : [...comments, comment];
}

/** Top-level comments (pins and general remarks) that pass the filter, newest first. */
export function filteredComments(comments: readonly PlanComment[], filter: CommentFilter): PlanComment[] {
  return comments
    .filter((c) => c.parentId === null)
    .filter((c) => filter.resource === 'all' || c.resourceId === filter.resource)
    .filter((c) => filter.sentiment === 'all' || c.sentiment === filter.sentiment)
    .sort((a, b) => b.id - a.id);
}

export function repliesTo(comments: readonly PlanComment[], parentId: number): PlanComment[] {
  return comments.filter((c) => c.parentId === parentId).sort((a, b) => a.id - b.id);
}

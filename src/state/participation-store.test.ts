import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeEventSource } from '../../tests/support/fake-event-source.ts';
import { VIEWPOINTS } from '../config/viewpoints.ts';
import { createParticipationClient, type FetchLike } from '../sources/participation/client.ts';
import { useAppStore } from './app-store.ts';
import { useLayersStore } from './layers-store.ts';
import {
  EMPTY_DRAFT,
  filteredComments,
  participationDeps,
  useParticipationStore,
  type KeyValueStorage,
} from './participation-store.ts';

/**
 * A stand-in for the participation server (shapes as server/README.md documents them): enough routes
 * for the store, and a switch that makes it go down like a stopped server behind Vite's proxy (502).
 */
function fakeServer() {
  const state = {
    down: false,
    comments: [] as Record<string, unknown>[],
    votes: [] as number[],
    sessions: 0,
    requests: [] as string[],
  };
  const plan = {
    id: 1,
    title: { nl: 'Mariaplaats', en: 'Mariaplaats' },
    text: { nl: 'Tekst', en: 'Text' },
    area: {
      type: 'Polygon',
      coordinates: [
        [
          [5.1, 52],
          [5.2, 52],
          [5.2, 52.1],
          [5.1, 52],
        ],
      ],
    },
    tour: [
      {
        title: { nl: 'Stap 1', en: 'Step 1' },
        text: { nl: 'a', en: 'a' },
        viewpoint: 'home',
        layers: [],
        scenarioId: null,
      },
      {
        title: { nl: 'Stap 2', en: 'Step 2' },
        text: { nl: 'b', en: 'b' },
        viewpoint: 'domtoren',
        layers: ['bgt-trees', 'heat'],
        scenarioId: 'heat-mariaplaats-park',
      },
    ],
    resources: [
      {
        id: 1,
        title: { nl: 'Park', en: 'Park' },
        summary: { nl: 's', en: 's' },
        scenarioId: 'heat-mariaplaats-park',
      },
      { id: 2, title: { nl: 'Garage', en: 'Garage' }, summary: { nl: 's', en: 's' }, scenarioId: null },
    ],
    joinCode: 'ABC123',
    open: true,
    settings: {
      moderation: false,
      voteVisibility: 'always',
      opensAt: null,
      closesAt: null,
      retentionDays: 60,
    },
  };
  const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });
  const fetch: FetchLike = async (url, init) => {
    const method = init?.method ?? 'GET';
    state.requests.push(`${method} ${url}`);
    if (state.down) return new Response('', { status: 502 });
    const body = init?.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : {};
    const route = `${method} ${url}`;
    if (route === 'GET /api/health') return json({ status: 'ok', database: 'pglite' });
    if (route === 'GET /api/project')
      return json([{ id: 1, title: plan.title, open: true, joinCode: 'ABC123' }]);
    if (route === 'GET /api/project/1') return json(plan);
    // The server ignores case and dashes in a join code.
    if (method === 'GET' && url.startsWith('/api/join/')) {
      const code = decodeURIComponent(url.slice('/api/join/'.length)).toUpperCase().replaceAll('-', '');
      if (code === plan.joinCode) return json({ projectId: 1 });
    }
    if (route === 'GET /api/project/1/comment') return json(state.comments);
    if (route === 'GET /api/project/1/stats')
      return json({
        votesVisible: true,
        votes: [1, 2].map((id) => ({ resourceId: id, votes: state.votes.filter((v) => v === id).length })),
        commentsPerSentiment: { for: 0, against: 0, neutral: 0 },
      });
    if (route === 'POST /api/project/1/participant') {
      state.sessions++;
      return json(
        { token: `session-token-${state.sessions}-xxxxxxxx`, expiresAt: '2999-01-01T00:00:00Z' },
        201,
      );
    }
    if (route === 'POST /api/project/1/comment') {
      const comment = {
        id: state.comments.length + 1,
        resourceId: body['resourceId'] ?? null,
        parentId: body['parentId'] ?? null,
        displayName: body['displayName'] ?? null,
        text: body['text'],
        sentiment: body['sentiment'],
        location: body['location'] ?? null,
        camera: body['camera'] ?? null,
        agreements: 0,
        createdAt: '2026-05-01T10:00:00Z',
      };
      state.comments.push(comment);
      return json({ ...comment, status: 'published' }, 201);
    }
    if (route === 'POST /api/project/1/vote') {
      if (state.votes.length > 0)
        return json(
          { error: { code: 'already_voted', message: 'You have already voted on this plan.' } },
          409,
        );
      state.votes.push(Number(body['resourceId']));
      return json({ id: 1, resourceId: body['resourceId'] }, 201);
    }
    return json({ error: { code: 'not_found', message: `No route ${route}` } }, 404);
  };
  return { state, fetch };
}

function memoryStorage(): KeyValueStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

const realDeps = { ...participationDeps };
let server: ReturnType<typeof fakeServer>;
let local: ReturnType<typeof memoryStorage>;

beforeEach(async () => {
  server = fakeServer();
  local = memoryStorage();
  const client = createParticipationClient({ baseUrl: '/api', fetch: server.fetch });
  participationDeps.client = () => client;
  participationDeps.local = () => local;
  participationDeps.session = () => memoryStorage();
  participationDeps.events = () => null;
  await useParticipationStore.getState().openPlan(null);
  useParticipationStore.setState({ availability: 'unknown', draft: EMPTY_DRAFT, moderatorToken: null });
});
afterEach(() => Object.assign(participationDeps, realDeps));

const PIN = { lon: 5.118, lat: 52.09, height: 0 };
const VIEW = { lon: 5.118, lat: 52.087, height: 300, heading: 0, pitch: -45, roll: 0 };

describe('participation store', () => {
  it('finds the server and its plans, opens a plan with the first alternative chosen', async () => {
    await useParticipationStore.getState().check();
    expect(useParticipationStore.getState().availability).toBe('available');
    expect(useParticipationStore.getState().plans.map((p) => p.id)).toEqual([1]);
    await useParticipationStore.getState().openPlan(1);
    const s = useParticipationStore.getState();
    expect(s.plan?.title.nl).toBe('Mariaplaats');
    expect(s.alternativeId).toBe(1);
  });

  it('says "unavailable" when the server is down, and nothing else breaks', async () => {
    server.state.down = true;
    await useParticipationStore.getState().check();
    expect(useParticipationStore.getState().availability).toBe('unavailable');
    expect(useParticipationStore.getState().problem?.kind).toBe('unavailable');
  });

  it('moves the camera, switches known layers on and asks for the scenario of a tour step', async () => {
    await useParticipationStore.getState().openPlan(1);
    useLayersStore.getState().setVisible('bgt-trees', false);
    useParticipationStore.getState().goToStep(1);
    const s = useParticipationStore.getState();
    expect(s.step).toBe(1);
    const domtoren = VIEWPOINTS.find((v) => v.id === 'domtoren')!.pose;
    expect(useAppStore.getState().cameraRequest?.pose).toEqual(domtoren);
    expect(useLayersStore.getState().layers['bgt-trees'].visible).toBe(true);
    expect(s.scenarioRequest?.scenarioId).toBe('heat-mariaplaats-park');
    // The step is about the park: comments now go to that alternative.
    expect(s.alternativeId).toBe(1);
    useParticipationStore.getState().chooseAlternative(2);
    expect(useParticipationStore.getState().scenarioRequest?.scenarioId).toBeNull();
    expect(useParticipationStore.getState().alternativeId).toBe(2);
  });

  it('sends a pinned comment with the view and the alternative, with a session it asks for once', async () => {
    await useParticipationStore.getState().openPlan(1);
    const store = useParticipationStore.getState();
    store.chooseAlternative(2);
    store.setPin(PIN, VIEW);
    store.setDraft({ text: 'Te weinig bomen', sentiment: 'against' });
    expect(await useParticipationStore.getState().sendComment()).toBe(true);
    const s = useParticipationStore.getState();
    expect(server.state.comments[0]).toMatchObject({
      text: 'Te weinig bomen',
      sentiment: 'against',
      resourceId: 2,
    });
    expect(server.state.comments[0]!['location']).toEqual(PIN);
    expect(server.state.comments[0]!['camera']).toEqual(VIEW);
    expect(s.comments).toHaveLength(1);
    expect(s.notice).toBe('sent');
    expect(s.draft.text).toBe('');
    expect(local.map.has('tweeling.participation.draft.1')).toBe(false);
    await useParticipationStore.getState().sendReply(1, 'Eens');
    expect(server.state.sessions).toBe(1);
  });

  it('keeps the comment as a draft on this device when the server goes down, and sends it later', async () => {
    await useParticipationStore.getState().openPlan(1);
    useParticipationStore.getState().setPin(PIN, VIEW);
    useParticipationStore.getState().setDraft({ text: 'Meer bankjes graag', sentiment: 'for' });
    server.state.down = true;
    expect(await useParticipationStore.getState().sendComment()).toBe(false);
    expect(useParticipationStore.getState().notice).toBe('draftKept');
    expect(useParticipationStore.getState().availability).toBe('unavailable');
    expect(JSON.parse(local.map.get('tweeling.participation.draft.1')!)).toMatchObject({
      text: 'Meer bankjes graag',
      point: PIN,
    });

    // A new visit (page reloaded): the draft comes back from the device and can be sent.
    await useParticipationStore.getState().openPlan(null);
    server.state.down = false;
    await useParticipationStore.getState().openPlan(1);
    expect(useParticipationStore.getState().draft).toMatchObject({
      text: 'Meer bankjes graag',
      sentiment: 'for',
    });
    expect(await useParticipationStore.getState().sendComment()).toBe(true);
    expect(server.state.comments.map((c) => c['text'])).toEqual(['Meer bankjes graag']);
  });

  it('votes once, remembers it, and shows the server refusing a second vote in words it can translate', async () => {
    await useParticipationStore.getState().openPlan(1);
    await useParticipationStore.getState().vote(2);
    let s = useParticipationStore.getState();
    expect(s.votedFor).toBe(2);
    expect(s.stats?.votes?.find((v) => v.resourceId === 2)?.votes).toBe(1);
    // The device forgot (another browser): the server still says no.
    local.map.delete('tweeling.participation.vote.1');
    await useParticipationStore.getState().openPlan(1);
    await useParticipationStore.getState().vote(1);
    s = useParticipationStore.getState();
    expect(s.problem).toEqual({ kind: 'refused', code: 'already_voted' });
    expect(server.state.votes).toEqual([2]);
  });

  it('filters the list by alternative and sentiment, replies stay with their thread', () => {
    const base = {
      displayName: null,
      location: null,
      camera: null,
      agreements: 0,
      createdAt: '2026-05-01T10:00:00Z',
      text: 't',
    };
    const comments = [
      { ...base, id: 1, resourceId: 1, parentId: null, sentiment: 'for' as const },
      { ...base, id: 2, resourceId: 2, parentId: null, sentiment: 'against' as const },
      { ...base, id: 3, resourceId: 1, parentId: 1, sentiment: 'neutral' as const },
      { ...base, id: 4, resourceId: 1, parentId: null, sentiment: 'against' as const },
    ];
    expect(filteredComments(comments, { resource: 'all', sentiment: 'all' }).map((c) => c.id)).toEqual([
      4, 2, 1,
    ]);
    expect(filteredComments(comments, { resource: 1, sentiment: 'all' }).map((c) => c.id)).toEqual([4, 1]);
    expect(filteredComments(comments, { resource: 1, sentiment: 'against' }).map((c) => c.id)).toEqual([4]);
  });

  it('opens the plan behind a room code, and says so when a code leads nowhere', async () => {
    expect(await useParticipationStore.getState().join(' abc-123 ')).toBe(true);
    expect(useParticipationStore.getState().planId).toBe(1);
    await useParticipationStore.getState().openPlan(null);
    expect(await useParticipationStore.getState().join('ZZZ999')).toBe(false);
    const s = useParticipationStore.getState();
    expect(s.joinFailed).toBe(true);
    expect(s.planId).toBeNull();
    // A wrong code is the person's typo, not a broken server.
    expect(s.problem).toBeNull();
    expect(s.availability).not.toBe('unavailable');
  });

  it("shows others' pins as they are published, once each, and re-reads what a dropped stream missed", async () => {
    const streams: FakeEventSource[] = [];
    participationDeps.events = () => (url) => {
      const stream = new FakeEventSource(url);
      streams.push(stream);
      return stream;
    };
    await useParticipationStore.getState().openPlan(1);
    expect(streams.map((s) => s.url)).toEqual(['/api/project/1/events']);
    expect(useParticipationStore.getState().live).toBe('connecting');
    streams[0]!.emit('ready', '{}');
    expect(useParticipationStore.getState().live).toBe('live');

    const other = {
      id: 41,
      resourceId: 1,
      parentId: null,
      displayName: null,
      text: 'Meer bankjes',
      sentiment: 'for',
      location: PIN,
      camera: VIEW,
      agreements: 0,
      createdAt: '2026-05-01T10:00:00Z',
    };
    streams[0]!.emit('pin', JSON.stringify(other));
    streams[0]!.emit('pin', JSON.stringify(other));
    expect(useParticipationStore.getState().comments.map((c) => c.id)).toEqual([41]);

    // Published while the connection was down: only the re-read brings it.
    server.state.comments.push(other, { ...other, id: 42, text: 'Minder auto’s' });
    streams[0]!.fail(0);
    expect(useParticipationStore.getState().live).toBe('reconnecting');
    streams[0]!.emit('ready', '{}');
    await expect
      .poll(() =>
        useParticipationStore
          .getState()
          .comments.map((c) => c.id)
          .sort(),
      )
      .toEqual([41, 42]);

    // One's own comment comes back on the stream too, here before the answer to sending it: shown once.
    const ownId = server.state.comments.length + 1;
    streams[0]!.emit('pin', JSON.stringify({ ...other, id: ownId, text: 'Eigen reactie' }));
    useParticipationStore.getState().setDraft({ text: 'Eigen reactie' });
    expect(await useParticipationStore.getState().sendComment()).toBe(true);
    expect(useParticipationStore.getState().comments.filter((c) => c.id === ownId)).toHaveLength(1);

    await useParticipationStore.getState().openPlan(null);
    expect(streams[0]!.closed).toBe(true);
    expect(useParticipationStore.getState().live).toBe('off');
  });
});

/**
 * Room mode's live feed: the server's Server-Sent Events stream of newly published pins
 * (`GET /api/project/:id/events`, server/README.md). The browser's EventSource reconnects by
 * itself after a dropped connection; when the server refuses the stream (it closes for good) this
 * opens a new one after a pause. Every pin is checked with the same schema as the REST answers;
 * one that does not fit is skipped, never shown half.
 */
import { commentSchema, type PlanComment } from './schema.ts';

/** The part of the browser's EventSource this feed uses (a fake one in tests). */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener: (type: string, listener: (event: { data: string }) => void) => void;
  onerror: ((event: Event) => void) | null;
  close: () => void;
}

export type EventSourceFactory = (url: string) => EventSourceLike;

/** `live`: the stream is open; `reconnecting`: it dropped and is being opened again. */
export type LiveState = 'connecting' | 'live' | 'reconnecting';

export interface LiveHandlers {
  onPin: (comment: PlanComment) => void;
  onState: (state: LiveState) => void;
  /** The stream is back after a drop: pins published meanwhile were missed, so read them again. */
  onResync: () => void;
}

/** EventSource.CLOSED: the browser gave up (an error status or not an event stream). */
const CLOSED = 2;
/** Pause before opening a stream the server closed; a restarting server needs a few seconds. */
export const REOPEN_DELAY_MS = 5_000;

export function subscribeToPins(
  baseUrl: string,
  projectId: number,
  handlers: LiveHandlers,
  open: EventSourceFactory,
): () => void {
  const url = `${baseUrl.replace(/\/+$/, '')}/project/${encodeURIComponent(String(projectId))}/events`;
  let source: EventSourceLike | null = null;
  let reopenTimer: ReturnType<typeof setTimeout> | null = null;
  let everLive = false;
  let stopped = false;

  const connect = () => {
    handlers.onState(everLive ? 'reconnecting' : 'connecting');
    const current = open(url);
    source = current;
    current.addEventListener('ready', () => {
      if (stopped || source !== current) return;
      handlers.onState('live');
      if (everLive) handlers.onResync();
      everLive = true;
    });
    current.addEventListener('pin', (event) => {
      if (stopped || source !== current) return;
      let json: unknown;
      try {
        json = JSON.parse(event.data);
      } catch {
        return;
      }
      const parsed = commentSchema.safeParse(json);
      if (parsed.success) handlers.onPin(parsed.data);
    });
    current.onerror = () => {
      if (stopped || source !== current) return;
      handlers.onState('reconnecting');
      if (current.readyState !== CLOSED) return; // the browser is already trying again
      current.close();
      reopenTimer = setTimeout(connect, REOPEN_DELAY_MS);
    };
  };

  connect();
  return () => {
    stopped = true;
    if (reopenTimer !== null) clearTimeout(reopenTimer);
    source?.close();
  };
}

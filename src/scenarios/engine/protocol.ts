import { InvalidScenarioError, runScenario, type RunOutcome } from './runner.ts';
import { CancelledError, type KindRegistry, type ScenarioIssue, type ScenarioOutput } from './types.ts';

/** Main thread → worker. */
export type WorkerRequest =
  | { type: 'run'; id: number; scenario: unknown; baseline: unknown; compare?: boolean }
  | { type: 'cancel'; id: number };

/** Worker → main thread. */
export type WorkerResponse =
  | { type: 'progress'; id: number; fraction: number }
  | { type: 'result'; id: number; outcome: RunOutcome }
  | { type: 'error'; id: number; code: 'invalid'; message: string; issues: ScenarioIssue[] }
  | { type: 'error'; id: number; code: 'cancelled' | 'failed'; message: string };

export type Post = (message: WorkerResponse, transfer: Transferable[]) => void;

/**
 * The worker's message handler as a plain function, so tests drive it without a Worker. Runs are
 * independent: each has its own AbortController; "cancel" for an unknown or finished id is ignored.
 * Progress is throttled to one message per `progressMs`.
 */
export function createMessageHandler(
  post: Post,
  kinds: KindRegistry,
  progressMs = 100,
): (request: WorkerRequest) => Promise<void> {
  const running = new Map<number, AbortController>();
  return async (request) => {
    if (request.type === 'cancel') {
      running.get(request.id)?.abort();
      return;
    }
    const { id } = request;
    const controller = new AbortController();
    running.set(id, controller);
    let lastProgress = -Infinity;
    try {
      const outcome = await runScenario(request, kinds, {
        signal: controller.signal,
        onProgress: (fraction) => {
          const now = performance.now();
          if (now - lastProgress < progressMs && fraction < 1) return;
          lastProgress = now;
          post({ type: 'progress', id, fraction }, []);
        },
      });
      post({ type: 'result', id, outcome }, transferables(outcome));
    } catch (error) {
      if (error instanceof InvalidScenarioError)
        post({ type: 'error', id, code: 'invalid', message: error.message, issues: error.issues }, []);
      else if (error instanceof CancelledError)
        post({ type: 'error', id, code: 'cancelled', message: error.message }, []);
      else
        post(
          {
            type: 'error',
            id,
            code: 'failed',
            message: error instanceof Error ? error.message : String(error),
          },
          [],
        );
    } finally {
      running.delete(id);
    }
  };
}

/** The typed-array buffers of an outcome, moved (not copied) to the main thread. */
export function transferables(outcome: RunOutcome): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const add = (output: ScenarioOutput | undefined) => {
    for (const field of Object.values(output?.fields ?? {}))
      if (field.values.buffer instanceof ArrayBuffer) buffers.add(field.values.buffer);
  };
  add(outcome.output);
  add(outcome.baseline);
  for (const field of Object.values(outcome.difference?.fields ?? {}))
    if (field.values.buffer instanceof ArrayBuffer) buffers.add(field.values.buffer);
  return [...buffers];
}

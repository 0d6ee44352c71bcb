import type { WorkerLike } from './client.ts';
import { createMessageHandler, type WorkerRequest, type WorkerResponse } from './protocol.ts';
import type { KindRegistry } from './types.ts';

/**
 * A Worker stand-in that runs the real message handler on the calling thread, replies delivered
 * asynchronously like a Worker's. For tests (and `silent` to simulate a worker that never answers).
 */
export function inProcessWorker(
  kinds: KindRegistry,
  options: { silent?: boolean } = {},
): { worker: WorkerLike; sent: WorkerRequest[] } {
  const sent: WorkerRequest[] = [];
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    terminate: () => {},
    postMessage: (message) => {
      sent.push(message);
      if (!options.silent) void handle(message);
    },
  };
  const handle = createMessageHandler((message) => {
    setTimeout(() => worker.onmessage?.({ data: message } as MessageEvent<WorkerResponse>), 0);
  }, kinds);
  return { worker, sent };
}

/// <reference lib="webworker" />
/**
 * The scenario engine's Web Worker. Create it with Vite's worker syntax:
 * `new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })` (client.ts does).
 * All logic lives in protocol.ts so it can be tested without a Worker.
 */
import { SCENARIO_KINDS } from './engine-kinds.ts';
import { createMessageHandler, type WorkerRequest } from './protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createMessageHandler(
  (message, transfer) => scope.postMessage(message, transfer),
  SCENARIO_KINDS,
);
scope.onmessage = (event: MessageEvent<WorkerRequest>) => void handle(event.data);

import type { WorkerRequest, WorkerResponse } from './protocol.ts';
import type { RunOutcome } from './runner.ts';
import type { ScenarioIssue } from './types.ts';

/** The part of a Worker the client uses, so tests can pass an in-process stand-in. */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

export class ScenarioRunError extends Error {
  constructor(
    readonly code: 'invalid' | 'cancelled' | 'failed' | 'timeout' | 'crashed',
    message: string,
    readonly issues: ScenarioIssue[] = [],
  ) {
    super(message);
    this.name = 'ScenarioRunError';
  }
}

export interface ClientRunOptions {
  compare?: boolean;
  /** Cancel and reject with code "timeout" after this long (default 60 s). */
  timeoutMs?: number;
  onProgress?: (fraction: number) => void;
  /** Aborting cancels the run and rejects with code "cancelled". */
  signal?: AbortSignal;
}

export interface RunHandle {
  id: number;
  result: Promise<RunOutcome>;
  cancel(): void;
}

interface Pending {
  resolve(outcome: RunOutcome): void;
  reject(error: ScenarioRunError): void;
  onProgress?: (fraction: number) => void;
  cleanup(): void;
}

/** Vite bundles the worker from this expression (it must stay literally in this form). */
export function createScenarioWorker(): WorkerLike {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;
}

/**
 * Main-thread side of the engine: one promise per run, cancel, timeout. The worker is started on
 * the first run; if it crashes every pending run is rejected and the next run starts a fresh one.
 */
export class ScenarioClient {
  private worker: WorkerLike | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly createWorker: () => WorkerLike = createScenarioWorker) {}

  run(scenario: unknown, baseline: unknown, options: ClientRunOptions = {}): RunHandle {
    const id = this.nextId++;
    const worker = this.ensureWorker();
    const { timeoutMs = 60_000, signal } = options;
    const cancel = () => {
      if (this.pending.has(id)) worker.postMessage({ type: 'cancel', id });
    };
    const result = new Promise<RunOutcome>((resolve, reject) => {
      if (signal?.aborted) {
        reject(new ScenarioRunError('cancelled', 'the run was cancelled'));
        return;
      }
      const timer = setTimeout(() => {
        cancel();
        this.settle(id)?.reject(new ScenarioRunError('timeout', `no result after ${timeoutMs} ms`));
      }, timeoutMs);
      const onAbort = () => cancel();
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(id, {
        resolve,
        reject,
        onProgress: options.onProgress,
        cleanup: () => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
        },
      });
      try {
        worker.postMessage({ type: 'run', id, scenario, baseline, compare: options.compare });
      } catch (error) {
        // e.g. a value that cannot be cloned into the worker
        this.settle(id)?.reject(
          new ScenarioRunError('failed', error instanceof Error ? error.message : String(error)),
        );
      }
    });
    return { id, result, cancel };
  }

  /** Stops the worker and rejects whatever is still running. */
  dispose(): void {
    this.failAll('cancelled', 'the scenario engine was stopped');
    this.worker?.terminate();
    this.worker = null;
  }

  private ensureWorker(): WorkerLike {
    if (this.worker) return this.worker;
    const worker = this.createWorker();
    worker.onmessage = (event) => this.receive(event.data);
    worker.onerror = (event) => {
      this.failAll('crashed', `the scenario worker stopped: ${event.message}`);
      worker.terminate();
      if (this.worker === worker) this.worker = null;
    };
    this.worker = worker;
    return worker;
  }

  private receive(message: WorkerResponse): void {
    if (message.type === 'progress') {
      this.pending.get(message.id)?.onProgress?.(message.fraction);
      return;
    }
    const p = this.settle(message.id);
    if (!p) return; // timed out or cancelled already
    if (message.type === 'result') p.resolve(message.outcome);
    else
      p.reject(
        new ScenarioRunError(message.code, message.message, message.code === 'invalid' ? message.issues : []),
      );
  }

  private settle(id: number): Pending | undefined {
    const p = this.pending.get(id);
    if (!p) return undefined;
    this.pending.delete(id);
    p.cleanup();
    return p;
  }

  private failAll(code: ScenarioRunError['code'], message: string): void {
    for (const id of [...this.pending.keys()]) this.settle(id)?.reject(new ScenarioRunError(code, message));
  }
}

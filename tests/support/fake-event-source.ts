import type { EventSourceLike } from '../../src/sources/participation/live.ts';

/** A stand-in for the browser's EventSource: the test plays the server. */
export class FakeEventSource implements EventSourceLike {
  readyState = 0;
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  private listeners = new Map<string, ((event: { data: string }) => void)[]>();
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (event: { data: string }) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  emit(type: string, data: string) {
    if (type === 'ready') this.readyState = 1;
    for (const listener of this.listeners.get(type) ?? []) listener({ data });
  }
  /** A dropped connection: the browser retries (0) or has given up (2). */
  fail(readyState: 0 | 2) {
    this.readyState = readyState;
    this.onerror?.(new Event('error'));
  }
}

/**
 * A virtual clock for tests: timers fire in due order as soon as the event loop is otherwise idle,
 * and `now()` jumps to each timer's due time. Retries, Retry-After and timeouts therefore run
 * instantly, while the test can still assert how long the code *would* have waited.
 */
import type { Clock } from '../../src/sources/http/clock.ts';

export interface TestClock extends Clock {
  /** Durations passed to setTimer, in call order (timeouts and sleeps alike). */
  readonly timers: number[];
  /** Durations of timers that actually fired. */
  readonly fired: number[];
  advance(ms: number): void;
}

interface Timer {
  due: number;
  ms: number;
  seq: number;
  fn: () => void;
}

export function createTestClock(startMs = Date.parse('2026-08-20T10:00:00Z')): TestClock {
  let now = startMs;
  let seq = 0;
  let scheduled = false;
  const pending: Timer[] = [];
  const timers: number[] = [];
  const fired: number[] = [];

  function flush() {
    scheduled = false;
    pending.sort((a, b) => a.due - b.due || a.seq - b.seq);
    const next = pending.shift();
    if (!next) return;
    now = Math.max(now, next.due);
    fired.push(next.ms);
    next.fn();
    schedule();
  }

  function schedule() {
    if (scheduled || pending.length === 0) return;
    scheduled = true;
    // setImmediate runs after pending promise jobs and I/O, so a timer only fires when the code
    // under test is genuinely waiting for it.
    setImmediate(flush);
  }

  return {
    timers,
    fired,
    now: () => now,
    setTimer(fn, ms) {
      const timer: Timer = { due: now + ms, ms, seq: seq++, fn };
      timers.push(ms);
      pending.push(timer);
      schedule();
      return () => {
        const i = pending.indexOf(timer);
        if (i >= 0) pending.splice(i, 1);
      };
    },
    advance(ms) {
      now += ms;
    },
  };
}

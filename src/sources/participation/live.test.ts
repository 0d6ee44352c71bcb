import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeEventSource as FakeStream } from '../../../tests/support/fake-event-source.ts';
import { REOPEN_DELAY_MS, subscribeToPins, type LiveState } from './live.ts';
import type { PlanComment } from './schema.ts';

const pin = (id: number): PlanComment => ({
  id,
  resourceId: 1,
  parentId: null,
  displayName: null,
  text: `Pin ${id}`,
  sentiment: 'for',
  location: { lon: 5.12, lat: 52.09, height: 2 },
  camera: null,
  agreements: 0,
  createdAt: '2026-12-06T10:00:00.000Z',
});

function watch() {
  const streams: FakeStream[] = [];
  const pins: PlanComment[] = [];
  const states: LiveState[] = [];
  const onResync = vi.fn();
  const stop = subscribeToPins(
    '/api/',
    7,
    { onPin: (p) => pins.push(p), onState: (s) => states.push(s), onResync },
    (url) => {
      const stream = new FakeStream(url);
      streams.push(stream);
      return stream;
    },
  );
  return { streams, pins, states, onResync, stop };
}

afterEach(() => vi.useRealTimers());

describe('live pins (room mode)', () => {
  it("opens the plan's event stream, says when it is live and passes on each valid pin", () => {
    const { streams, pins, states } = watch();
    expect(streams.map((s) => s.url)).toEqual(['/api/project/7/events']);
    expect(states).toEqual(['connecting']);
    streams[0]!.emit('ready', '{"projectId":7}');
    expect(states.at(-1)).toBe('live');
    streams[0]!.emit('pin', JSON.stringify(pin(1)));
    expect(pins.map((p) => p.id)).toEqual([1]);
  });

  it('skips a pin that is not JSON or not a comment, and keeps listening', () => {
    const { streams, pins } = watch();
    streams[0]!.emit('ready', '{}');
    streams[0]!.emit('pin', '<b>not json');
    streams[0]!.emit('pin', JSON.stringify({ ...pin(2), sentiment: 'maybe' }));
    streams[0]!.emit('pin', JSON.stringify({ id: 3 }));
    streams[0]!.emit('pin', JSON.stringify(pin(4)));
    expect(pins.map((p) => p.id)).toEqual([4]);
  });

  it('after a drop that the browser repairs, says so and asks for a re-read of what was missed', () => {
    const { streams, states, onResync } = watch();
    streams[0]!.emit('ready', '{}');
    streams[0]!.fail(0);
    expect(states.at(-1)).toBe('reconnecting');
    expect(onResync).not.toHaveBeenCalled();
    streams[0]!.emit('ready', '{}'); // the browser's new connection gets the server's hello again
    expect(states.at(-1)).toBe('live');
    expect(onResync).toHaveBeenCalledTimes(1);
    expect(streams).toHaveLength(1);
  });

  it('opens a new stream after a pause when the server closed it for good', () => {
    vi.useFakeTimers();
    const { streams, states, onResync } = watch();
    streams[0]!.emit('ready', '{}');
    streams[0]!.fail(2);
    expect(streams[0]!.closed).toBe(true);
    vi.advanceTimersByTime(REOPEN_DELAY_MS - 1);
    expect(streams).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(streams).toHaveLength(2);
    expect(states.at(-1)).toBe('reconnecting');
    streams[1]!.emit('ready', '{}');
    expect(states.at(-1)).toBe('live');
    expect(onResync).toHaveBeenCalledTimes(1);
  });

  it('stops: closes the stream, cancels a pending reopen and ignores late events', () => {
    vi.useFakeTimers();
    const { streams, pins, stop } = watch();
    streams[0]!.emit('ready', '{}');
    streams[0]!.fail(2);
    stop();
    vi.advanceTimersByTime(REOPEN_DELAY_MS * 2);
    expect(streams).toHaveLength(1);
    streams[0]!.emit('pin', JSON.stringify(pin(5)));
    expect(pins).toEqual([]);
  });
});

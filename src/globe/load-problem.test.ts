import { RequestErrorEvent, RuntimeError } from 'cesium';
import { describe, expect, it } from 'vitest';
import { classifyLoadError } from './load-problem.ts';

describe('classifyLoadError', () => {
  it('reads a failed request without a status as a network problem', () => {
    expect(classifyLoadError(new RequestErrorEvent())).toEqual({ kind: 'network' });
  });
  it('keeps the HTTP status of a server error', () => {
    expect(classifyLoadError(new RequestErrorEvent(503))).toEqual({ kind: 'http', status: 503 });
  });
  it('reports unreadable data with its detail', () => {
    expect(classifyLoadError(new RuntimeError('Unsupported glTF version'))).toEqual({
      kind: 'invalid',
      detail: 'Unsupported glTF version',
    });
    expect(classifyLoadError('odd')).toEqual({ kind: 'invalid', detail: 'odd' });
  });
});

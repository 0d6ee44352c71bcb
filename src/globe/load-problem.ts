import type { LoadProblem } from '../state/app-store.ts';

/**
 * Classifies what Cesium reports when a tileset or tile fails: a request error without a status
 * means the network (offline, DNS, CORS); with one, the server answered with an error; anything
 * else means the data arrived but could not be read.
 */
export function classifyLoadError(error: unknown): LoadProblem {
  if (error && typeof error === 'object') {
    if ('statusCode' in error || error.constructor?.name === 'RequestErrorEvent') {
      const status = (error as { statusCode?: unknown }).statusCode;
      return typeof status === 'number' && status > 0 ? { kind: 'http', status } : { kind: 'network' };
    }
    if ('message' in error) return { kind: 'invalid', detail: String(error.message) };
  }
  return { kind: 'invalid', detail: String(error) };
}

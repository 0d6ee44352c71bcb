/**
 * A scripted `fetch` for tests: routes match on the URL, answer with a fixture or a failure, and
 * every call is recorded. Nothing here touches the network.
 */
export type FakeReply =
  Response | (() => Response | Promise<Response>) | { hang: true } | { networkError: true };

export interface FakeRoute {
  match: string | RegExp | ((url: URL, init: RequestInit | undefined) => boolean);
  /** Replies in order; the last one repeats. */
  replies: FakeReply[];
}

export interface FakeFetch {
  fetch: typeof fetch;
  calls: { url: string; init: RequestInit | undefined }[];
}

export function createFakeFetch(routes: FakeRoute[]): FakeFetch {
  const calls: FakeFetch['calls'] = [];
  const used = new Map<FakeRoute, number>();

  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    calls.push({ url, init });
    const parsed = new URL(url, 'http://app.test');
    const route = routes.find((r) =>
      typeof r.match === 'string'
        ? url === r.match || url.startsWith(r.match)
        : r.match instanceof RegExp
          ? r.match.test(url)
          : r.match(parsed, init),
    );
    if (!route) return new Response('no fake route', { status: 404 });
    const n = used.get(route) ?? 0;
    used.set(route, n + 1);
    const reply = route.replies[Math.min(n, route.replies.length - 1)];
    if (!reply) throw new Error(`route without replies for ${url}`);
    if ('hang' in reply) return hang(init?.signal);
    if ('networkError' in reply) throw new TypeError('Failed to fetch');
    if (typeof reply === 'function') return reply();
    // Rebuild rather than clone: cancelling one branch of a tee'd body never settles.
    const bytes = await reply.clone().arrayBuffer();
    return new Response(bytes, { status: reply.status, headers: reply.headers });
  };
  return { fetch: fetchImpl as typeof fetch, calls };
}

function hang(signal: AbortSignal | null | undefined): Promise<Response> {
  return new Promise((_, reject) => {
    signal?.addEventListener(
      'abort',
      () => reject(new DOMException('The operation was aborted.', 'AbortError')),
      {
        once: true,
      },
    );
  });
}

export function jsonResponse(body: unknown, init: ResponseInit = {}): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status: 200,
    ...init,
    headers: { 'content-type': 'application/json', ...(init.headers as Record<string, string> | undefined) },
  });
}

export function htmlResponse(status = 200): Response {
  return new Response(
    '<!DOCTYPE html><html><head><title>Service unavailable</title></head><body>Oops</body></html>',
    {
      status,
      headers: { 'content-type': 'text/html; charset=utf-8' },
    },
  );
}

/** A body that streams `totalBytes` without a Content-Length, to exercise the streamed size cap. */
export function hugeResponse(totalBytes: number, chunk = 64 * 1024): Response {
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= totalBytes) {
        controller.close();
        return;
      }
      const size = Math.min(chunk, totalBytes - sent);
      sent += size;
      controller.enqueue(new Uint8Array(size).fill(0x20));
    },
  });
  return new Response(stream, { status: 200, headers: { 'content-type': 'application/json' } });
}

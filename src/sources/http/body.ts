/**
 * Reading a response body defensively: a size cap (Content-Length first, then counting streamed
 * bytes, because many servers send no length) and sniffing for HTML where JSON was expected
 * (captive portals, proxies and error pages often answer 200 with HTML).
 */
import { readStreamWithin } from './limits.ts';

export class BodyTooLargeError extends Error {
  constructor(
    readonly limit: number,
    readonly seen: number,
  ) {
    super(`response exceeds ${limit} bytes (${seen} seen)`);
  }
}

/**
 * The body as bytes, never more than `maxBytes` (a declared length over it is refused before any
 * byte is read) and never after `signal` aborts (a server trickling bytes forever is cut off).
 */
export async function readBodyLimited(
  res: Response,
  maxBytes: number,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    // Do not download what we are going to throw away.
    void res.body?.cancel().catch(() => undefined);
    throw new BodyTooLargeError(maxBytes, declared);
  }
  if (!res.body) {
    const buf = new Uint8Array(await res.arrayBuffer());
    if (buf.byteLength > maxBytes) throw new BodyTooLargeError(maxBytes, buf.byteLength);
    return buf;
  }
  return readStreamWithin(res.body, maxBytes, (seen) => new BodyTooLargeError(maxBytes, seen), signal);
}

/** True when a body that should be JSON is really an HTML page. */
export function looksLikeHtml(text: string, contentType: string | null): boolean {
  if (contentType && /\b(text\/html|application\/xhtml\+xml)\b/i.test(contentType)) return true;
  const head = text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 200)
    .toLowerCase();
  return (
    head.startsWith('<!doctype html') ||
    head.startsWith('<html') ||
    head.startsWith('<head') ||
    head.startsWith('<body')
  );
}

import { INPUT_LIMITS } from '../config/input-limits.ts';
import { readBodyLimited } from '../sources/http/body.ts';
import { InputLimitError, parseJsonWithin } from '../sources/http/limits.ts';
/**
 * Fetches a JSON file from this site with download progress (when the server sends a length),
 * cancellable. Layer data in `public/data/layers/` is small and static; no retries needed.
 */
export async function fetchJsonWithProgress(
  url: string,
  signal: AbortSignal,
  onProgress: (fraction: number | null) => void,
): Promise<unknown> {
  const response = await fetch(url, { signal });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const total = Number(response.headers.get('content-length'));
  if (!response.body || !Number.isFinite(total) || total <= 0) {
    onProgress(null);
    // Our own files, but still read within the API limits (a misconfigured server can loop).
    const bytes = await readBodyLimited(response, INPUT_LIMITS.apiResponseBytes, signal);
    return parseJsonWithin(new TextDecoder().decode(bytes), 'apiResponseBytes');
  }
  if (total > INPUT_LIMITS.apiResponseBytes) throw new InputLimitError('apiResponseBytes', total);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    if (received > INPUT_LIMITS.apiResponseBytes) {
      void reader.cancel().catch(() => undefined);
      throw new InputLimitError('apiResponseBytes', received);
    }
    onProgress(Math.min(received / total, 1));
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return parseJsonWithin(new TextDecoder().decode(bytes), 'apiResponseBytes');
}

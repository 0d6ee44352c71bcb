/**
 * Response cache. The store interface is async-capable so a deployment can plug in IndexedDB or the
 * Cache API; the default is a bounded in-memory map, which works in Web Workers, Node and tests alike.
 */
export interface CacheEntry {
  /** The validated response body (JSON-compatible), not yet mapped to app types. */
  value: unknown;
  /** Epoch ms when the response was received. */
  fetchedAt: number;
  /** Redacted URL the value came from. */
  url: string;
}

export interface CacheStore {
  get(key: string): CacheEntry | undefined | Promise<CacheEntry | undefined>;
  set(key: string, entry: CacheEntry): void | Promise<void>;
  delete(key: string): void | Promise<void>;
}

/** In-memory store with least-recently-used eviction, so a long session cannot grow without bound. */
export function createMemoryStore(maxEntries = 500): CacheStore & { readonly size: number } {
  const map = new Map<string, CacheEntry>();
  return {
    get(key) {
      const entry = map.get(key);
      if (entry) {
        map.delete(key);
        map.set(key, entry);
      }
      return entry;
    },
    set(key, entry) {
      map.delete(key);
      map.set(key, entry);
      while (map.size > maxEntries) {
        const oldest = map.keys().next().value;
        if (oldest === undefined) break;
        map.delete(oldest);
      }
    },
    delete(key) {
      map.delete(key);
    },
    get size() {
      return map.size;
    },
  };
}

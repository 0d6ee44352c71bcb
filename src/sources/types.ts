/** Options every loader accepts. */
export interface LoadOptions {
  /** Abort when the user moves on; the loader rejects with a SourceError of kind 'aborted'. */
  signal?: AbortSignal;
  /** 'reload' bypasses a fresh cache entry (stale-if-error still applies). */
  cache?: 'default' | 'reload';
}

/** Spreads only the defined load options into a RequestSpec (keeps exactOptionalPropertyTypes-style hygiene). */
export function loadSpec(opts: LoadOptions | undefined): {
  signal?: AbortSignal;
  cache?: 'default' | 'reload';
} {
  const out: { signal?: AbortSignal; cache?: 'default' | 'reload' } = {};
  if (opts?.signal) out.signal = opts.signal;
  if (opts?.cache) out.cache = opts.cache;
  return out;
}

/** [lon, lat] in WGS84 degrees. */
export type LonLat = [number, number];

/** [minLon, minLat, maxLon, maxLat] in WGS84, or [minX, minY, maxX, maxY] in RD New when stated. */
export type BBox = [number, number, number, number];

/** Utrecht municipality extent (shared notes): RD New and WGS84. */
export const UTRECHT_BBOX_RD: BBox = [123000, 443000, 146000, 464000];
export const UTRECHT_BBOX_WGS84: BBox = [4.948, 52.011, 5.217, 52.155];

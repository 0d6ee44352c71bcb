/**
 * What a user-given URL points at. Checked before anything is fetched: only http(s) (or this
 * site's own paths), and a type guessed from the URL that the user may overrule.
 */
export const USER_LAYER_KINDS = [
  'geojson',
  'ogc-features',
  'sensorthings',
  '3dtiles',
  'wms',
  'wmts',
] as const;
export type UserLayerKind = (typeof USER_LAYER_KINDS)[number];

/** Kinds the deck.gl overlay draws (features); 3D Tiles and WMS/WMTS are drawn by the globe itself. */
export const DRAWABLE_KINDS: readonly UserLayerKind[] = ['geojson', 'ogc-features', 'sensorthings'];

/** Kinds the Cesium globe draws: a 3D Tiles tileset, or imagery on the ground. */
export const GLOBE_KINDS: readonly UserLayerKind[] = ['3dtiles', 'wms', 'wmts'];

/** decodeURIComponent that never throws: malformed escapes (`%zz`) are left as they are. */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A WMTS given as a REST tile template (`…/{z}/{x}/{y}.png`, WebMercator) can be drawn without its capabilities. */
export function isTileTemplate(url: string): boolean {
  const text = safeDecode(url);
  return /\{z\}/i.test(text) && /\{x\}/i.test(text) && /\{y\}/i.test(text);
}

export type UrlCheck =
  { ok: true; url: URL } | { ok: false; problem: 'empty' | 'invalid' | 'protocol' | 'encoding' };

/** A `%` not followed by two hex digits: URL accepts it, but decoding it later would throw. */
const BAD_ESCAPE = /%(?![0-9a-f]{2})/i;

export function checkUrl(raw: string, base = globalThis.location?.href ?? 'http://localhost/'): UrlCheck {
  const text = raw.trim();
  if (text === '') return { ok: false, problem: 'empty' };
  let url: URL;
  try {
    // Paths like /data/x.geojson are this site's own files; anything else must be a full URL.
    url = text.startsWith('/') ? new URL(text, base) : new URL(text);
  } catch {
    return { ok: false, problem: 'invalid' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: 'protocol' };
  if (BAD_ESCAPE.test(url.pathname)) return { ok: false, problem: 'encoding' };
  return { ok: true, url };
}

/** A best guess from the URL alone; undefined when nothing in it gives the type away. */
export function detectKind(url: URL): UserLayerKind | undefined {
  const path = url.pathname.toLowerCase();
  const query = new URLSearchParams(
    [...url.searchParams].map(([k, v]) => [k.toLowerCase(), v.toLowerCase()]),
  );
  if (path.endsWith('tileset.json')) return '3dtiles';
  if (query.get('service') === 'wmts' || /\/wmts(\/|$)/.test(path)) return 'wmts';
  if (query.get('service') === 'wms' || /\/wms(\/|$)/.test(path)) return 'wms';
  if (/\/collections\/[^/]+\/items\/?$/.test(path)) return 'ogc-features';
  if (/\/v1\.[01](\/|$)/.test(path) && /\/v1\.[01](\/(things|datastreams|locations)?)?\/?$/.test(path))
    return 'sensorthings';
  if (path.endsWith('.geojson') || path.endsWith('.json')) return 'geojson';
  return undefined;
}

/** Joins a base URL (absolute, or app-relative like `/data/x`) with a path and query parameters. */
export function buildUrl(
  base: string,
  path: string,
  params: Record<string, string | number | boolean | undefined | readonly (string | number)[]> = {},
): string {
  const joined = `${base.replace(/\/+$/, '')}${path === '' ? '' : `/${path.replace(/^\/+/, '')}`}`;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) search.append(key, String(v));
    else search.append(key, String(value));
  }
  const qs = search.toString();
  if (qs === '') return joined;
  return `${joined}${joined.includes('?') ? '&' : '?'}${qs}`;
}

/**
 * Servers return absolute "next" links on their own host. Behind a proxy or the mock server the
 * base differs, so the link is re-rooted on `base` from `marker` on (e.g. '/collections/').
 * Links that already start with `base`, or lack the marker, are returned as they are.
 */
export function rebaseUrl(href: string, base: string, marker: string): string {
  const absolute = new URL(href, new URL(base, 'http://app.invalid/')).href;
  const cleanBase = base.replace(/\/+$/, '');
  if (href.startsWith(cleanBase)) return href;
  const i = absolute.indexOf(marker);
  if (i < 0) return href;
  // A marker that is the base's own last segment ("/v1.0/") must not be repeated.
  const anchor = marker.replace(/\/$/, '');
  const from = cleanBase.endsWith(anchor) ? i + anchor.length : i;
  return `${cleanBase}${absolute.slice(from)}`;
}

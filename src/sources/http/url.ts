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

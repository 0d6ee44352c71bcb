/**
 * Keys and tokens must never reach logs, error messages or provenance. Every URL that leaves the
 * wrapper (in a SourceError or Provenance) goes through `redactUrl`.
 */
const SECRET_PARAM =
  /^(api[-_]?key|key|token|access[-_]?token|auth|authorization|secret|password|signature|sig|x-api-key|code)$/i;

export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url, 'http://relative.invalid');
  } catch {
    return url.replace(/([?&](?:api[-_]?key|key|token)=)[^&#]*/gi, '$1REDACTED');
  }
  let changed = false;
  for (const name of [...parsed.searchParams.keys()]) {
    if (SECRET_PARAM.test(name)) {
      parsed.searchParams.set(name, 'REDACTED');
      changed = true;
    }
  }
  if (parsed.username || parsed.password) {
    parsed.username = '';
    parsed.password = '';
    changed = true;
  }
  if (!changed) return url;
  // Keep relative URLs relative so the message matches what the caller asked for.
  return parsed.origin === 'http://relative.invalid' ? parsed.href.slice(parsed.origin.length) : parsed.href;
}

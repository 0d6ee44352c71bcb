/**
 * Plain-language sentences (Dutch first, English) for every SourceError kind: what went wrong, then
 * what the app does about it (the source's fallback from the catalog). The UI shows these; the
 * technical detail stays in `error.message` for the console.
 */
import { getCatalogEntry } from './catalog.ts';
import type { SourceError, SourceErrorKind } from './http/errors.ts';
import type { Provenance } from './provenance.ts';

export type Lang = 'nl' | 'en';

type Problem = (title: string, e: SourceError, lang: Lang) => string;

const problems: Record<SourceErrorKind, { nl: Problem; en: Problem }> = {
  offline: {
    nl: (t) => `${t} is niet bereikbaar (geen netwerk).`,
    en: (t) => `${t} cannot be reached (no network connection).`,
  },
  'cors-or-network': {
    nl: (t) =>
      `${t} is niet bereikbaar (netwerkfout, of de dienst staat gebruik vanuit de browser niet toe).`,
    en: (t) => `${t} cannot be reached (network error, or the service does not allow use from a browser).`,
  },
  timeout: {
    nl: (t) => `${t} reageert niet op tijd.`,
    en: (t) => `${t} did not answer in time.`,
  },
  'http-status': {
    nl: (t, e) =>
      e.status === 404
        ? `${t} kent het gevraagde niet (HTTP 404).`
        : e.status !== undefined && e.status >= 500
          ? `${t} heeft een storing (HTTP ${e.status}).`
          : `${t} weigerde het verzoek (HTTP ${e.status ?? '?'}).`,
    en: (t, e) =>
      e.status === 404
        ? `${t} does not know what was asked for (HTTP 404).`
        : e.status !== undefined && e.status >= 500
          ? `${t} is having a problem (HTTP ${e.status}).`
          : `${t} refused the request (HTTP ${e.status ?? '?'}).`,
  },
  'rate-limited': {
    nl: (t, e) =>
      `${t} krijgt te veel verzoeken${e.retryAfterMs !== undefined ? ` en vraagt ${formatDuration(e.retryAfterMs, 'nl')} te wachten` : ''}.`,
    en: (t, e) =>
      `${t} is receiving too many requests${e.retryAfterMs !== undefined ? ` and asks to wait ${formatDuration(e.retryAfterMs, 'en')}` : ''}.`,
  },
  'not-json': {
    nl: (t) => `${t} stuurde een antwoord dat de app niet kan lezen.`,
    en: (t) => `${t} sent a reply the app cannot read.`,
  },
  'html-error-page': {
    nl: (t) => `${t} stuurde een webpagina in plaats van gegevens (vaak een storings- of inlogpagina).`,
    en: (t) => `${t} sent a web page instead of data (often an error or login page).`,
  },
  'invalid-shape': {
    nl: (t, e) =>
      `${t} stuurde gegevens in een onverwachte vorm${e.issuePath ? ` (bij ${e.issuePath})` : ''}.`,
    en: (t, e) => `${t} sent data in an unexpected shape${e.issuePath ? ` (at ${e.issuePath})` : ''}.`,
  },
  empty: {
    nl: (t) => `${t} gaf geen resultaten.`,
    en: (t) => `${t} returned no results.`,
  },
  'too-large': {
    nl: (t) => `Het antwoord van ${t} is te groot om veilig te laden.`,
    en: (t) => `The reply from ${t} is too large to load safely.`,
  },
  aborted: {
    nl: (t) => `Het laden van ${t} is gestopt, omdat er iets anders is gevraagd.`,
    en: (t) => `Loading ${t} was stopped because something else was requested.`,
  },
};

function titleOf(sourceId: string, lang: Lang): string {
  return getCatalogEntry(sourceId)?.title[lang] ?? sourceId;
}

/** What went wrong and what the app does about it, in one or two sentences. */
export function describeSourceError(error: SourceError, lang: Lang = 'nl'): string {
  const title = titleOf(error.sourceId, lang);
  const problem = problems[error.kind][lang](title, error, lang);
  // Aborts are the user's own doing; no fallback to announce.
  if (error.kind === 'aborted') return problem;
  const fallback = getCatalogEntry(error.sourceId)?.fallback[lang];
  return fallback ? `${problem} ${fallback}` : problem;
}

/** The note shown next to stale data: its age and why it was not refreshed. */
export function describeStale(provenance: Provenance, lang: Lang = 'nl'): string | undefined {
  if (!provenance.stale) return undefined;
  const age = formatDuration(provenance.stale.ageMs, lang);
  const title = provenance.title;
  return lang === 'nl'
    ? `Dit zijn gegevens van ${age} geleden: ${title} kon niet worden bijgewerkt.`
    : `This data is ${age} old: ${title} could not be refreshed.`;
}

/** "45 seconden", "3 minuten", "2 uur", "5 dagen" (rounded down, minimum one unit). */
export function formatDuration(ms: number, lang: Lang): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const units: [number, string, string, string, string][] = [
    [86_400, 'dag', 'dagen', 'day', 'days'],
    [3_600, 'uur', 'uur', 'hour', 'hours'],
    [60, 'minuut', 'minuten', 'minute', 'minutes'],
    [1, 'seconde', 'seconden', 'second', 'seconds'],
  ];
  for (const [size, nlOne, nlMany, enOne, enMany] of units) {
    if (s >= size || size === 1) {
      const n = Math.floor(s / size);
      if (lang === 'nl') return `${n} ${n === 1 ? nlOne : nlMany}`;
      return `${n} ${n === 1 ? enOne : enMany}`;
    }
  }
  return `${s} s`;
}

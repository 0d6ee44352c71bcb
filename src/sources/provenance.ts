/**
 * Provenance travels with every result so a panel can say where a number comes from, how old it is
 * and under what licence. Plain, serialisable data (no Error objects) so it can cross a worker boundary.
 */
import type { Language } from '../i18n/language.ts';
import { translator } from '../i18n/translate.ts';
import { getCatalogEntry, type Certainty } from './catalog.ts';
import type { SourceError, SourceErrorKind } from './http/errors.ts';

export interface Provenance {
  sourceId: string;
  title: string;
  licence: string;
  attribution: string;
  attributionUrl?: string;
  /** Redacted request URL (the first page for paged results). */
  url: string;
  /** ISO time of the (oldest) response the data came from. */
  fetchedAt: string;
  /** Present when a refresh failed and older data is shown instead. */
  stale?: { since: string; ageMs: number; reason: SourceErrorKind };
  confidence?: Certainty;
  notes?: string;
}

export interface SourceResult<T> {
  data: T;
  provenance: Provenance;
  /** The failure behind stale data; describe it with messages.ts. */
  warning?: SourceError;
}

interface FetchedLike {
  url: string;
  fetchedAt: number;
  stale?: { since: number; ageMs: number; error: SourceError };
}

export function provenanceFor(sourceId: string, fetched: FetchedLike, language: Language = 'nl'): Provenance {
  const entry = getCatalogEntry(sourceId);
  const t = translator(language);
  const p: Provenance = {
    sourceId,
    title: entry ? t(entry.titleKey) : sourceId,
    licence: entry?.licence ?? 'unknown',
    attribution: entry?.attribution ?? sourceId,
    url: fetched.url,
    fetchedAt: new Date(fetched.fetchedAt).toISOString(),
  };
  if (entry?.attributionUrl) p.attributionUrl = entry.attributionUrl;
  if (entry?.certainty) p.confidence = entry.certainty;
  if (entry?.notesKey) p.notes = t(entry.notesKey);
  if (fetched.stale) {
    p.stale = {
      since: new Date(fetched.stale.since).toISOString(),
      ageMs: fetched.stale.ageMs,
      reason: fetched.stale.error.kind,
    };
  }
  return p;
}

/** Wraps fetched data (one or more pages) into a SourceResult; the oldest page decides the age. */
export function toResult<T>(sourceId: string, pages: readonly FetchedLike[], data: T): SourceResult<T> {
  const first = pages[0];
  if (!first) throw new Error('toResult needs at least one page');
  const oldest = pages.reduce((a, b) => (b.fetchedAt < a.fetchedAt ? b : a), first);
  const stale = pages.find((p) => p.stale)?.stale;
  const provenance = provenanceFor(sourceId, {
    url: first.url,
    fetchedAt: oldest.fetchedAt,
    ...(stale ? { stale } : {}),
  });
  return stale ? { data, provenance, warning: stale.error } : { data, provenance };
}

/**
 * Plain-language sentences (texts in src/i18n) for every SourceError kind: what went wrong, then
 * what the app does about it (the source's fallback from the catalog). The UI shows these; the
 * technical detail stays in `error.message` for the console.
 */
import { INPUT_LIMITS } from '../config/input-limits.ts';
import type { Language } from '../i18n/language.ts';
import type { MessageKey } from '../i18n/nl.ts';
import { translator, type Translate } from '../i18n/translate.ts';
import { getCatalogEntry } from './catalog.ts';
import type { SourceError, SourceErrorKind } from './http/errors.ts';
import type { Provenance } from './provenance.ts';

type Problem = (title: string, e: SourceError, t: Translate) => string;

const plain =
  (key: MessageKey): Problem =>
  (title, _e, t) =>
    t(key, { title });

const problems: Record<SourceErrorKind, Problem> = {
  offline: plain('sourceError.offline'),
  'cors-or-network': plain('sourceError.cors-or-network'),
  timeout: plain('sourceError.timeout'),
  'http-status': (title, e, t) =>
    e.status === 404
      ? t('sourceError.http-404', { title })
      : e.status !== undefined && e.status >= 500
        ? t('sourceError.http-5xx', { title, status: String(e.status) })
        : t('sourceError.http-other', { title, status: e.status === undefined ? '?' : String(e.status) }),
  'rate-limited': (title, e, t) =>
    e.retryAfterMs !== undefined
      ? t('sourceError.rate-limited-wait', { title, wait: durationIn(e.retryAfterMs, t) })
      : t('sourceError.rate-limited', { title }),
  'not-json': plain('sourceError.not-json'),
  'html-error-page': plain('sourceError.html-error-page'),
  'invalid-shape': (title, e, t) =>
    e.issuePath
      ? t('sourceError.invalid-shape-at', { title, path: e.issuePath })
      : t('sourceError.invalid-shape', { title }),
  empty: plain('sourceError.empty'),
  'too-large': (title, e, t) => {
    if (e.limit === 'jsonDepth') return t('sourceError.too-deep', { title, depth: INPUT_LIMITS.jsonDepth });
    if (e.limit === 'userGeoJsonPositions')
      return t('sourceError.too-many-positions', { title, count: INPUT_LIMITS.userGeoJsonPositions });
    const bytes = e.limit ? INPUT_LIMITS[e.limit] : e.limitBytes;
    return bytes === undefined
      ? t('sourceError.too-large', { title })
      : t('sourceError.too-large-limit', { title, limit: t('inputLimit.bytes', { mb: megabytes(bytes) }) });
  },
  aborted: plain('sourceError.aborted'),
};

/** Bytes as the MB people read (1 MB = 2^20 bytes, as the limits are written), to one decimal. */
export function megabytes(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}

/** A source's name in the language, or its id for sources not in the catalog. */
export function sourceTitle(sourceId: string, language: Language): string {
  const entry = getCatalogEntry(sourceId);
  return entry ? translator(language)(entry.titleKey) : sourceId;
}

/** What went wrong and what the app does about it, in one or two sentences. */
export function describeSourceError(error: SourceError, language: Language = 'nl'): string {
  const t = translator(language);
  const problem = problems[error.kind](sourceTitle(error.sourceId, language), error, t);
  // Aborts are the user's own doing; no fallback to announce.
  if (error.kind === 'aborted') return problem;
  const entry = getCatalogEntry(error.sourceId);
  return entry ? `${problem} ${t(entry.fallbackKey)}` : problem;
}

/** The note shown next to stale data: its age and why it was not refreshed. */
export function describeStale(provenance: Provenance, language: Language = 'nl'): string | undefined {
  if (!provenance.stale) return undefined;
  const t = translator(language);
  return t('sourceError.stale', { age: durationIn(provenance.stale.ageMs, t), title: provenance.title });
}

const DURATION_UNITS: [seconds: number, one: MessageKey, other: MessageKey][] = [
  [86_400, 'duration.day.one', 'duration.day.other'],
  [3_600, 'duration.hour.one', 'duration.hour.other'],
  [60, 'duration.minute.one', 'duration.minute.other'],
  [1, 'duration.second.one', 'duration.second.other'],
];

/** "45 seconden", "3 minuten", "2 uur", "5 dagen" (rounded down, minimum one unit). */
export function formatDuration(ms: number, language: Language): string {
  return durationIn(ms, translator(language));
}

function durationIn(ms: number, t: Translate): string {
  const s = Math.max(0, Math.round(ms / 1000));
  for (const [size, one, other] of DURATION_UNITS) {
    if (s >= size || size === 1) {
      const n = Math.floor(s / size);
      // A string, so the count is written as before (no thousands separator).
      return t(n === 1 ? one : other, { count: String(n) });
    }
  }
  return `${s} s`;
}

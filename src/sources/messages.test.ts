import { describe, expect, it } from 'vitest';
import { nl as nlTexts } from '../i18n/nl.ts';
import { catalog, catalogEntries } from './catalog.ts';
import { SourceError, type SourceErrorKind } from './http/errors.ts';
import { describeSourceError, describeStale, formatDuration } from './messages.ts';
import { provenanceFor } from './provenance.ts';

const KINDS: SourceErrorKind[] = [
  'offline',
  'cors-or-network',
  'timeout',
  'http-status',
  'rate-limited',
  'not-json',
  'html-error-page',
  'invalid-shape',
  'empty',
  'too-large',
  'aborted',
];

describe('messages', () => {
  it('gives the example sentence for an offline Locatieserver', () => {
    const e = new SourceError({ kind: 'offline', sourceId: 'pdok-locatieserver', url: 'x' });
    expect(describeSourceError(e)).toBe(
      'PDOK Locatieserver is niet bereikbaar (geen netwerk). Zoeken werkt alleen op de voorbeeldplaatsen.',
    );
    expect(describeSourceError(e, 'en')).toBe(
      'PDOK Locatieserver cannot be reached (no network connection). Search only covers the sample places.',
    );
  });

  it.each(KINDS)('has a distinct Dutch and English sentence for %s', (kind) => {
    const e = new SourceError({
      kind,
      sourceId: '3dbag-api',
      url: 'x',
      status: 503,
      retryAfterMs: 60_000,
      issuePath: 'features[0]',
    });
    const nl = describeSourceError(e, 'nl');
    const en = describeSourceError(e, 'en');
    expect(nl).toContain('3DBAG API');
    expect(en).toContain('3DBAG API');
    expect(nl).not.toBe(en);
    if (kind !== 'aborted') expect(nl).toContain(nlTexts[catalog['3dbag-api'].fallbackKey]);
  });

  it('names status, wait and path where known', () => {
    const rl = new SourceError({
      kind: 'rate-limited',
      sourceId: 'telraam',
      url: 'x',
      retryAfterMs: 120_000,
    });
    expect(describeSourceError(rl)).toContain('2 minuten');
    const nf = new SourceError({ kind: 'http-status', sourceId: 'telraam', url: 'x', status: 404 });
    expect(describeSourceError(nf, 'en')).toContain('HTTP 404');
    const shape = new SourceError({
      kind: 'invalid-shape',
      sourceId: 'telraam',
      url: 'x',
      issuePath: 'report[2].bike',
    });
    expect(describeSourceError(shape)).toContain('report[2].bike');
  });

  it('describes stale data with its age', () => {
    const e = new SourceError({ kind: 'timeout', sourceId: 'samen-meten', url: 'x' });
    const p = provenanceFor('samen-meten', {
      url: 'x',
      fetchedAt: 0,
      stale: { since: 0, ageMs: 3 * 3_600_000, error: e },
    });
    expect(describeStale(p)).toBe(
      'Dit zijn gegevens van 3 uur geleden: RIVM Samen Meten kon niet worden bijgewerkt.',
    );
    expect(describeStale(provenanceFor('samen-meten', { url: 'x', fetchedAt: 0 }))).toBeUndefined();
    expect(formatDuration(1000, 'en')).toBe('1 second');
    expect(formatDuration(2 * 86_400_000, 'nl')).toBe('2 dagen');
  });

  it('catalogues every source with licence, attribution and a fallback', () => {
    expect(catalogEntries.length).toBeGreaterThanOrEqual(13);
    for (const e of catalogEntries) {
      expect(e.licence, e.id).not.toBe('');
      expect(e.attribution, e.id).not.toBe('');
      expect(nlTexts[e.fallbackKey], e.id).not.toBe('');
      expect(['yes', 'unknown', 'no']).toContain(e.cors);
    }
  });

  it('spells every licence as an SPDX id, with a note where no single licence is known', () => {
    for (const e of catalogEntries) {
      expect(['CC0-1.0', 'CC-BY-4.0', 'ODbL-1.0', 'NOASSERTION'], e.id).toContain(e.licence);
      if (e.licence === 'NOASSERTION') expect(e.licenceNoteKey, e.id).toBeDefined();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { search, type SearchResult } from './search-service.ts';
import type { Place } from './place-search.ts';

const places: Place[] = [{ id: 'neude', name: 'Neude', kind: 'square', lon: 5.1189, lat: 52.0929 }];

describe('search service', () => {
  it('answers from the sample alone when offline', async () => {
    const outcome = await search('neu', places);
    expect(outcome.results.map((r) => r.label)).toEqual(['Neude']);
    expect(outcome.results[0]?.position).toEqual({ lon: 5.1189, lat: 52.0929 });
  });

  it('adds online addresses after the sample places', async () => {
    const address: SearchResult = { id: 'adr-1', label: 'Neude 11, 3512AE Utrecht', origin: 'pdok' };
    const outcome = await search('neude', places, { addressSearch: async () => [address] });
    expect(outcome.results.map((r) => r.origin)).toEqual(['sample', 'pdok']);
  });

  it('keeps the sample results and reports why when the online search fails', async () => {
    const outcome = await search('neude', places, {
      addressSearch: async () => {
        throw new Error('PDOK Locatieserver is niet bereikbaar.');
      },
    });
    expect(outcome.results).toHaveLength(1);
    expect(outcome.onlineError).toBe('PDOK Locatieserver is niet bereikbaar.');
  });
});

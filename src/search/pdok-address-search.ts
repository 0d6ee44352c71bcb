import type { Language } from '../i18n/language.ts';
import { isSourceError } from '../sources/http/index.ts';
import { describeSourceError } from '../sources/messages.ts';
import { lookup, suggest } from '../sources/pdok-locatieserver/index.ts';
import type { AddressSearch, SearchResult } from './search-service.ts';

/**
 * Address search at PDOK Locatieserver (restricted to Utrecht): suggestions while searching,
 * a lookup for the point when the suggestion came without one. Failures become one plain sentence
 * in the user's language, which the search box shows beside the offline results.
 */
export function pdokAddressSearch(language: Language): AddressSearch {
  const plain = (error: unknown) =>
    isSourceError(error) ? new Error(describeSourceError(error, language)) : error;

  return async (query, signal) => {
    try {
      const { data } = await suggest(query, { rows: 8, ...(signal ? { signal } : {}) });
      return data.map((suggestion): SearchResult => ({
        id: `pdok:${suggestion.id}`,
        label: suggestion.label,
        origin: 'pdok',
        ...(suggestion.lon !== undefined && suggestion.lat !== undefined
          ? { position: { lon: suggestion.lon, lat: suggestion.lat } }
          : {}),
        locate: async (locateSignal) => {
          try {
            const { data: location } = await lookup(
              suggestion.id,
              locateSignal ? { signal: locateSignal } : {},
            );
            return { lon: location.lon, lat: location.lat };
          } catch (error) {
            throw plain(error);
          }
        },
      }));
    } catch (error) {
      throw plain(error);
    }
  };
}

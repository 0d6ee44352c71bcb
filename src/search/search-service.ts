import { searchPlaces, type Place } from './place-search.ts';

/** One search hit, from the sample's places or from an online address service. */
export interface SearchResult {
  id: string;
  label: string;
  origin: 'sample' | 'pdok';
  /** Known at once for sample places; online addresses may need a lookup first. */
  position?: { lon: number; lat: number };
  locate?: (signal?: AbortSignal) => Promise<{ lon: number; lat: number }>;
}

/** An online address search (PDOK Locatieserver in production); injected so tests need no network. */
export type AddressSearch = (query: string, signal?: AbortSignal) => Promise<SearchResult[]>;

export interface SearchOutcome {
  results: SearchResult[];
  /** Why the online search failed, when it was asked and failed; the offline results still stand. */
  onlineError?: string;
}

export async function search(
  query: string,
  places: readonly Place[],
  options: { addressSearch?: AddressSearch; signal?: AbortSignal } = {},
): Promise<SearchOutcome> {
  const local: SearchResult[] = searchPlaces(places, query).map(({ place }) => ({
    id: `sample:${place.id}`,
    label: place.name,
    origin: 'sample',
    position: { lon: place.lon, lat: place.lat },
  }));
  if (!options.addressSearch) return { results: local };
  try {
    const online = await options.addressSearch(query, options.signal);
    return { results: [...local, ...online] };
  } catch (error) {
    if (options.signal?.aborted) throw error;
    return { results: local, onlineError: error instanceof Error ? error.message : String(error) };
  }
}

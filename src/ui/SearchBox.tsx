import { Button, FormField, FormLabel, Heading2, Paragraph, Textbox } from '@utrecht/component-library-react';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { countKey } from '../i18n/translate.ts';
import { useTranslate } from './use-translate.ts';
import { useAppStore } from '../state/app-store.ts';
import { poseLookingAt } from '../geo/camera-pose.ts';
import { needsNetwork } from '../config/view-options.ts';
import { loadSamplePlaces } from '../search/sample-places.ts';
import { pdokAddressSearch } from '../search/pdok-address-search.ts';
import type { Place } from '../search/place-search.ts';
import {
  search,
  type AddressSearch,
  type SearchOutcome,
  type SearchResult,
} from '../search/search-service.ts';

/**
 * Finds sample places offline and, when the user has chosen live data, addresses online too.
 * Results are plain buttons so keyboard and screen-reader users get them for free.
 */
export function SearchBox({ addressSearch: injected }: { addressSearch?: AddressSearch }) {
  const t = useTranslate();
  const language = useAppStore((s) => s.language);
  const addressSearch = useMemo(() => injected ?? pdokAddressSearch(language), [injected, language]);
  const live = useAppStore((s) => needsNetwork(s.dataSource, s.baseLayer));
  const requestCamera = useAppStore((s) => s.requestCamera);
  const [places, setPlaces] = useState<Place[]>([]);
  const [query, setQuery] = useState('');
  const [outcome, setOutcome] = useState<(SearchOutcome & { query: string }) | null>(null);
  const pending = useRef<AbortController | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    loadSamplePlaces(controller.signal)
      .then(setPlaces)
      .catch((error: unknown) => {
        if (!controller.signal.aborted) console.error('Sample places could not be loaded', error);
      });
    return () => controller.abort();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    pending.current?.abort();
    const controller = new AbortController();
    pending.current = controller;
    try {
      const result = await search(query, places, {
        signal: controller.signal,
        ...(live ? { addressSearch } : {}),
      });
      if (!controller.signal.aborted) setOutcome({ ...result, query });
    } catch {
      // Aborted by a newer search: nothing to show.
    }
  };

  const choose = async (result: SearchResult) => {
    const position = result.position ?? (await result.locate?.());
    if (position) requestCamera(poseLookingAt(position.lon, position.lat, { distance: 350, pitch: -35 }));
  };

  return (
    <section aria-labelledby="search-heading" className="panel-section" role="search">
      <Heading2 id="search-heading" className="visually-hidden">
        {t('search.label')}
      </Heading2>
      <form onSubmit={submit} className="search-form">
        <FormField>
          <FormLabel htmlFor="search-input">{t('search.label')}</FormLabel>
          <div className="search-form__row">
            <Textbox
              id="search-input"
              type="search"
              autoComplete="off"
              placeholder={t('search.placeholder')}
              value={query}
              onChange={(event) => setQuery(event.currentTarget.value)}
            />
            <Button type="submit" appearance="primary-action-button">
              {t('search.button')}
            </Button>
          </div>
        </FormField>
      </form>
      <Paragraph small>{t(live ? 'search.onlineNote' : 'search.offlineNote')}</Paragraph>
      <div aria-live="polite">
        {outcome && (
          <>
            {outcome.onlineError && (
              <Paragraph small className="search-error">
                {t('search.pdokFailed', { reason: outcome.onlineError })}
              </Paragraph>
            )}
            {outcome.results.length === 0 ? (
              <Paragraph small>{t('search.noResults', { query: outcome.query })}</Paragraph>
            ) : (
              <ul
                className="search-results"
                aria-label={t(countKey('search.results', outcome.results.length), {
                  count: outcome.results.length,
                })}
              >
                {outcome.results.map((result) => (
                  <li key={result.id}>
                    <Button appearance="subtle-button" onClick={() => void choose(result)}>
                      {result.label}
                      <span className="search-results__origin">
                        {t(result.origin === 'sample' ? 'search.sourceSample' : 'search.sourcePdok')}
                      </span>
                    </Button>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
    </section>
  );
}

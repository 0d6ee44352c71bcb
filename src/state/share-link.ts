import { useSyncExternalStore } from 'react';
import { useAppStore } from './app-store.ts';
import { useLayersStore } from './layers-store.ts';
import { useTimeStore } from './time-store.ts';

/**
 * The link to the current view is the address bar: url-sync writes every change of the view, the
 * layers and the time there (its store subscriptions run before React renders). Reading it back
 * keeps one encoder and one source of truth for what a shared link contains.
 */
function subscribe(onChange: () => void): () => void {
  const unsubscribers = [useAppStore, useLayersStore, useTimeStore].map((store) => store.subscribe(onChange));
  window.addEventListener('popstate', onChange);
  return () => {
    unsubscribers.forEach((unsubscribe) => unsubscribe());
    window.removeEventListener('popstate', onChange);
  };
}

export function useShareLink(): string {
  return useSyncExternalStore(subscribe, () => window.location.href);
}

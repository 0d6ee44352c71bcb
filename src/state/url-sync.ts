import { useAppStore } from './app-store.ts';
import { decodeView, encodeView } from './url-codec.ts';

type Store = typeof useAppStore;

/**
 * Keeps the address bar and the app state in step. Choosing a place or another data source adds a
 * history entry; dragging the camera updates the current entry; back/forward restore the view.
 * Returns a function that stops the syncing.
 */
export function startUrlSync(store: Store = useAppStore, win: Window = window): () => void {
  let applyingHistory = false;

  const applyLocation = () => {
    applyingHistory = true;
    const { view, ignored } = decodeView(win.location.search);
    store.setState({
      dataSource: view.dataSource,
      baseLayer: view.baseLayer,
      language: view.language,
      ...(ignored.length > 0 ? { ignoredUrlKeys: ignored } : {}),
    });
    store.getState().requestCamera(view.camera, { fly: false, history: 'replace' });
    applyingHistory = false;
  };

  applyLocation();

  const unsubscribe = store.subscribe((state, previous) => {
    const optionsChanged =
      state.dataSource !== previous.dataSource ||
      state.baseLayer !== previous.baseLayer ||
      state.language !== previous.language;
    if (!optionsChanged && state.camera === previous.camera) return;
    const query = encodeView(state);
    if (query === win.location.search) return;
    const push = !applyingHistory && (optionsChanged || state.cameraHistory === 'push');
    const url = query + win.location.hash;
    if (push) win.history.pushState(null, '', url);
    else win.history.replaceState(null, '', url);
  });

  win.addEventListener('popstate', applyLocation);
  return () => {
    unsubscribe();
    win.removeEventListener('popstate', applyLocation);
  };
}

/** Store glue for layers added from a URL: starts the load and writes its outcome to the store. */
import {
  DRAWABLE_KINDS,
  GLOBE_KINDS,
  isTileTemplate,
  type UserLayerKind,
} from '../../layers/user-layers/detect.ts';
import { loadUserLayer } from '../../layers/user-layers/load.ts';
import { isSourceError } from '../../sources/http/errors.ts';
import { useUserLayersStore } from '../../state/user-layers-store.ts';

let counter = 0;

export function addUserLayer(url: URL, kind: UserLayerKind): string {
  const id = `user-${++counter}`;
  const store = useUserLayersStore.getState();
  const title = decodeURIComponent(url.pathname.split('/').filter(Boolean).at(-1) ?? url.host) || url.host;
  store.add({ id, url: url.href, kind, title, visible: true, status: { state: 'loading' } });
  const controller = new AbortController();
  loadUserLayer(url, kind, controller.signal).then(
    (result) => {
      useUserLayersStore.getState().update(id, {
        features: result.data,
        ...(result.wmsLayer ? { wmsLayer: result.wmsLayer } : {}),
        status: {
          state: 'ready',
          count: result.data.length,
          provenance: result.provenance,
          drawable: DRAWABLE_KINDS.includes(kind) || globeCanDraw(kind, url.href, result.wmsLayer),
        },
      });
    },
    (error: unknown) => {
      console.warn(`[tweeling] user layer ${url.href} (${kind}) failed to load`, error);
      useUserLayersStore.getState().update(id, {
        status: {
          state: 'error',
          message: error instanceof Error ? error.message : String(error),
          ...(isSourceError(error) ? { error } : {}),
        },
      });
    },
  );
  return id;
}

/** The globe draws a tileset always, a WMS once a layer is known, a WMTS when given as a tile template. */
function globeCanDraw(kind: UserLayerKind, href: string, wmsLayer: string | undefined): boolean {
  if (!GLOBE_KINDS.includes(kind)) return false;
  if (kind === 'wms') return wmsLayer !== undefined;
  if (kind === 'wmts') return isTileTemplate(href);
  return true;
}

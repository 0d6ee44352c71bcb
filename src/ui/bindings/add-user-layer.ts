/** Store glue for layers added from a URL: starts the load and writes its outcome to the store. */
import {
  DRAWABLE_KINDS,
  GLOBE_KINDS,
  isTileTemplate,
  safeDecode,
  type UserLayerKind,
} from '../../layers/user-layers/detect.ts';
import { readGeoJsonFile } from '../../layers/user-layers/file.ts';
import { loadUserLayer, UnknownCrsError } from '../../layers/user-layers/load.ts';
import { provenanceFor } from '../../sources/provenance.ts';
import { isSourceError } from '../../sources/http/errors.ts';
import { useUserLayersStore } from '../../state/user-layers-store.ts';

let counter = 0;

export function addUserLayer(url: URL, kind: UserLayerKind): string {
  const id = `user-${++counter}`;
  const store = useUserLayersStore.getState();
  const title = safeDecode(url.pathname.split('/').filter(Boolean).at(-1) ?? url.host) || url.host;
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
          ...(result.convertedFrom ? { convertedFrom: result.convertedFrom } : {}),
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
          ...(error instanceof UnknownCrsError ? { problem: { key: 'addLayer.unknownCrs' } } : {}),
        },
      });
    },
  );
  return id;
}

/**
 * Adds a GeoJSON file the user picked. A refused file adds nothing and returns its problem; the
 * layers already there stay as they are.
 */
export async function addUserLayerFile(file: File): Promise<Awaited<ReturnType<typeof readGeoJsonFile>>> {
  const read = await readGeoJsonFile(file);
  if (!read.ok) return read;
  const id = `user-${++counter}`;
  useUserLayersStore.getState().add({
    id,
    url: file.name,
    origin: 'file',
    kind: 'geojson',
    title: file.name,
    visible: true,
    features: read.features,
    status: {
      state: 'ready',
      count: read.features.length,
      provenance: provenanceFor('user', { url: file.name, fetchedAt: Date.now() }),
      drawable: true,
      ...(read.convertedFrom ? { convertedFrom: read.convertedFrom } : {}),
    },
  });
  return read;
}

/** The globe draws a tileset always, a WMS once a layer is known, a WMTS when given as a tile template. */
function globeCanDraw(kind: UserLayerKind, href: string, wmsLayer: string | undefined): boolean {
  if (!GLOBE_KINDS.includes(kind)) return false;
  if (kind === 'wms') return wmsLayer !== undefined;
  if (kind === 'wmts') return isTileTemplate(href);
  return true;
}

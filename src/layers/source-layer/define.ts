/**
 * A layer backed by an open-data source: in the default mode it reads its embedded snapshot (no
 * network), with live data on it asks the real API through the loaders in src/sources. Either
 * way the data arrives as a SourceResult, so provenance travels with it to the panel.
 */
import { catalog, LICENCE_URLS } from '../../sources/catalog.ts';
import type { SourceResult } from '../../sources/provenance.ts';
import {
  defineLayer,
  type LayerDefinition,
  type LayerSource,
  type RegisteredLayer,
  type RenderContext,
} from '../layer-types.ts';
import type { RenderedLayers } from '../layer-types.ts';
import { fetchJsonWithProgress } from '../load-json.ts';
import { snapshotQuery, type SnapshotSource, type SourceData } from '../../sources/snapshot-queries.ts';
import { parseSnapshot, snapshotUrl } from '../../sources/snapshot.ts';

export interface SourceLayerData<S extends SnapshotSource, P> {
  result: SourceResult<SourceData[S]>;
  recordedAt?: string;
  /** Whatever `prepare` made of the data once (positions in the overlay frame, …). */
  prepared: P;
}

export interface SourceLayerSpec<S extends SnapshotSource, P> extends Omit<
  LayerDefinition<SourceLayerData<S, P>>,
  'load' | 'render' | 'sourceId' | 'provenanceOf' | 'source'
> {
  sourceId: S;
  /** Licence and link come from the source's catalog entry. */
  source: Omit<LayerSource, 'licence' | 'licenceUrl' | 'url'>;
  prepare: (data: SourceData[S]) => P;
  render: (prepared: P, context: RenderContext) => RenderedLayers;
}

export function defineSourceLayer<S extends SnapshotSource, P>(spec: SourceLayerSpec<S, P>): RegisteredLayer {
  const { prepare, render, source, ...definition } = spec;
  const entry = catalog[spec.sourceId];
  const licenceUrl = LICENCE_URLS[entry.licence];
  const layerSource: LayerSource = {
    ...source,
    licence: entry.licence,
    url: entry.homepage,
    ...(licenceUrl ? { licenceUrl } : {}),
  };
  const { schema, query } = snapshotQuery(spec.sourceId);
  return defineLayer<SourceLayerData<S, P>>({
    ...definition,
    source: layerSource,
    load: async (signal, onProgress, { live, reload }) => {
      if (live) {
        onProgress(null);
        const result = await query({
          signal,
          ...(reload ? { cache: 'reload' } : {}),
        });
        return { result, prepared: prepare(result.data) };
      }
      const raw = await fetchJsonWithProgress(snapshotUrl(spec.sourceId), signal, onProgress);
      const { recordedAt, ...result } = parseSnapshot(raw, schema);
      return { result, recordedAt, prepared: prepare(result.data) };
    },
    provenanceOf: ({ result, recordedAt }) => ({
      provenance: result.provenance,
      ...(recordedAt ? { recordedAt } : {}),
      ...(result.warning ? { warning: result.warning } : {}),
    }),
    render: ({ prepared }, context) => render(prepared, context),
  });
}

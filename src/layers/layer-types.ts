import type { Layer } from '@deck.gl/core';
import type { MessageKey } from '../i18n/nl.ts';
import type { SourceError } from '../sources/http/errors.ts';
import type { Provenance } from '../sources/provenance.ts';
import type { Translate } from '../i18n/translate.ts';
import type { FeatureInfo, OcclusionMode } from '../overlay/overlay-types.ts';
import type { TimeMode, TimeStep } from '../time/time-model.ts';
import type { LayerId } from './layer-ids.ts';

export type Rgba = [number, number, number, number];

/** A legend: colour classes with bounds in the layer's unit, or a continuous ramp. */
export interface LegendSpec {
  unitKey: MessageKey;
  /** What is measured, e.g. "passers-by per hour". */
  quantityKey: MessageKey;
  /** A class with `labelKey` is a category (e.g. "no reading"): the legend shows the label, not bounds. */
  classes: { from: number; to: number | null; color: Rgba; labelKey?: MessageKey }[];
  /** Optional note on symbol size (e.g. "circle area ∝ count"). */
  sizeNoteKey?: MessageKey;
}

export interface LayerSource {
  nameKey: MessageKey;
  /** SPDX id or short licence name. */
  licence: string;
  licenceUrl?: string;
  url?: string;
  /** Made-up sample data: the panel says so. */
  sample: boolean;
  /** Date the data describes or was made (ISO date): the panel's "freshness". */
  dataDate: string;
}

export type TimeAwareness =
  | { aware: false }
  | {
      aware: true;
      /** The step this layer's data changes at, per mode (finer steps add nothing). */
      steps: Partial<Record<TimeMode, TimeStep>>;
    };

export interface RenderContext {
  time: number;
  mode: TimeMode;
  /** 0–1. */
  opacity: number;
  t: Translate;
}

/** How a load is asked for: from the live source or the embedded snapshot, and whether to skip caches. */
export interface LoadContext {
  live: boolean;
  reload: boolean;
}

/** Where loaded data came from, for the panel and the data catalog. */
export interface LoadedProvenance {
  provenance: Provenance;
  /** Set for embedded snapshots: the date their recorded responses describe. */
  recordedAt?: string;
  /** A refresh failed and older (stale) data is shown. */
  warning?: SourceError;
}

/** Deck.gl layers per occlusion mode (ids must start with the layer kind's id). */
export type RenderedLayers = Partial<Record<OcclusionMode, Layer[]>>;

/**
 * One layer kind: everything the panel, the URL, the time control and the overlay need to know.
 * `TData` is whatever `load` returns; the registry erases it (see `defineLayer`).
 */
export interface LayerDefinition<TData> {
  id: LayerId;
  titleKey: MessageKey;
  descriptionKey: MessageKey;
  legend: LegendSpec;
  source: LayerSource;
  time: TimeAwareness;
  /** How its main layers meet buildings (labels it adds may use `none`). */
  occlusion: OcclusionMode;
  /**
   * Set for layers backed by an open-data source (a catalog id): they load the live API when the
   * user asks for live data and their embedded snapshot otherwise.
   */
  sourceId?: string;
  /** Fetches and validates the data; reports progress 0–1 when known. */
  load: (
    signal: AbortSignal,
    onProgress: (fraction: number | null) => void,
    context: LoadContext,
  ) => Promise<TData>;
  /** The provenance of loaded data (source-backed layers). */
  provenanceOf?: (data: TData) => LoadedProvenance;
  render: (data: TData, context: RenderContext) => RenderedLayers;
  describe: (object: unknown, context: RenderContext) => FeatureInfo | null;
}

/** A definition with its data type hidden, as the registry holds it. */
export interface RegisteredLayer {
  definition: Omit<LayerDefinition<unknown>, 'load' | 'render' | 'describe' | 'provenanceOf'>;
  load: LayerDefinition<unknown>['load'];
  provenanceOf: (data: unknown) => LoadedProvenance | undefined;
  render: (data: unknown, context: RenderContext) => RenderedLayers;
  describe: (object: unknown, context: RenderContext) => FeatureInfo | null;
}

/** Wraps a typed definition: the data given to `render` is always what this definition's `load` gave. */
export function defineLayer<TData>(definition: LayerDefinition<TData>): RegisteredLayer {
  return {
    definition,
    load: definition.load,
    provenanceOf: (data) => definition.provenanceOf?.(data as TData),
    render: (data, context) => definition.render(data as TData, context),
    describe: definition.describe,
  };
}

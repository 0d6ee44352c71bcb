import type { MessageParam } from '../../i18n/message.ts';
import type { MessageKey } from '../../i18n/nl.ts';
import type { SourceError } from '../../sources/http/errors.ts';
import type { Provenance } from '../../sources/provenance.ts';
import type { UserLayerKind } from './detect.ts';
import type { UserFeature } from './load.ts';

export type UserLayerStatus =
  | { state: 'loading' }
  | {
      state: 'ready';
      count: number;
      provenance: Provenance;
      drawable: boolean;
      /** Set when the data came in RD New and was converted to WGS84. */
      convertedFrom?: 'rd';
    }
  | {
      state: 'error';
      message: string;
      error?: SourceError;
      /** A problem worded by the app itself (not a source error), with its values. */
      problem?: { key: MessageKey; values?: Record<string, MessageParam> };
    };

export interface UserLayer {
  /** `user-<n>`: also the prefix of its deck.gl layer ids. */
  id: string;
  url: string;
  kind: UserLayerKind;
  title: string;
  visible: boolean;
  status: UserLayerStatus;
  /** WGS84 features (drawable kinds), kept for rendering. */
  features?: UserFeature[];
  /** For a WMS: the layer the globe requests. */
  wmsLayer?: string;
  /** 'file' for a file the user picked (then `url` is its name); a URL otherwise. */
  origin?: 'file';
}

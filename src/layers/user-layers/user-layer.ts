import type { SourceError } from '../../sources/http/errors.ts';
import type { Provenance } from '../../sources/provenance.ts';
import type { UserLayerKind } from './detect.ts';
import type { UserFeature } from './load.ts';

export type UserLayerStatus =
  | { state: 'loading' }
  | { state: 'ready'; count: number; provenance: Provenance; drawable: boolean }
  | { state: 'error'; message: string; error?: SourceError };

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
}

/**
 * The data-source layer: pure TypeScript (no React, no Cesium) so it runs in workers and tests.
 * Import a source's module directly for its full API; this barrel holds the shared pieces.
 */
export * from './http/index.ts';
export { catalog, catalogEntries, getCatalogEntry, type CatalogEntry, type SourceId } from './catalog.ts';
export { describeSourceError, describeStale, formatDuration, sourceTitle } from './messages.ts';
export { provenanceFor, toResult, type Provenance, type SourceResult } from './provenance.ts';
export { endpoints } from '../config/endpoints.ts';
export type { LoadOptions, BBox, LonLat } from './types.ts';
export { UTRECHT_BBOX_RD, UTRECHT_BBOX_WGS84 } from './types.ts';

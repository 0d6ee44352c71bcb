/** Which buildings are drawn: the embedded offline sample or the real 3DBAG streamed live. */
export const DATA_SOURCES = ['sample', '3dbag'] as const;
export type DataSourceId = (typeof DATA_SOURCES)[number];

/** What lies under the buildings. `none` is the offline plain ground; the others are PDOK WebMercator tiles. */
export const BASE_LAYERS = ['none', 'luchtfoto', 'brt'] as const;
export type BaseLayerId = (typeof BASE_LAYERS)[number];

/** True when the chosen view needs the internet; the sample view with the plain ground needs none. */
export function needsNetwork(dataSource: DataSourceId, baseLayer: BaseLayerId): boolean {
  return dataSource !== 'sample' || baseLayer !== 'none';
}

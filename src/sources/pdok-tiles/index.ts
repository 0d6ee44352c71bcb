/**
 * PDOK raster base layers as XYZ URL templates in WebMercator (EPSG:3857), the tiling scheme Cesium's
 * UrlTemplateImageryProvider and deck.gl's TileLayer understand. Plain data: the globe builds the
 * imagery provider from it; the attribution must be shown with the layer.
 */
import type { MessageKey } from '../../i18n/nl.ts';
import { endpoints } from '../../config/endpoints.ts';

export interface TileLayerSpec {
  id: 'pdok-luchtfoto' | 'pdok-brt' | 'pdok-brt-grijs';
  /** Catalog source id for provenance/messages. */
  sourceId: 'pdok-luchtfoto' | 'pdok-brt';
  titleKey: MessageKey;
  /** `{z}/{x}/{y}` template. */
  urlTemplate: string;
  tilingScheme: 'WebMercator';
  minZoom: number;
  maxZoom: number;
  attribution: string;
  licence: string;
}

export const pdokTileLayers: readonly TileLayerSpec[] = [
  {
    id: 'pdok-luchtfoto',
    sourceId: 'pdok-luchtfoto',
    titleKey: 'source.tiles.pdok-luchtfoto',
    urlTemplate: endpoints.pdokLuchtfoto,
    tilingScheme: 'WebMercator',
    // Gemeente Utrecht's frontend uses 11–18 for Actueel_ortho25.
    minZoom: 11,
    maxZoom: 18,
    attribution: 'Beeldmateriaal Nederland / PDOK',
    licence: 'CC-BY-4.0',
  },
  {
    id: 'pdok-brt',
    sourceId: 'pdok-brt',
    titleKey: 'source.tiles.pdok-brt',
    urlTemplate: endpoints.pdokBrt,
    tilingScheme: 'WebMercator',
    minZoom: 6,
    maxZoom: 19,
    attribution: '© CBS, Kadaster, OpenStreetMap',
    licence: 'CC-BY-4.0',
  },
  {
    id: 'pdok-brt-grijs',
    sourceId: 'pdok-brt',
    titleKey: 'source.tiles.pdok-brt-grijs',
    urlTemplate: endpoints.pdokBrt.replace('/standaard/', '/grijs/'),
    tilingScheme: 'WebMercator',
    minZoom: 6,
    maxZoom: 19,
    attribution: '© CBS, Kadaster, OpenStreetMap',
    licence: 'CC-BY-4.0',
  },
];

/** Fills a `{z}/{x}/{y}` template (tests, prefetching, the mock). */
export function tileUrl(template: string, z: number, x: number, y: number): string {
  return template.replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y));
}

/** XYZ tile containing a WGS84 point at zoom z (WebMercator). */
export function tileForLonLat(lon: number, lat: number, z: number): { x: number; y: number; z: number } {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const rad = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return { x, y, z };
}

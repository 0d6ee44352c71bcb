/**
 * Every external URL the app may contact, in one table. Nothing here is contacted in the default
 * (sample) mode. A deployment or the mock API server overrides each base with a Vite env var
 * `VITE_API_BASE_<NAME>` (see .env.mock), so the live path can be exercised offline.
 * Nothing here is a secret: Telraam's key lives in a server-side proxy, never in these values.
 */
const env = (import.meta.env ?? {}) as Record<string, string | undefined>;

function base(name: string, fallback: string): string {
  return env[`VITE_API_BASE_${name}`] ?? fallback;
}

/** 3DBAG release pinned for reproducible views; upgrade deliberately (see docs.3dbag.nl). */
export const THREEDBAG_VERSION = 'v20250903';

export const endpoints = {
  threeDBagTiles: base(
    '3DBAG_TILES',
    `https://data.3dbag.nl/${THREEDBAG_VERSION}/cesium3dtiles/lod22/tileset.json`,
  ),
  threeDBagApi: base('3DBAG_API', 'https://api.3dbag.nl'),
  threeDBagData: base('3DBAG_DATA', 'https://data.3dbag.nl'),
  pdokLuchtfoto: base(
    'PDOK_LUCHTFOTO',
    'https://service.pdok.nl/hwh/luchtfotorgb/wmts/v1_0/Actueel_ortho25/EPSG:3857/{z}/{x}/{y}.jpeg',
  ),
  pdokBrt: base(
    'PDOK_BRT',
    'https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png',
  ),
  pdokLocatieserver: base('PDOK_LOCATIESERVER', 'https://api.pdok.nl/bzk/locatieserver/search/v3_1'),
  pdokBagOgc: base('PDOK_BAG_OGC', 'https://api.pdok.nl/kadaster/bag/ogc/v2'),
  pdokBgtOgc: base('PDOK_BGT_OGC', 'https://api.pdok.nl/lv/bgt/ogc/v1'),
  cbsWijkenBuurten: base('CBS_WIJKENBUURTEN', 'https://api.pdok.nl/cbs/wijken-en-buurten-2024/ogc/v1'),
  samenMeten: base('SAMEN_METEN', 'https://api-samenmeten.rivm.nl/v1.0'),
  luchtmeetnet: base('LUCHTMEETNET', 'https://api.luchtmeetnet.nl/open_api'),
  /** Static export written by a server-side script; the default, key-less Telraam path. */
  telraamExport: base('TELRAAM_EXPORT', '/data/telraam/export.json'),
  /**
   * A server-side proxy that adds the Telraam key; empty means "no live path". Never the real
   * telraam-api.net host: the browser must not talk to Telraam with a key.
   */
  telraamProxy: base('TELRAAM_PROXY', ''),
  utrechtPortal: base('UTRECHT_PORTAL', 'https://open.utrecht.nl/api'),
  keaWms: base('KEA_WMS', 'https://cas.cloud.sogelink.com/public/data/org/gws/YWFMLMWERURF/kea_public/wms'),
  /** OpenStreetMap through Overpass: the area builder's streets, paths and trees (ODbL). */
  overpass: base('OVERPASS', 'https://overpass-api.de/api/interpreter'),
  /** The city's own SensorThings counting service: configured per deployment, empty by default. */
  crowdCounts: base('CROWD_COUNTS', ''),
  /**
   * Tweeling's own participation server (server/, `npm start` runs it beside the viewer): same origin by
   * default, proxied to 127.0.0.1:8790 by Vite. A deployment may point it elsewhere.
   */
  participation: base('PARTICIPATION', '/api'),
} as const;

export type EndpointName = keyof typeof endpoints;

/**
 * Every external URL the app may contact, in one place. Nothing here is contacted in the default
 * (sample) mode. A deployment or the mock API server can override the bases with Vite env vars
 * (`VITE_API_BASE_<NAME>`), so the live path can be exercised offline.
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
  pdokLuchtfoto: base(
    'PDOK_LUCHTFOTO',
    'https://service.pdok.nl/hwh/luchtfotorgb/wmts/v1_0/Actueel_ortho25/EPSG:3857/{z}/{x}/{y}.jpeg',
  ),
  pdokBrt: base(
    'PDOK_BRT',
    'https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png',
  ),
  pdokLocatieserver: base('PDOK_LOCATIESERVER', 'https://api.pdok.nl/bzk/locatieserver/search/v3_1'),
} as const;

export type EndpointName = keyof typeof endpoints;

/**
 * Base URLs of the sources added by the data-source layer, following the pattern of
 * src/config/endpoints.ts: each can be overridden with `VITE_API_BASE_<NAME>` (see .env.mock).
 * Nothing here is a secret: Telraam's key lives in a server-side proxy, never in these values.
 */
const env = (import.meta.env ?? {}) as Record<string, string | undefined>;

function base(name: string, fallback: string): string {
  return env[`VITE_API_BASE_${name}`] ?? fallback;
}

export const endpointsExtra = {
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
  threeDBagData: base('3DBAG_DATA', 'https://data.3dbag.nl'),
} as const;

export type EndpointExtraName = keyof typeof endpointsExtra;

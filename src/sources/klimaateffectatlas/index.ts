/**
 * Klimaateffectatlas heat layers over WMS. The globe uses the URLs (Cesium's WMS provider builds
 * GetMap itself); this module builds GetCapabilities/GetMap URLs and reads layer names from the
 * capabilities, because the layer names in the notes are MED certainty and must be confirmed.
 * XML is read with a small tolerant scanner, not DOMParser, which Web Workers and Node lack.
 */
import { INPUT_LIMITS } from '../../config/input-limits.ts';
import { z } from 'zod';
import { endpoints } from '../../config/endpoints.ts';
import { getDefaultHttpClient, type HttpClient } from '../http/client.ts';
import { buildUrl } from '../http/url.ts';
import { toResult, type SourceResult } from '../provenance.ts';
import { loadSpec, type BBox, type LoadOptions } from '../types.ts';

export const SOURCE_ID = 'klimaateffectatlas';

/** Heat layers seen in public code (MED); confirm with `layers()`. */
export const KEA_HEAT_LAYERS = {
  gevoelstemperatuur: 'gevoelstemperatuur_2022',
  hitteeiland: 'hitteeiland',
} as const;

export interface GetMapParams {
  layers: string | readonly string[];
  /** In the CRS below; for EPSG:4326 with WMS 1.3.0 the axis order is lat,lon. */
  bbox: BBox;
  width: number;
  height: number;
  crs?: 'EPSG:3857' | 'EPSG:4326' | 'EPSG:28992';
  format?: 'image/png' | 'image/jpeg';
  styles?: string;
}

export function capabilitiesUrl(base = endpoints.keaWms): string {
  return buildUrl(base, '', { service: 'WMS', request: 'GetCapabilities', version: '1.3.0' });
}

export function getMapUrl(p: GetMapParams, base = endpoints.keaWms): string {
  const crs = p.crs ?? 'EPSG:3857';
  const [a, b, c, d] = p.bbox;
  // WMS 1.3.0 + EPSG:4326 is lat/lon axis order; callers pass lon/lat like everywhere else in the app.
  const bbox = crs === 'EPSG:4326' ? [b, a, d, c] : [a, b, c, d];
  return buildUrl(base, '', {
    service: 'WMS',
    request: 'GetMap',
    version: '1.3.0',
    layers: typeof p.layers === 'string' ? p.layers : p.layers.join(','),
    styles: p.styles ?? '',
    crs,
    bbox: bbox.join(','),
    width: p.width,
    height: p.height,
    format: p.format ?? 'image/png',
    transparent: 'true',
  });
}

export interface WmsLayerInfo {
  name: string;
  title?: string;
}

function decodeXml(s: string): string {
  return (
    s
      // Plain replacements, not a lazy regex: a hostile value full of "<![CDATA[" must stay linear.
      .replaceAll('<![CDATA[', '')
      .replaceAll(']]>', '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&')
      .trim()
  );
}

const MAX_VALUE_CHARS = 4096;

/**
 * Named layers from WMS capabilities: for each `<Layer>`, the `<Name>`/`<Title>` that belong to it
 * directly (before its first child layer). Namespace prefixes (wms:Layer) are tolerated.
 */
export function parseCapabilitiesLayers(xml: string): WmsLayerInfo[] {
  const out: WmsLayerInfo[] = [];
  // Every search is bounded (attributes, values), so a document built to be slow to scan — tags
  // or values never closed — costs linear time, not quadratic (a 400 KB one took 13 s before).
  const tag = /<(\/?)(?:[\w-]+:)?(Layer|Name|Title)\b[^<>]{0,1000}>/g;
  const stack: { name?: string; title?: string; closedHead: boolean }[] = [];
  // The next "]]>" at or after a position; searches only move forward, so their total is linear.
  let cdataClose = -1;
  const cdataCloseFrom = (from: number): number => {
    if (cdataClose !== Infinity && cdataClose < from) {
      const found = xml.indexOf(']]>', from);
      cdataClose = found < 0 ? Infinity : found;
    }
    return cdataClose;
  };
  /** The text up to the closing tag (CDATA included), or undefined when it does not close soon. */
  const valueAt = (start: number): string | undefined => {
    let i = start;
    for (;;) {
      const lt = xml.indexOf('<', i);
      if (lt < 0 || lt - start > MAX_VALUE_CHARS) return undefined;
      if (!xml.startsWith('<![CDATA[', lt))
        return xml.startsWith('</', lt) ? decodeXml(xml.slice(start, lt)) : undefined;
      const close = cdataCloseFrom(lt);
      if (close - start > MAX_VALUE_CHARS) return undefined;
      i = close + 3;
    }
  };
  let m: RegExpExecArray | null;
  while ((m = tag.exec(xml)) !== null) {
    const closing = m[1] === '/';
    const kind = m[2];
    if (kind === 'Layer') {
      if (!closing) {
        const parent = stack[stack.length - 1];
        if (parent) parent.closedHead = true;
        stack.push({ closedHead: false });
      } else {
        const layer = stack.pop();
        if (layer?.name)
          out.push(layer.title ? { name: layer.name, title: layer.title } : { name: layer.name });
      }
      continue;
    }
    if (closing) continue;
    const current = stack[stack.length - 1];
    if (!current || current.closedHead) continue;
    const value = valueAt(tag.lastIndex);
    if (value === undefined) continue;
    if (kind === 'Name' && current.name === undefined) current.name = value;
    if (kind === 'Title' && current.title === undefined) current.title = value;
  }
  return out;
}

const capabilitiesSchema = z
  .string()
  .refine((s) => /<(?:[\w-]+:)?WMS_Capabilities\b|<WMT_MS_Capabilities\b/.test(s), {
    message: 'not a WMS capabilities document',
  });

export function createKlimaatEffectAtlas(options: { baseUrl?: string; http?: HttpClient } = {}) {
  const baseUrl = options.baseUrl ?? endpoints.keaWms;
  const http = options.http ?? getDefaultHttpClient();
  return {
    getMapUrl: (p: GetMapParams) => getMapUrl(p, baseUrl),
    capabilitiesUrl: () => capabilitiesUrl(baseUrl),
    /** Layer names offered by the service (to confirm the heat layer names before use). */
    async layers(opts: LoadOptions = {}): Promise<SourceResult<WmsLayerInfo[]>> {
      const fetched = await http.request({
        sourceId: SOURCE_ID,
        url: capabilitiesUrl(baseUrl),
        responseType: 'text',
        schema: capabilitiesSchema,
        policy: { ttlMs: 24 * 3_600_000, maxBytes: INPUT_LIMITS.layerResponseBytes },
        ...loadSpec(opts),
      });
      return toResult(SOURCE_ID, [fetched], parseCapabilitiesLayers(fetched.data));
    },
  };
}

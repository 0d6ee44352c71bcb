/**
 * PDOK Locatieserver v3.1: address search for the viewer. Typical use: `suggest(q)` while typing,
 * then `lookup(id)` for the chosen suggestion to get its point. Results are restricted to the
 * municipality of Utrecht with `fq=gemeentenaam:Utrecht`, as Gemeente Utrecht's own frontend does.
 */
import { endpoints } from '../../config/endpoints.ts';
import { rdToLonLat } from '../../geo/rd.ts';
import { parseWktPoint } from '../geo.ts';
import { getDefaultHttpClient, type HttpClient } from '../http/client.ts';
import { buildUrl } from '../http/url.ts';
import { provenanceFor, toResult, type SourceResult } from '../provenance.ts';
import { loadSpec, type LoadOptions } from '../types.ts';
import { lookupResponseSchema, suggestResponseSchema, type LookupDoc } from './schema.ts';

export const SOURCE_ID = 'pdok-locatieserver';

export interface AddressSuggestion {
  id: string;
  /** PDOK's `weergavenaam`, e.g. "Bolognalaan 101, 3584CJ Utrecht". */
  label: string;
  /** adres, weg, postcode, woonplaats, gemeente, … */
  type: string;
  lon?: number;
  lat?: number;
}

export interface AddressLocation {
  id: string;
  label: string;
  lon: number;
  lat: number;
  /** RD New metres when PDOK provides `centroide_rd`. */
  rd?: [number, number];
}

export interface ReverseHit extends AddressLocation {
  type: string;
  /** Metres from the queried point, when PDOK reports it. */
  distanceM?: number;
}

export interface SuggestOptions extends LoadOptions {
  /** Max suggestions (PDOK default 10). */
  rows?: number;
  /** Restrict to these PDOK types, e.g. ['adres', 'weg']. */
  types?: readonly string[];
}

export interface ReverseOptions extends LoadOptions {
  rows?: number;
  /** Defaults to 'adres'. */
  type?: string;
}

export interface LocatieserverOptions {
  baseUrl?: string;
  http?: HttpClient;
  /** `gemeentenaam` filter; Utrecht unless the twin is reused for another city. */
  municipality?: string;
}

export interface Locatieserver {
  suggest(q: string, opts?: SuggestOptions): Promise<SourceResult<AddressSuggestion[]>>;
  lookup(id: string, opts?: LoadOptions): Promise<SourceResult<AddressLocation>>;
  reverse(lon: number, lat: number, opts?: ReverseOptions): Promise<SourceResult<ReverseHit[]>>;
}

const SUGGEST_FIELDS = 'id,weergavenaam,type,centroide_ll,score';

/** Solr syntax characters in user input would make PDOK answer 400; searching ignores them anyway. */
export function sanitiseQuery(q: string): string {
  return q
    .replace(/[+\-!(){}[\]^"~*?:\\/&|]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function createLocatieserver(options: LocatieserverOptions = {}): Locatieserver {
  const baseUrl = options.baseUrl ?? endpoints.pdokLocatieserver;
  const http = options.http ?? getDefaultHttpClient();
  const fq = `gemeentenaam:${options.municipality ?? 'Utrecht'}`;

  async function suggest(q: string, opts: SuggestOptions = {}): Promise<SourceResult<AddressSuggestion[]>> {
    const query = sanitiseQuery(q);
    const filters = [fq];
    if (opts.types?.length) filters.push(`type:(${opts.types.join(' OR ')})`);
    const url = buildUrl(baseUrl, 'suggest', { q: query, fq: filters, fl: SUGGEST_FIELDS, rows: opts.rows });
    if (query === '') {
      // Nothing to ask; answer locally so typing a lone space costs no request.
      return { data: [], provenance: provenanceFor(SOURCE_ID, { url, fetchedAt: http.clock.now() }) };
    }
    const fetched = await http.request({
      sourceId: SOURCE_ID,
      url,
      schema: suggestResponseSchema,
      policy: { ttlMs: 10 * 60_000, timeoutMs: 8_000 },
      ...loadSpec(opts),
    });
    const data = fetched.data.response.docs.map((doc): AddressSuggestion => {
      const point = doc.centroide_ll ? parseWktPoint(doc.centroide_ll) : undefined;
      const s: AddressSuggestion = { id: doc.id, label: doc.weergavenaam, type: doc.type ?? 'onbekend' };
      if (point) [s.lon, s.lat] = point;
      return s;
    });
    return toResult(SOURCE_ID, [fetched], data);
  }

  async function lookup(id: string, opts: LoadOptions = {}): Promise<SourceResult<AddressLocation>> {
    const url = buildUrl(baseUrl, 'lookup', { id });
    const fetched = await http.request({
      sourceId: SOURCE_ID,
      url,
      schema: lookupResponseSchema,
      isEmpty: (r) => r.response.docs.length === 0,
      policy: { ttlMs: 24 * 3_600_000 },
      ...loadSpec(opts),
    });
    // isEmpty guarantees a first doc.
    const doc = fetched.data.response.docs[0] as LookupDoc;
    return toResult(SOURCE_ID, [fetched], toLocation(doc));
  }

  async function reverse(
    lon: number,
    lat: number,
    opts: ReverseOptions = {},
  ): Promise<SourceResult<ReverseHit[]>> {
    const url = buildUrl(baseUrl, 'reverse', {
      lon: lon.toFixed(7),
      lat: lat.toFixed(7),
      rows: opts.rows ?? 1,
      // PDOK's reverse defaults to type=adres; the parameter name is MED certainty, so only sent when asked.
      type: opts.type,
      fl: 'id,weergavenaam,type,centroide_ll,centroide_rd,afstand',
    });
    const fetched = await http.request({
      sourceId: SOURCE_ID,
      url,
      schema: lookupResponseSchema,
      policy: { ttlMs: 60 * 60_000 },
      ...loadSpec(opts),
    });
    const data = fetched.data.response.docs.map((doc): ReverseHit => {
      const hit: ReverseHit = { ...toLocation(doc), type: doc.type ?? 'onbekend' };
      if (doc.afstand !== undefined) hit.distanceM = doc.afstand;
      return hit;
    });
    return toResult(SOURCE_ID, [fetched], data);
  }

  return { suggest, lookup, reverse };
}

/** Builds the location from PDOK's WGS84 centroid, or from the RD centroid when that is all there is. */
export function toLocation(doc: LookupDoc): AddressLocation {
  const ll = doc.centroide_ll ? parseWktPoint(doc.centroide_ll) : undefined;
  const rd = doc.centroide_rd ? parseWktPoint(doc.centroide_rd) : undefined;
  // The schema guarantees at least one of the two parses.
  const [lon, lat] = ll ?? rdToLonLat(...(rd as [number, number]));
  const loc: AddressLocation = { id: doc.id, label: doc.weergavenaam, lon, lat };
  if (rd) loc.rd = rd;
  return loc;
}

let defaultInstance: Locatieserver | undefined;
function instance(): Locatieserver {
  defaultInstance ??= createLocatieserver();
  return defaultInstance;
}

/** Suggestions for a partial address in Utrecht (default client and endpoint). */
export function suggest(q: string, opts?: SuggestOptions): Promise<SourceResult<AddressSuggestion[]>> {
  return instance().suggest(q, opts);
}

/** The point of one suggestion, by its id (`adr-…`, `weg-…`, …). Rejects with kind 'empty' for unknown ids. */
export function lookup(id: string, opts?: LoadOptions): Promise<SourceResult<AddressLocation>> {
  return instance().lookup(id, opts);
}

/** Nearest addresses to a WGS84 point. */
export function reverse(
  lon: number,
  lat: number,
  opts?: ReverseOptions,
): Promise<SourceResult<ReverseHit[]>> {
  return instance().reverse(lon, lat, opts);
}

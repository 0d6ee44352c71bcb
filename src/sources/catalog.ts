/**
 * Every external source the twin can read, with what we know about it (from
 * docs/shared notes "data-sources.md"; nothing was probed live). Plain data, so the UI can render an
 * attribution/"about the data" panel and the error messages can name the source.
 */
import { endpoints } from '../config/endpoints.ts';
import type { MessageKey } from '../i18n/nl.ts';

export type Certainty = 'high' | 'med' | 'low';
export type CorsStatus = 'yes' | 'unknown' | 'no';

/** SPDX licence ids; `NOASSERTION` (SPDX's own term) when no licence was seen: see `licenceNoteKey`. */
export type LicenceId = 'CC0-1.0' | 'CC-BY-4.0' | 'ODbL-1.0' | 'NOASSERTION';

export const LICENCE_URLS: Readonly<Partial<Record<string, string>>> = {
  'CC0-1.0': 'https://creativecommons.org/publicdomain/zero/1.0/',
  'CC-BY-4.0': 'https://creativecommons.org/licenses/by/4.0/',
  'ODbL-1.0': 'https://opendatacommons.org/licenses/odbl/1-0/',
};

export interface CatalogEntry {
  id: string;
  /** Its name, notes and fallback are the texts `source.<id>.title|notes|fallback` in src/i18n. */
  titleKey: MessageKey;
  /** The base URL the loader asks (from the one endpoint table, so env overrides apply). */
  endpoint: string;
  licence: LicenceId;
  /** How sure we are of the licence (from data-sources.md). */
  licenceCertainty: Certainty;
  /** What is known when the licence is not one id (per dataset, not seen, …). */
  licenceNoteKey?: MessageKey;
  attribution: string;
  attributionUrl?: string;
  homepage: string;
  /** Can a page on another origin read it with fetch() / use it as a WebGL texture? */
  cors: CorsStatus;
  /** How certain the response format is. */
  certainty: Certainty;
  notesKey?: MessageKey;
  /** What the app does when the source fails; completes the sentences in messages.ts. */
  fallbackKey: MessageKey;
}

const entries = [
  {
    id: 'pdok-locatieserver',
    titleKey: 'source.pdok-locatieserver.title',
    endpoint: endpoints.pdokLocatieserver,
    licence: 'CC0-1.0',
    licenceCertainty: 'high',
    attribution: 'Kadaster / PDOK',
    attributionUrl: 'https://www.pdok.nl',
    homepage: 'https://www.pdok.nl/pdok-locatieserver',
    cors: 'yes',
    certainty: 'high',
    notesKey: 'source.pdok-locatieserver.notes',
    fallbackKey: 'source.pdok-locatieserver.fallback',
  },
  {
    id: '3dbag-tiles',
    titleKey: 'source.3dbag-tiles.title',
    endpoint: endpoints.threeDBagTiles,
    licence: 'CC-BY-4.0',
    licenceCertainty: 'high',
    attribution: '© 3DBAG by tudelft3d and 3DGI',
    attributionUrl: 'https://docs.3dbag.nl/en/copyright',
    homepage: 'https://3dbag.nl',
    cors: 'yes',
    certainty: 'high',
    fallbackKey: 'source.3dbag-tiles.fallback',
  },
  {
    id: '3dbag-api',
    titleKey: 'source.3dbag-api.title',
    endpoint: endpoints.threeDBagApi,
    licence: 'CC-BY-4.0',
    licenceCertainty: 'high',
    attribution: '© 3DBAG by tudelft3d and 3DGI',
    attributionUrl: 'https://docs.3dbag.nl/en/copyright',
    homepage: 'https://api.3dbag.nl/api.html',
    cors: 'unknown',
    certainty: 'high',
    notesKey: 'source.3dbag-api.notes',
    fallbackKey: 'source.3dbag-api.fallback',
  },
  {
    id: 'pdok-bag',
    titleKey: 'source.pdok-bag.title',
    endpoint: endpoints.pdokBagOgc,
    licence: 'CC0-1.0',
    licenceCertainty: 'med',
    attribution: 'Kadaster / PDOK (BAG)',
    attributionUrl: 'https://www.pdok.nl',
    homepage: 'https://api.pdok.nl/kadaster/bag/ogc/v2',
    cors: 'yes',
    certainty: 'high',
    notesKey: 'source.pdok-bag.notes',
    fallbackKey: 'source.pdok-bag.fallback',
  },
  {
    id: 'pdok-bgt',
    titleKey: 'source.pdok-bgt.title',
    endpoint: endpoints.pdokBgtOgc,
    licence: 'CC0-1.0',
    licenceCertainty: 'high',
    attribution: 'BGT / PDOK',
    attributionUrl: 'https://www.pdok.nl',
    homepage: 'https://api.pdok.nl/lv/bgt/ogc/v1',
    cors: 'yes',
    certainty: 'high',
    notesKey: 'source.pdok-bgt.notes',
    fallbackKey: 'source.pdok-bgt.fallback',
  },
  {
    id: 'cbs-wijkenbuurten',
    titleKey: 'source.cbs-wijkenbuurten.title',
    endpoint: endpoints.cbsWijkenBuurten,
    licence: 'CC-BY-4.0',
    licenceCertainty: 'high',
    attribution: 'CBS / PDOK',
    attributionUrl: 'https://www.cbs.nl',
    homepage: 'https://api.pdok.nl/cbs/wijken-en-buurten-2024/ogc/v1',
    cors: 'yes',
    certainty: 'high',
    notesKey: 'source.cbs-wijkenbuurten.notes',
    fallbackKey: 'source.cbs-wijkenbuurten.fallback',
  },
  {
    id: 'osm-overpass',
    titleKey: 'source.osm-overpass.title',
    endpoint: endpoints.overpass,
    licence: 'ODbL-1.0',
    licenceCertainty: 'high',
    attribution: '© OpenStreetMap contributors',
    attributionUrl: 'https://www.openstreetmap.org/copyright',
    homepage: 'https://wiki.openstreetmap.org/wiki/Overpass_API',
    cors: 'yes',
    certainty: 'high',
    notesKey: 'source.osm-overpass.notes',
    fallbackKey: 'source.osm-overpass.fallback',
  },
  {
    id: 'samen-meten',
    titleKey: 'source.samen-meten.title',
    endpoint: endpoints.samenMeten,
    licence: 'NOASSERTION',
    licenceCertainty: 'low',
    licenceNoteKey: 'licence.note.notSeen',
    attribution: 'RIVM Samen Meten',
    attributionUrl: 'https://samenmeten.rivm.nl',
    homepage: 'https://api-samenmeten.rivm.nl/v1.0',
    cors: 'unknown',
    certainty: 'high',
    notesKey: 'source.samen-meten.notes',
    fallbackKey: 'source.samen-meten.fallback',
  },
  {
    id: 'crowd-counts',
    titleKey: 'source.crowd-counts.title',
    endpoint: endpoints.crowdCounts,
    licence: 'NOASSERTION',
    licenceCertainty: 'low',
    licenceNoteKey: 'licence.note.cityCounters',
    attribution: 'Passantentellers van de gemeente',
    homepage: 'https://www.ogc.org/standards/sensorthings/',
    cors: 'unknown',
    certainty: 'low',
    notesKey: 'source.crowd-counts.notes',
    fallbackKey: 'source.crowd-counts.fallback',
  },
  {
    id: 'luchtmeetnet',
    titleKey: 'source.luchtmeetnet.title',
    endpoint: endpoints.luchtmeetnet,
    licence: 'NOASSERTION',
    licenceCertainty: 'low',
    licenceNoteKey: 'licence.note.notSeen',
    attribution: 'Luchtmeetnet',
    attributionUrl: 'https://www.luchtmeetnet.nl',
    homepage: 'https://api.luchtmeetnet.nl/open_api',
    cors: 'unknown',
    certainty: 'high',
    notesKey: 'source.luchtmeetnet.notes',
    fallbackKey: 'source.luchtmeetnet.fallback',
  },
  {
    id: 'telraam',
    titleKey: 'source.telraam.title',
    endpoint: endpoints.telraamExport,
    licence: 'CC-BY-4.0',
    licenceCertainty: 'med',
    attribution: 'Telraam',
    attributionUrl: 'https://telraam.net',
    homepage: 'https://telraam-api.net',
    cors: 'unknown',
    certainty: 'high',
    notesKey: 'source.telraam.notes',
    fallbackKey: 'source.telraam.fallback',
  },
  {
    id: 'utrecht-portal',
    titleKey: 'source.utrecht-portal.title',
    endpoint: endpoints.utrechtPortal,
    licence: 'NOASSERTION',
    licenceCertainty: 'low',
    licenceNoteKey: 'licence.note.perDataset',
    attribution: 'Gemeente Utrecht',
    attributionUrl: 'https://open.utrecht.nl',
    homepage: 'https://open.utrecht.nl',
    cors: 'unknown',
    certainty: 'med',
    notesKey: 'source.utrecht-portal.notes',
    fallbackKey: 'source.utrecht-portal.fallback',
  },
  {
    id: 'klimaateffectatlas',
    titleKey: 'source.klimaateffectatlas.title',
    endpoint: endpoints.keaWms,
    licence: 'NOASSERTION',
    licenceCertainty: 'low',
    licenceNoteKey: 'licence.note.perLayer',
    attribution: 'Klimaateffectatlas',
    attributionUrl: 'https://www.klimaateffectatlas.nl',
    homepage: 'https://www.klimaateffectatlas.nl',
    cors: 'unknown',
    certainty: 'med',
    notesKey: 'source.klimaateffectatlas.notes',
    fallbackKey: 'source.klimaateffectatlas.fallback',
  },
  {
    id: 'pdok-luchtfoto',
    titleKey: 'source.pdok-luchtfoto.title',
    endpoint: endpoints.pdokLuchtfoto,
    licence: 'CC-BY-4.0',
    licenceCertainty: 'med',
    attribution: 'Beeldmateriaal Nederland / PDOK',
    attributionUrl: 'https://www.beeldmateriaal.nl',
    homepage: 'https://www.pdok.nl',
    cors: 'yes',
    certainty: 'high',
    fallbackKey: 'source.pdok-luchtfoto.fallback',
  },
  {
    id: 'pdok-brt',
    titleKey: 'source.pdok-brt.title',
    endpoint: endpoints.pdokBrt,
    licence: 'CC-BY-4.0',
    licenceCertainty: 'high',
    attribution: '© CBS, Kadaster, OpenStreetMap',
    attributionUrl: 'https://www.pdok.nl',
    homepage: 'https://www.pdok.nl',
    cors: 'yes',
    certainty: 'high',
    fallbackKey: 'source.pdok-brt.fallback',
  },
] as const satisfies readonly CatalogEntry[];

export type SourceId = (typeof entries)[number]['id'];

export const catalog: Readonly<Record<SourceId, CatalogEntry>> = Object.fromEntries(
  entries.map((e) => [e.id, e]),
) as Record<SourceId, CatalogEntry>;

export const catalogEntries: readonly CatalogEntry[] = entries;

/** Lookup that tolerates ids of sources added later (e.g. another SensorThings service). */
export function getCatalogEntry(id: string): CatalogEntry | undefined {
  return (catalog as Record<string, CatalogEntry | undefined>)[id];
}

/**
 * Every external source the twin can read, with what we know about it (from
 * docs/shared notes "data-sources.md"; nothing was probed live). Pure data, so the UI can render an
 * attribution/"about the data" panel and the error messages can name the source.
 */
export type Certainty = 'high' | 'med' | 'low';
export type CorsStatus = 'yes' | 'unknown' | 'no';

export interface Localised {
  nl: string;
  en: string;
}

export interface CatalogEntry {
  id: string;
  title: Localised;
  licence: string;
  attribution: string;
  attributionUrl?: string;
  homepage: string;
  /** Can a page on another origin read it with fetch() / use it as a WebGL texture? */
  cors: CorsStatus;
  certainty: Certainty;
  notes?: string;
  /** What the app does when the source fails; completes the sentences in messages.ts. */
  fallback: Localised;
}

const entries = [
  {
    id: 'pdok-locatieserver',
    title: { nl: 'PDOK Locatieserver', en: 'PDOK Locatieserver' },
    licence: 'CC0 (BAG/BRK-derived, open)',
    attribution: 'Kadaster / PDOK',
    attributionUrl: 'https://www.pdok.nl',
    homepage: 'https://www.pdok.nl/pdok-locatieserver',
    cors: 'yes',
    certainty: 'high',
    notes: 'reverse endpoint parameter names are MED certainty',
    fallback: {
      nl: 'Zoeken werkt alleen op de voorbeeldplaatsen.',
      en: 'Search only covers the sample places.',
    },
  },
  {
    id: '3dbag-tiles',
    title: { nl: '3DBAG 3D Tiles', en: '3DBAG 3D Tiles' },
    licence: 'CC BY 4.0',
    attribution: '© 3DBAG by tudelft3d and 3DGI',
    attributionUrl: 'https://docs.3dbag.nl/en/copyright',
    homepage: 'https://3dbag.nl',
    cors: 'yes',
    certainty: 'high',
    fallback: {
      nl: 'De app toont de meegeleverde voorbeeldgebouwen.',
      en: 'The app shows the bundled sample buildings.',
    },
  },
  {
    id: '3dbag-api',
    title: { nl: '3DBAG API', en: '3DBAG API' },
    licence: 'CC BY 4.0',
    attribution: '© 3DBAG by tudelft3d and 3DGI',
    attributionUrl: 'https://docs.3dbag.nl/en/copyright',
    homepage: 'https://api.3dbag.nl/api.html',
    cors: 'unknown',
    certainty: 'high',
    notes: 'Not OGC-compliant; EPSG:7415 only; limit capped at 100, 1-based offset.',
    fallback: {
      nl: 'Gebouwgegevens worden alleen uit de 3D-tegels getoond.',
      en: 'Building details come from the 3D tiles only.',
    },
  },
  {
    id: 'pdok-bag',
    title: { nl: 'BAG panden (PDOK OGC API)', en: 'BAG buildings (PDOK OGC API)' },
    licence: 'CC0',
    attribution: 'Kadaster / PDOK (BAG)',
    attributionUrl: 'https://www.pdok.nl',
    homepage: 'https://api.pdok.nl/kadaster/bag/ogc/v2',
    cors: 'yes',
    certainty: 'high',
    notes: 'Field list MED certainty; licence CC0 per several sources (MED).',
    fallback: { nl: 'Pandvlakken worden niet getoond.', en: 'Building footprints are not shown.' },
  },
  {
    id: 'pdok-bgt',
    title: { nl: 'BGT (PDOK OGC API)', en: 'BGT large-scale topography (PDOK OGC API)' },
    licence: 'CC0',
    attribution: 'BGT / PDOK',
    attributionUrl: 'https://www.pdok.nl',
    homepage: 'https://api.pdok.nl/lv/bgt/ogc/v1',
    cors: 'yes',
    certainty: 'high',
    notes: 'Tree points carry positions only (no species/height). Field lists MED.',
    fallback: {
      nl: 'Bomen, groen, wegen en water uit de BGT worden niet getoond.',
      en: 'BGT trees, green, roads and water are not shown.',
    },
  },
  {
    id: 'cbs-wijkenbuurten',
    title: { nl: 'CBS Wijken en Buurten', en: 'CBS districts and neighbourhoods' },
    licence: 'CC BY 4.0',
    attribution: 'CBS / PDOK',
    attributionUrl: 'https://www.cbs.nl',
    homepage: 'https://api.pdok.nl/cbs/wijken-en-buurten-2024/ogc/v1',
    cors: 'yes',
    certainty: 'high',
    notes: 'Negative values (-99995…-99999) are CBS sentinels for secret/missing; read as null.',
    fallback: {
      nl: 'Buurtgrenzen en -cijfers worden niet getoond.',
      en: 'Neighbourhood boundaries and figures are not shown.',
    },
  },
  {
    id: 'samen-meten',
    title: { nl: 'RIVM Samen Meten', en: 'RIVM Samen Meten (citizen sensors)' },
    licence: 'Open data (RIVM); exact licence not seen',
    attribution: 'RIVM Samen Meten',
    attributionUrl: 'https://samenmeten.rivm.nl',
    homepage: 'https://api-samenmeten.rivm.nl/v1.0',
    cors: 'unknown',
    certainty: 'high',
    notes: '$expand support MED; CORS unknown, a proxy or static extract may be needed.',
    fallback: {
      nl: 'Sensormetingen van burgers worden niet getoond.',
      en: 'Citizen sensor readings are not shown.',
    },
  },
  {
    id: 'crowd-counts',
    title: { nl: 'Passantentellingen (SensorThings)', en: 'Pedestrian counts (SensorThings)' },
    licence: 'Set by the city that runs the counters; not known here',
    attribution: 'Passantentellers van de gemeente',
    homepage: 'https://www.ogc.org/standards/sensorthings/',
    cors: 'unknown',
    certainty: 'low',
    notes:
      "No public API for Utrecht's counters was found (data-sources.md §5.5): a city plugs in its own SensorThings service following src/sources/crowd-counts/convention.ts. Aggregated counts only; counts below 5 are hidden.",
    fallback: {
      nl: 'De drukte wordt getoond uit de meegeleverde voorbeelddagen (verzonnen).',
      en: 'Crowding is shown from the bundled sample days (made up).',
    },
  },
  {
    id: 'luchtmeetnet',
    title: { nl: 'Luchtmeetnet', en: 'Luchtmeetnet (official air quality)' },
    licence: 'Open data (RIVM / Luchtmeetnet); exact licence not seen',
    attribution: 'Luchtmeetnet',
    attributionUrl: 'https://www.luchtmeetnet.nl',
    homepage: 'https://api.luchtmeetnet.nl/open_api',
    cors: 'unknown',
    certainty: 'high',
    notes: 'Fair use ~100 requests / 5 min (MED).',
    fallback: {
      nl: 'Officiële meetstations worden niet getoond.',
      en: 'Official monitoring stations are not shown.',
    },
  },
  {
    id: 'telraam',
    title: { nl: 'Telraam', en: 'Telraam (traffic counts)' },
    licence: 'CC BY 4.0 (MED)',
    attribution: 'Telraam',
    attributionUrl: 'https://telraam.net',
    homepage: 'https://telraam-api.net',
    cors: 'unknown',
    certainty: 'high',
    notes: 'Needs an API key: the browser reads a static export or a server-side proxy, never the key.',
    fallback: {
      nl: 'Fietstellingen worden uit de laatste export getoond, of niet.',
      en: 'Bike counts come from the last export, if any.',
    },
  },
  {
    id: 'utrecht-portal',
    title: { nl: 'Open data Utrecht (open.utrecht.nl)', en: 'Utrecht open data portal' },
    licence: 'Per dataset (mostly CC0)',
    attribution: 'Gemeente Utrecht',
    attributionUrl: 'https://open.utrecht.nl',
    homepage: 'https://open.utrecht.nl',
    cors: 'unknown',
    certainty: 'med',
    notes: 'Response shape reconstructed from one dump; parsed tolerantly.',
    fallback: {
      nl: 'De datasetlijst van de gemeente is niet beschikbaar.',
      en: "The city's dataset list is unavailable.",
    },
  },
  {
    id: 'klimaateffectatlas',
    title: { nl: 'Klimaateffectatlas', en: 'Climate Impact Atlas (Klimaateffectatlas)' },
    licence: 'Per layer; not confirmed',
    attribution: 'Klimaateffectatlas',
    attributionUrl: 'https://www.klimaateffectatlas.nl',
    homepage: 'https://www.klimaateffectatlas.nl',
    cors: 'unknown',
    certainty: 'med',
    notes: 'Layer names MED: confirm with GetCapabilities.',
    fallback: { nl: 'De hittekaart wordt niet getoond.', en: 'The heat map is not shown.' },
  },
  {
    id: 'pdok-luchtfoto',
    title: { nl: 'PDOK Luchtfoto', en: 'PDOK aerial imagery' },
    licence: 'CC BY 4.0 (MED)',
    attribution: 'Beeldmateriaal Nederland / PDOK',
    attributionUrl: 'https://www.beeldmateriaal.nl',
    homepage: 'https://www.pdok.nl',
    cors: 'yes',
    certainty: 'high',
    fallback: { nl: 'De ondergrond blijft leeg.', en: 'The base map stays blank.' },
  },
  {
    id: 'pdok-brt',
    title: { nl: 'PDOK BRT-Achtergrondkaart', en: 'PDOK BRT background map' },
    licence: 'CC BY 4.0',
    attribution: '© CBS, Kadaster, OpenStreetMap',
    attributionUrl: 'https://www.pdok.nl',
    homepage: 'https://www.pdok.nl',
    cors: 'yes',
    certainty: 'high',
    fallback: { nl: 'De ondergrond blijft leeg.', en: 'The base map stays blank.' },
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

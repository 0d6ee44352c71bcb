/**
 * The one table of limits on what a user or a server can hand the app. Each is checked BEFORE
 * the input is inflated or parsed, so a hostile or broken file, link or server cannot take the
 * tab down; the app then says which limit it hit (texts `inputLimit.*`) and keeps what it had.
 */
export const INPUT_LIMITS = {
  /** A scenario is a small diff over a baseline (the largest example is ~3 KB); 1 MB is 300× that. */
  scenarioBytes: 1_000_000,
  /**
   * An `sc=` token, before it is decoded. Browsers and servers cut URLs around 64–100 KB; a token of
   * a 1 MB scenario compressed does not fit anyway, so anything longer is not a link we made.
   */
  scenarioLinkChars: 100_000,
  /**
   * JSON nesting. GeoJSON needs 6 levels (MultiPolygon in a feature in a collection), scenarios
   * fewer than 10; the validators and structuredClone recurse, so very deep input would overflow
   * the stack. 64 leaves room for any honest file.
   */
  jsonDepth: 64,
  /**
   * One API response (a page). The largest real page we read (PDOK OGC API, 1000 BGT trees) is
   * ~2 MB; parsing 10 MB of JSON takes ~0.1 s and ~50 MB of memory, which a tablet survives.
   */
  apiResponseBytes: 10 * 1024 * 1024,
  /** OGC API Features pages (PDOK BGT/BAG at limit=1000 with full geometry reach ~15 MB). */
  featurePageBytes: 30 * 1024 * 1024,
  /** 3DBAG metadata and KEA WMS answers: small in practice, generous for the odd large one. */
  layerResponseBytes: 20 * 1024 * 1024,
  /** A whole city in one answer: an Overpass area query or the Telraam export (~20 MB today). */
  bulkResponseBytes: 50 * 1024 * 1024,
  /**
   * A GeoJSON file or URL added by a user. 3DBAG/BGT extracts of a neighbourhood are a few MB;
   * 30 MB is the most that still parses and validates in about a second on a laptop.
   */
  userGeoJsonBytes: 30 * 1024 * 1024,
  /**
   * Coordinate positions in one added layer. deck.gl triangulates polygons on the main thread;
   * 250 000 positions (a detailed neighbourhood) draw in under a second, a million freeze the tab.
   */
  userGeoJsonPositions: 250_000,
  /**
   * A WMS/WMTS capabilities document. PDOK's largest (BRT WMTS, all tile matrix sets) is under
   * 1 MB; we read only layer names from it.
   */
  capabilitiesBytes: 5 * 1024 * 1024,
  /**
   * Reading one response body. A server that trickles bytes forever stays under every size cap,
   * so the body has a deadline too: 60 s is 10 MB on a slow mobile link (~1.5 Mbit/s).
   */
  responseReadMs: 60_000,
} as const satisfies Record<string, number>;

export type InputLimitName = keyof typeof INPUT_LIMITS;

/**
 * Writes made-up API responses for an area, in the real APIs' shapes (3DBAG API CityJSONFeature
 * pages, PDOK OGC API Features GeoJSON with cursor `rel=next`, Overpass JSON, CBS buurten): a
 * street grid with building blocks, a canal, a park block and street trees. Used for the recorded
 * fixtures of a small piece of Utrecht centre (`npm run area:fixtures`) and, scaled up, by the
 * area benchmark. Deterministic: the same spec gives byte-identical files.
 */
import { lonLatToRd, rdToLonLat } from '../../src/geo/rd.ts';

export interface SyntheticAreaSpec {
  /** Name in fixture file names, e.g. "centre". */
  name: string;
  /** [west, south, east, north] WGS84. */
  bbox: [number, number, number, number];
  /** A park: no buildings, grass, a pond, paths. */
  park?: boolean;
}

/** Fixture path (below tests/fixtures/api) → JSON body. */
export type Responses = Map<string, unknown>;

const BLOCK = 80;
const STREET = 12;
const BAG_PAGE = 100;
const BGT_PAGE = 1000;
const r3 = (v: number) => Math.round(v * 1000) / 1000;
const r7 = (v: number) => Math.round(v * 1e7) / 1e7;

export function syntheticArea(spec: SyntheticAreaSpec): Responses {
  const [w, s, e, n] = spec.bbox;
  const [x0, y0] = lonLatToRd(w, s).map(Math.round) as [number, number];
  const [x1, y1] = lonLatToRd(e, n).map(Math.round) as [number, number];
  const cols = Math.max(1, Math.floor((x1 - x0) / BLOCK));
  const rows = Math.max(1, Math.floor((y1 - y0) / BLOCK));
  const ll = (x: number, y: number): [number, number] => {
    const [lon, lat] = rdToLonLat(x, y);
    return [r7(lon), r7(lat)];
  };
  const rect = (ax: number, ay: number, bx: number, by: number) => [
    [ll(ax, ay), ll(bx, ay), ll(bx, by), ll(ax, by), ll(ax, ay)],
  ];
  const out: Responses = new Map();
  const park = spec.park === true;
  // Blocks: the one at (1, 1) is a park, column 2 has a canal along its west side.
  const isPark = (i: number, j: number) => park || (i === 1 && j === 1);

  // --- 3DBAG: four buildings per block, paged by 100 with 1-based offsets.
  const features: unknown[] = [];
  const translate = [x0, y0, 0];
  let k = 0;
  for (let j = 0; j < rows && !park; j++) {
    for (let i = 0; i < cols; i++) {
      if (isPark(i, j)) continue;
      for (let q = 0; q < 4; q++) {
        const bx = x0 + i * BLOCK + STREET / 2 + 4 + (q % 2) * 32;
        const by = y0 + j * BLOCK + STREET / 2 + 4 + Math.floor(q / 2) * 32;
        const id = `NL.IMBAG.Pand.0344100000${String(100000 + k).slice(-6)}`;
        const ground = 1 + (k % 10) / 10;
        // Every 37th building has no roof heights (3DBAG could not reconstruct it).
        const noHeight = k % 37 === 36;
        const attributes: Record<string, unknown> = {
          b3_h_maaiveld: ground,
          oorspronkelijkbouwjaar: 1600 + ((k * 37) % 420),
        };
        if (!noHeight) {
          attributes.b3_h_dak_70p = r3(ground + 8 + ((k * 7) % 13));
          attributes.b3_h_dak_max = r3(ground + 10 + ((k * 7) % 13));
        }
        const v = [
          [bx, by],
          [bx + 28, by],
          [bx + 28, by + 28],
          [bx, by + 28],
        ].map(([x, y]) => [(x! - x0) * 1000, (y! - y0) * 1000, Math.round(ground * 1000)]);
        features.push({
          type: 'CityJSONFeature',
          id,
          CityObjects: {
            [id]: {
              type: 'Building',
              attributes,
              geometry: [{ type: 'MultiSurface', lod: '0', boundaries: [[[0, 1, 2, 3]]] }],
            },
          },
          vertices: v,
        });
        k++;
      }
    }
  }
  const pages = Math.max(1, Math.ceil(features.length / BAG_PAGE));
  for (let p = 0; p < pages; p++) {
    const slice = features.slice(p * BAG_PAGE, (p + 1) * BAG_PAGE);
    // The real API pages by offset; a building on a page boundary may come twice (sorted inserts).
    if (p > 0 && features[p * BAG_PAGE - 1]) slice.unshift(features[p * BAG_PAGE - 1]);
    const links =
      p + 1 < pages
        ? [
            {
              href: `https://api.3dbag.nl/collections/pand/items?bbox=${x0},${y0},${x1},${y1}&offset=${(p + 1) * BAG_PAGE + 1}&limit=${BAG_PAGE}`,
              rel: 'next',
              type: 'application/city+json',
            },
          ]
        : [];
    out.set(`3dbag-api/area-${spec.name}-page${p + 1}.json`, {
      numberMatched: features.length,
      type: 'FeatureCollection',
      links,
      metadata: {
        version: '2.0',
        transform: { scale: [0.001, 0.001, 0.001], translate },
        referenceSystem: 'https://www.opengis.net/def/crs/EPSG/0/7415',
      },
      numberReturned: slice.length,
      features: slice,
    });
  }

  // --- BGT ground cover and trees (CRS84 GeoJSON).
  const bgt = (collection: string, items: { props: Record<string, unknown>; geometry: unknown }[]) => {
    const all = items.map((it, i) => ({
      type: 'Feature',
      id: `${collection}.${spec.name}.${i + 1}`,
      properties: {
        lokaal_id: `G0344.${collection.slice(0, 4)}${String(i + 1).padStart(6, '0')}`,
        ...it.props,
      },
      geometry: it.geometry,
    }));
    // wegdeel comes in two pages so the cursor is exercised even for a small area.
    const size = collection === 'wegdeel' ? Math.max(1, Math.ceil(all.length / 2)) : BGT_PAGE;
    const count = Math.max(1, Math.ceil(all.length / size));
    for (let p = 0; p < count; p++) {
      const page = all.slice(p * size, (p + 1) * size);
      const links: unknown[] = [
        {
          rel: 'self',
          type: 'application/geo+json',
          href: `https://api.pdok.nl/lv/bgt/ogc/v1/collections/${collection}/items?f=json`,
        },
      ];
      if (p + 1 < count)
        links.push({
          rel: 'next',
          type: 'application/geo+json',
          title: 'Next page',
          href: `https://api.pdok.nl/lv/bgt/ogc/v1/collections/${collection}/items?f=json&limit=${BGT_PAGE}&cursor=${spec.name}p${p + 2}`,
        });
      out.set(`pdok-bgt/area-${spec.name}-${collection}${p === 0 ? '' : `-page${p + 1}`}.json`, {
        type: 'FeatureCollection',
        timeStamp: '2026-08-20T10:00:00Z',
        links,
        numberReturned: page.length,
        features: page,
      });
    }
  };
  const poly = (ax: number, ay: number, bx: number, by: number) => ({
    type: 'Polygon',
    coordinates: rect(ax, ay, bx, by),
  });
  const roads: { props: Record<string, unknown>; geometry: unknown }[] = [];
  const sidewalks: typeof roads = [];
  for (let i = 0; i <= cols && !park; i++) {
    const x = x0 + i * BLOCK;
    roads.push({
      props: { functie: 'rijbaan lokale weg', fysiek_voorkomen: 'gesloten verharding' },
      geometry: poly(x - 4, y0, x + 4, y0 + rows * BLOCK),
    });
    sidewalks.push({
      props: { functie: 'voetpad', fysiek_voorkomen: 'open verharding' },
      geometry: poly(x + 4, y0, x + 6, y0 + rows * BLOCK),
    });
  }
  for (let j = 0; j <= rows && !park; j++) {
    const y = y0 + j * BLOCK;
    roads.push({
      props: {
        functie: j === 0 ? 'fietspad' : 'rijbaan lokale weg',
        fysiek_voorkomen: 'gesloten verharding',
      },
      geometry: poly(x0, y - 4, x0 + cols * BLOCK, y + 4),
    });
  }
  const green: typeof roads = [];
  const water: typeof roads = [];
  const bare: typeof roads = [];
  for (let j = 0; j < rows; j++)
    for (let i = 0; i < cols; i++) {
      const bx = x0 + i * BLOCK + STREET / 2;
      const by = y0 + j * BLOCK + STREET / 2;
      const size = BLOCK - STREET;
      if (isPark(i, j)) {
        green.push({
          props: { fysiek_voorkomen: 'grasland overig' },
          geometry: poly(bx, by, bx + size, by + size),
        });
        if (park || j === 1)
          water.push({ props: { type: 'watervlakte' }, geometry: poly(bx + 20, by + 20, bx + 40, by + 40) });
      } else
        bare.push({
          props: { fysiek_voorkomen: 'erf' },
          geometry: poly(bx + 1, by + 1, bx + 3, by + size - 1),
        });
    }
  if (!park && cols > 2)
    water.push({
      props: { type: 'watergang' },
      geometry: poly(x0 + 2 * BLOCK - 10, y0, x0 + 2 * BLOCK - 5, y0 + rows * BLOCK),
    });
  bgt('wegdeel', roads);
  bgt('ondersteunendwegdeel', sidewalks);
  bgt('onbegroeidterreindeel', bare);
  bgt('begroeidterreindeel', green);
  bgt('waterdeel', water);
  const trees: typeof roads = [];
  for (let j = 0; j <= rows; j++)
    for (let x = x0 + 10; x < x0 + cols * BLOCK; x += 20) {
      if (!park && (x - x0) % BLOCK < 8) continue;
      trees.push({
        props: { plus_type: 'boom' },
        geometry: { type: 'Point', coordinates: ll(x, y0 + j * BLOCK + (park ? 30 : 5)) },
      });
    }
  bgt('vegetatieobject_punt', trees);

  // --- OSM ways: grid streets share nodes at junctions; extra ways test the network rules.
  const nodeId = (i: number, j: number) => 7_000_000_000 + i * 1000 + j;
  const pt = (x: number, y: number) => {
    const [lon, lat] = ll(x, y);
    return { lat, lon };
  };
  const elements: unknown[] = [];
  const way = (
    id: number,
    nodes: number[],
    points: { lat: number; lon: number }[],
    tags: Record<string, string>,
  ) => elements.push({ type: 'way', id, nodes, geometry: points, tags });
  for (let i = 0; i <= cols; i++) {
    const tags: Record<string, string> = park
      ? { highway: 'footway', name: `Parkpad ${i + 1}` }
      : { highway: 'residential', name: `Rasterstraat ${i + 1}`, sidewalk: 'both' };
    if (!park && i === 1) tags.oneway = 'yes';
    if (!park && i === 2) Object.assign(tags, { oneway: 'yes', 'oneway:bicycle': 'no' });
    if (!park && i === 3) tags.width = '9';
    way(
      100_000 + i,
      Array.from({ length: rows + 1 }, (_, j) => nodeId(i, j)),
      Array.from({ length: rows + 1 }, (_, j) => pt(x0 + i * BLOCK, y0 + j * BLOCK)),
      tags,
    );
  }
  for (let j = 0; j <= rows; j++) {
    const tags: Record<string, string> =
      j === 0
        ? { highway: 'cycleway', name: `Fietspad Zuid`, width: '3', foot: 'yes' }
        : park
          ? { highway: 'footway', name: `Dwarspad ${j}` }
          : j === 1
            ? { highway: 'pedestrian', name: 'Winkelstraat', bicycle: 'no' }
            : { highway: 'residential', name: `Dwarsstraat ${j}`, sidewalk: 'both' };
    way(
      200_000 + j,
      Array.from({ length: cols + 1 }, (_, i) => nodeId(i, j)),
      Array.from({ length: cols + 1 }, (_, i) => pt(x0 + i * BLOCK, y0 + j * BLOCK)),
      tags,
    );
  }
  // A footpath beside the first street, joining it only at its ends (no width tag).
  if (rows >= 1)
    way(
      300_001,
      [nodeId(0, 0), 7_100_000_001, 7_100_000_002, nodeId(0, 1)],
      [pt(x0, y0), pt(x0 + 5, y0 + 10), pt(x0 + 5, y0 + BLOCK - 10), pt(x0, y0 + BLOCK)],
      { highway: 'footway' },
    );
  // A path inside a block that reaches no street: a disconnected piece.
  way(300_002, [7_100_000_010, 7_100_000_011], [pt(x0 + 20, y0 + 40), pt(x0 + 50, y0 + 40)], {
    highway: 'footway',
  });
  out.set(`overpass/area-${spec.name}.json`, {
    version: 0.6,
    generator: 'Overpass API 0.7.62.1 084b4234',
    osm3s: {
      timestamp_osm_base: '2026-08-20T09:58:12Z',
      copyright:
        'The data included in this document is from www.openstreetmap.org. The data is made available under ODbL.',
    },
    elements,
  });

  // --- CBS buurten: four quadrants of a box larger than the area.
  const [mx, my] = [(x0 + x1) / 2, (y0 + y1) / 2];
  const quads: [string, string, number, number, number, number, number][] = [
    ['BU03440001', 'Zuidwestkwartier', x0 - 300, y0 - 300, mx, my, 2310],
    ['BU03440002', 'Zuidoostkwartier', mx, y0 - 300, x1 + 300, my, 1875],
    ['BU03440003', 'Noordwestkwartier', x0 - 300, my, mx, y1 + 300, 3020],
    ['BU03440004', 'Noordoostkwartier', mx, my, x1 + 300, y1 + 300, -99997],
  ];
  out.set(`cbs-wijkenbuurten/area-${spec.name}-buurten.json`, {
    type: 'FeatureCollection',
    numberReturned: 4,
    features: quads.map(([code, name, ax, ay, bx, by, inwoners]) => ({
      type: 'Feature',
      id: code,
      properties: {
        buurtcode: code,
        buurtnaam: name,
        wijkcode: 'WK034400',
        gemeentecode: 'GM0344',
        aantal_inwoners: inwoners,
        aantal_huishoudens: inwoners < 0 ? -99997 : Math.round(inwoners / 2),
      },
      geometry: { type: 'MultiPolygon', coordinates: [rect(ax, ay, bx, by)] },
    })),
  });
  return out;
}

/** The recorded areas: a dense piece of Utrecht centre and a park (Wilhelminapark). */
export const RECORDED_AREAS: readonly SyntheticAreaSpec[] = [
  { name: 'centre', bbox: [5.117, 52.088, 5.123, 52.0925] },
  { name: 'park', bbox: [5.1335, 52.0855, 5.1365, 52.0875], park: true },
];

/**
 * Which recorded file answers a request for area `name` (the mock API's `/area/<name>/<source>/…`
 * routes and the benchmark's in-memory fetch share this). Undefined: no such file.
 */
export function areaFixtureFor(
  name: string,
  source: string,
  path: string,
  query: URLSearchParams,
): string | undefined {
  if (source === '3dbag-api' && path === '/collections/pand/items') {
    const offset = Number(query.get('offset') ?? 1);
    return `3dbag-api/area-${name}-page${Math.floor((offset - 1) / BAG_PAGE) + 1}.json`;
  }
  const items = /^\/collections\/([a-z_]+)\/items$/.exec(path);
  if (source === 'pdok-bgt' && items) {
    const page = new RegExp(`^${name}p(\\d+)$`).exec(query.get('cursor') ?? '')?.[1];
    return `pdok-bgt/area-${name}-${items[1]}${page ? `-page${page}` : ''}.json`;
  }
  if (source === 'cbs-wijkenbuurten' && items?.[1] === 'buurten')
    return `cbs-wijkenbuurten/area-${name}-buurten.json`;
  if (source === 'overpass' && path === '/api/interpreter') return `overpass/area-${name}.json`;
  return undefined;
}

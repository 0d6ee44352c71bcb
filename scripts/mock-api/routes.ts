/**
 * Which recorded fixture answers which request, per source. Each source lives under a path prefix
 * and names the real base URL its fixtures link to, so the server can rewrite absolute "next"
 * links to point back at itself.
 */
export interface RouteRequest {
  method: string;
  /** Path below the source prefix, e.g. "/suggest" or "/collections/pand/items". */
  path: string;
  query: URLSearchParams;
  body: string;
}

export type RouteReply =
  { fixture: string; contentType?: string } | { status: number; json: unknown } | { tile: true };

export interface SourceRoutes {
  prefix: string;
  /** Real base URL that appears inside fixtures; replaced by the mock's own base. */
  realBase?: string;
  handle(req: RouteRequest): RouteReply | undefined;
}

import { areaFixtureFor } from '../area/synthetic-area.ts';

const notFound = (detail: string): RouteReply => ({
  status: 404,
  json: { code: 'NotFound', description: detail },
});

export const sourceRoutes: SourceRoutes[] = [
  {
    prefix: '/pdok-locatieserver',
    realBase: 'https://api.pdok.nl/bzk/locatieserver/search/v3_1',
    handle({ path, query }) {
      const q = (query.get('q') ?? '').toLowerCase();
      if (path === '/suggest') {
        if (q.includes('bologna')) return { fixture: 'pdok-locatieserver/suggest-bolognalaan.json' };
        if (q.includes('anna')) return { fixture: 'pdok-locatieserver/suggest-annas.json' };
        return { fixture: 'pdok-locatieserver/suggest-empty.json' };
      }
      if (path === '/lookup') {
        return query.get('id') === 'adr-b68c0c21140e5370ff2834cefde4a17c'
          ? { fixture: 'pdok-locatieserver/lookup-bolognalaan-101.json' }
          : { fixture: 'pdok-locatieserver/lookup-empty.json' };
      }
      if (path === '/reverse') return { fixture: 'pdok-locatieserver/reverse-dom.json' };
      return undefined;
    },
  },
  {
    prefix: '/3dbag-api',
    realBase: 'https://api.3dbag.nl',
    handle({ path, query }) {
      if (path === '/collections/pand/items') {
        // Like the real server (app/parameters.py): any other parameter is a 400.
        const allowed = new Set(['bbox', 'offset', 'limit', 'crs', 'bbox-crs']);
        const unknown = [...query.keys()].filter((k) => !allowed.has(k));
        if (unknown.length > 0) {
          return {
            status: 400,
            json: {
              code: 'InvalidParameterValue',
              description: `Unknown parameter(s): ${unknown.join(', ')}`,
            },
          };
        }
        const offset = query.get('offset');
        if (offset === '3') return { fixture: '3dbag-api/items-dom-page2.json' };
        if (offset === '5') return { fixture: '3dbag-api/items-dom-page3.json' };
        if (offset !== null && offset !== '1') return { fixture: '3dbag-api/items-empty.json' };
        return { fixture: '3dbag-api/items-dom-page1.json' };
      }
      const item = /^\/collections\/pand\/items\/(.+)$/.exec(path);
      if (item) {
        return decodeURIComponent(item[1] ?? '') === 'NL.IMBAG.Pand.0344100000031316'
          ? { fixture: '3dbag-api/item-0344100000031316.json' }
          : notFound('Feature not found');
      }
      return undefined;
    },
  },
  {
    prefix: '/pdok-bag',
    realBase: 'https://api.pdok.nl/kadaster/bag/ogc/v2',
    handle({ path, query }) {
      if (path !== '/collections/pand/items') return undefined;
      return { fixture: query.has('cursor') ? 'pdok-bag/pand-page2.json' : 'pdok-bag/pand-page1.json' };
    },
  },
  {
    prefix: '/pdok-bgt',
    realBase: 'https://api.pdok.nl/lv/bgt/ogc/v1',
    handle({ path }) {
      const m = /^\/collections\/(vegetatieobject_punt|begroeidterreindeel|wegdeel|waterdeel)\/items$/.exec(
        path,
      );
      return m ? { fixture: `pdok-bgt/${m[1]}.json` } : undefined;
    },
  },
  {
    prefix: '/cbs-wijkenbuurten',
    realBase: 'https://api.pdok.nl/cbs/wijken-en-buurten-2024/ogc/v1',
    handle({ path }) {
      return path === '/collections/buurten/items'
        ? { fixture: 'cbs-wijkenbuurten/buurten-gm0344.json' }
        : undefined;
    },
  },
  {
    prefix: '/samen-meten/v1.0',
    realBase: 'https://api-samenmeten.rivm.nl/v1.0',
    handle({ path, query }) {
      if (path === '/Things') {
        return {
          fixture:
            query.get('$skip') === '2'
              ? 'samen-meten/things-344-page2.json'
              : 'samen-meten/things-344-page1.json',
        };
      }
      const obs = /^\/Datastreams\((\d+)\)\/Observations$/.exec(path);
      if (obs) {
        const known = ['40101', '40201', '40301'];
        return known.includes(obs[1] ?? '')
          ? { fixture: `samen-meten/observations-${obs[1]}-latest.json` }
          : { status: 200, json: { value: [] } };
      }
      return undefined;
    },
  },
  {
    // A made-up city counting service in SensorThings v1.1 shape (src/sources/crowd-counts).
    prefix: '/crowd-counts/v1.1',
    realBase: 'https://telpunten.example.org/FROST-Server/v1.1',
    handle({ path, query }) {
      if (path === '/Things')
        return { fixture: `crowd-counts/things-page${query.get('$skip') === '2' ? 2 : 1}.json` };
      const obs = /^\/Datastreams\((\d+)\)\/Observations$/.exec(path);
      if (!obs) return undefined;
      if (obs[1] === '5011')
        return { fixture: `crowd-counts/observations-5011-page${query.get('$skip') === '12' ? 2 : 1}.json` };
      return ['5012', '5021', '5022', '5031', '5032'].includes(obs[1] ?? '')
        ? { fixture: `crowd-counts/observations-${obs[1]}.json` }
        : { status: 200, json: { value: [] } };
    },
  },
  {
    prefix: '/luchtmeetnet',
    realBase: 'https://api.luchtmeetnet.nl/open_api',
    handle({ path, query }) {
      if (path === '/stations')
        return { fixture: `luchtmeetnet/stations-page${query.get('page') === '2' ? 2 : 1}.json` };
      const station = /^\/stations\/(NL\d+)$/.exec(path);
      if (station) {
        return station[1] === 'NL10636'
          ? { fixture: 'luchtmeetnet/station-NL10636.json' }
          : notFound('station');
      }
      if (/^\/stations\/NL\d+\/measurements$/.test(path) || path === '/measurements') {
        return { fixture: 'luchtmeetnet/measurements-NL10636-NO2.json' };
      }
      return undefined;
    },
  },
  {
    // Emulates the server-side proxy that adds the Telraam key, plus the static export.
    prefix: '/telraam',
    handle({ method, path }) {
      if (path === '/export.json') return { fixture: 'telraam/export.json' };
      if (path === '/reports/traffic_snapshot_live') return { fixture: 'telraam/traffic_snapshot_live.json' };
      if (path === '/reports/traffic' && method === 'POST')
        return { fixture: 'telraam/reports-traffic-9000001234.json' };
      return undefined;
    },
  },
  {
    prefix: '/utrecht-portal',
    realBase: 'https://open.utrecht.nl/api',
    handle({ path, query }) {
      if (path !== '/datasets') return undefined;
      return {
        fixture:
          query.get('start') === '3'
            ? 'utrecht-portal/datasets-start-3.json'
            : 'utrecht-portal/datasets-start-0.json',
      };
    },
  },
  {
    prefix: '/kea',
    handle({ path, query }) {
      if (path !== '/wms') return undefined;
      const request = [...query.entries()].find(([k]) => k.toLowerCase() === 'request')?.[1]?.toLowerCase();
      if (request === 'getcapabilities')
        return {
          fixture: 'klimaateffectatlas/wms-capabilities.xml',
          contentType: 'application/vnd.ogc.wms_xml',
        };
      if (request === 'getmap') return { tile: true };
      return undefined;
    },
  },
  {
    prefix: '/pdok-luchtfoto',
    handle: ({ path }) => (/^\/\d+\/\d+\/\d+\.(jpeg|png)$/.test(path) ? { tile: true } : undefined),
  },
  {
    prefix: '/pdok-brt',
    handle: ({ path }) => (/^\/\d+\/\d+\/\d+\.png$/.test(path) ? { tile: true } : undefined),
  },
  {
    // The area builder's recorded responses: /area/<area>/<source>/… (scripts/area/synthetic-area.ts).
    // "loop" is the centre with a BGT cursor that points back at itself; "busy" the centre with an
    // Overpass server answering 429.
    prefix: '/area',
    handle({ path, query }) {
      const m = /^\/([a-z]+)\/([a-z0-9-]+)(\/.*)$/.exec(path);
      if (!m) return undefined;
      const [, name = '', source = '', rest = ''] = m;
      if (name === 'busy' && source === 'overpass')
        return { status: 429, json: { remark: 'rate_limited: too many requests from this address' } };
      if (name === 'loop' && source === 'pdok-bgt' && rest === '/collections/wegdeel/items')
        return { fixture: 'pdok-bgt/area-loop-wegdeel.json' };
      const file = areaFixtureFor(name === 'loop' || name === 'busy' ? 'centre' : name, source, rest, query);
      return file ? { fixture: file } : undefined;
    },
  },
];

/**
 * Base URLs of the sources the area builder reads, each overridable with `VITE_API_BASE_<NAME>`
 * like src/config/endpoints.ts. Kept in one module so they can be folded into the catalog later.
 */
import { endpoints } from '../../config/endpoints.ts';
import { endpointsExtra } from '../endpoints-extra.ts';

const env = (import.meta.env ?? {}) as Record<string, string | undefined>;

function base(name: string, fallback: string): string {
  return env[`VITE_API_BASE_${name}`] ?? fallback;
}

export interface AreaEndpoints {
  threeDBagApi: string;
  pdokBgt: string;
  pdokBag: string;
  cbsWijkenBuurten: string;
  overpass: string;
}

export const areaEndpoints: AreaEndpoints = {
  threeDBagApi: endpoints.threeDBagApi,
  pdokBgt: endpointsExtra.pdokBgtOgc,
  pdokBag: endpointsExtra.pdokBagOgc,
  cbsWijkenBuurten: endpointsExtra.cbsWijkenBuurten,
  overpass: base('OVERPASS', 'https://overpass-api.de/api/interpreter'),
};

/**
 * Every base under one root, laid out as the mock API serves its recorded areas
 * (`/area/<area>/<source>`, e.g. `--api-base http://127.0.0.1:8787 --recorded centre`).
 */
export function areaEndpointsUnder(root: string, recordedArea = 'centre'): AreaEndpoints {
  const r = `${root.replace(/\/+$/, '')}/area/${recordedArea}`;
  return {
    threeDBagApi: `${r}/3dbag-api`,
    pdokBgt: `${r}/pdok-bgt`,
    pdokBag: `${r}/pdok-bag`,
    cbsWijkenBuurten: `${r}/cbs-wijkenbuurten`,
    overpass: `${r}/overpass/api/interpreter`,
  };
}

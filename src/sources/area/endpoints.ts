/**
 * The bases the area builder reads, picked from the one endpoint table (src/config/endpoints.ts),
 * or all under one mock root for recorded areas.
 */
import { endpoints } from '../../config/endpoints.ts';

export interface AreaEndpoints {
  threeDBagApi: string;
  pdokBgt: string;
  pdokBag: string;
  cbsWijkenBuurten: string;
  overpass: string;
}

export const areaEndpoints: AreaEndpoints = {
  threeDBagApi: endpoints.threeDBagApi,
  pdokBgt: endpoints.pdokBgtOgc,
  pdokBag: endpoints.pdokBagOgc,
  cbsWijkenBuurten: endpoints.cbsWijkenBuurten,
  overpass: endpoints.overpass,
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

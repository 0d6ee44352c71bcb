import { endpoints, THREEDBAG_VERSION } from './endpoints.ts';
import type { DataSourceId } from './view-options.ts';

export interface BuildingSourceConfig {
  tilesetUrl: string;
  /**
   * Vertical shift in metres applied to the tileset. The app's ground is the WGS84 ellipsoid
   * (height 0). The sample is built that way (building base at 0). 3DBAG tiles carry ellipsoidal
   * heights converted from NAP: NAP lies ~43 m above the ellipsoid in Utrecht and the centre's
   * ground is ~2 m NAP, so they are lowered ~45 m to stand on our flat ground (± 2 m; exact only
   * with real terrain, where this becomes 0).
   */
  heightOffsetMetres: number;
  version: string;
}

export const BUILDING_SOURCES: Record<DataSourceId, BuildingSourceConfig> = {
  sample: { tilesetUrl: '/tilesets/sample/tileset.json', heightOffsetMetres: 0, version: 'sample-1' },
  '3dbag': { tilesetUrl: endpoints.threeDBagTiles, heightOffsetMetres: -45, version: THREEDBAG_VERSION },
};

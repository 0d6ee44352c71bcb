/**
 * The sample's ground map: canals, streets, squares, parks and the rail bed of the hand-written layout,
 * for the viewer's offline ground (drawn as one imagery tile). Lines keep their corridor width so the
 * viewer can paint them at true scale without buffering geometry.
 */
import { AREAS, CANALS, SAMPLE_BOUNDS, STREETS, type LinearFeature } from './utrecht-layout.ts';

/** Share of a canal corridor that is water; the rest is the quays on both sides. */
export const CANAL_WATER_SHARE = 0.55;

const round = (value: number) => Math.round(value * 1e7) / 1e7;

function line(feature: LinearFeature) {
  return {
    type: 'Feature',
    properties: { kind: feature.kind, name: feature.name, width: feature.width },
    geometry: { type: 'LineString', coordinates: feature.path.map(([lon, lat]) => [round(lon), round(lat)]) },
  };
}

export function groundMapText(): string {
  const areas = AREAS.map((area) => ({
    type: 'Feature',
    properties: { kind: area.kind, name: area.name },
    geometry: {
      type: 'Polygon',
      coordinates: [[...area.ring, area.ring[0]!].map(([lon, lat]) => [round(lon), round(lat)])],
    },
  }));
  const collection = {
    type: 'FeatureCollection',
    name: 'Tweeling sample ground map (approximate)',
    bbox: [SAMPLE_BOUNDS.west, SAMPLE_BOUNDS.south, SAMPLE_BOUNDS.east, SAMPLE_BOUNDS.north],
    tweeling: { canalWaterShare: CANAL_WATER_SHARE },
    // Areas first, then streets, then canals: the order they are painted in.
    features: [...areas, ...STREETS.map(line), ...CANALS.map(line)],
  };
  return `${JSON.stringify(collection)}\n`;
}

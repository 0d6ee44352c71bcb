import { readFileSync } from 'node:fs';

/** Facts about the embedded sample, read from its source data rather than written into the tests. */
interface SampleFeature {
  properties: Record<string, string | number>;
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: number[][][] | number[][][][] };
}

const sample = JSON.parse(
  readFileSync(new URL('../../data/sample/utrecht-centre.geojson', import.meta.url), 'utf8'),
) as {
  features: SampleFeature[];
};

export interface SampleBuilding {
  id: string;
  lon: number;
  lat: number;
  heightAboveGround: number;
}

export function sampleBuilding(id: string): SampleBuilding {
  const feature = sample.features.find((f) => f.properties['identificatie'] === id);
  if (!feature) throw new Error(`${id} is not in the sample`);
  const ring = (
    feature.geometry.type === 'Polygon'
      ? (feature.geometry.coordinates as number[][][])[0]
      : (feature.geometry.coordinates as number[][][][])[0]![0]
  )!;
  // Vertex mean of the outer ring (closing vertex dropped): inside any convex footprint such as a tower.
  const points = ring.slice(0, -1);
  const lon = points.reduce((sum, p) => sum + p[0]!, 0) / points.length;
  const lat = points.reduce((sum, p) => sum + p[1]!, 0) / points.length;
  const height = Number(feature.properties['b3_h_nok']) - Number(feature.properties['b3_h_maaiveld']);
  return { id, lon, lat, heightAboveGround: height };
}

export const DOMTOREN_ID = 'sample.pand.domtoren';
export const sampleBuildingCount = sample.features.length;

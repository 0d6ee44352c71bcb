import { z } from 'zod';

/** Colours of the offline ground map, chosen to read as a quiet city map under grey buildings. */
export const GROUND_COLOURS = {
  square: '#ece7dc',
  green: '#c6dbb1',
  rail: '#d3cec6',
  street: '#eeebe4',
  quay: '#e2dacb',
  water: '#98bfdc',
} as const;

const lonLat = z.tuple([z.number(), z.number()]);
const groundMapSchema = z.object({
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  tweeling: z.object({ canalWaterShare: z.number().min(0).max(1) }),
  features: z.array(
    z.union([
      z.object({
        properties: z.object({ kind: z.enum(['square', 'green', 'rail']) }),
        geometry: z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(lonLat)) }),
      }),
      z.object({
        properties: z.object({ kind: z.enum(['street', 'canal']), width: z.number().positive() }),
        geometry: z.object({ type: z.literal('LineString'), coordinates: z.array(lonLat) }),
      }),
    ]),
  ),
});

export type GroundMap = z.infer<typeof groundMapSchema>;

export function parseGroundMap(json: unknown): GroundMap {
  return groundMapSchema.parse(json);
}

const METRES_PER_DEGREE_LAT = 111_320;

/** Canvas size for the map at about one pixel per metre (capped to stay within texture limits). */
export function groundMapSize(
  map: GroundMap,
  maxSide = 4096,
): { width: number; height: number; pxPerMetre: number } {
  const [west, south, east, north] = map.bbox;
  const midLat = ((south + north) / 2) * (Math.PI / 180);
  const widthMetres = (east - west) * METRES_PER_DEGREE_LAT * Math.cos(midLat);
  const heightMetres = (north - south) * METRES_PER_DEGREE_LAT;
  const pxPerMetre = Math.min(1, maxSide / Math.max(widthMetres, heightMetres));
  return {
    width: Math.round(widthMetres * pxPerMetre),
    height: Math.round(heightMetres * pxPerMetre),
    pxPerMetre,
  };
}

/**
 * Paints the map in plate carrée over its bbox, which is exactly how Cesium stretches a single
 * imagery tile over a rectangle. Lines are painted at their true width in metres.
 */
export function paintGroundMap(context: CanvasRenderingContext2D, map: GroundMap): void {
  const { width, height, pxPerMetre } = groundMapSize(map);
  const [west, south, east, north] = map.bbox;
  const x = (lon: number) => ((lon - west) / (east - west)) * width;
  const y = (lat: number) => ((north - lat) / (north - south)) * height;
  context.lineCap = 'round';
  context.lineJoin = 'round';

  const strokeLine = (coordinates: [number, number][], widthMetres: number, colour: string) => {
    context.beginPath();
    coordinates.forEach(([lon, lat], i) =>
      i === 0 ? context.moveTo(x(lon), y(lat)) : context.lineTo(x(lon), y(lat)),
    );
    context.strokeStyle = colour;
    context.lineWidth = Math.max(1, widthMetres * pxPerMetre);
    context.stroke();
  };

  for (const feature of map.features) {
    if (feature.geometry.type === 'Polygon') {
      context.beginPath();
      for (const ring of feature.geometry.coordinates) {
        ring.forEach(([lon, lat], i) =>
          i === 0 ? context.moveTo(x(lon), y(lat)) : context.lineTo(x(lon), y(lat)),
        );
        context.closePath();
      }
      context.fillStyle = GROUND_COLOURS[feature.properties.kind as 'square' | 'green' | 'rail'];
      context.fill('evenodd');
    }
  }
  for (const feature of map.features) {
    if (feature.geometry.type !== 'LineString' || !('width' in feature.properties)) continue;
    const { kind, width: corridor } = feature.properties;
    if (kind === 'street') strokeLine(feature.geometry.coordinates, corridor, GROUND_COLOURS.street);
    else {
      strokeLine(feature.geometry.coordinates, corridor, GROUND_COLOURS.quay);
      strokeLine(feature.geometry.coordinates, corridor * map.tweeling.canalWaterShare, GROUND_COLOURS.water);
    }
  }
}

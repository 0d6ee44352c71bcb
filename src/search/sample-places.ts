import { z } from 'zod';
import type { Place } from './place-search.ts';

const placeSchema = z.object({
  id: z.string(),
  name: z.string().min(1),
  kind: z.enum(['landmark', 'street', 'square', 'canal', 'area']),
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
});

/** The sample's named places, served with the app (`public/data/sample-places.json`). */
export const SAMPLE_PLACES_URL = '/data/sample-places.json';

export function parseSamplePlaces(json: unknown): Place[] {
  return z.array(placeSchema).parse(json);
}

export async function loadSamplePlaces(signal?: AbortSignal): Promise<Place[]> {
  const response = await fetch(SAMPLE_PLACES_URL, { signal });
  if (!response.ok) throw new Error(`${SAMPLE_PLACES_URL}: HTTP ${response.status}`);
  return parseSamplePlaces(await response.json());
}

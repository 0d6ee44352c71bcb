/** A named place of the embedded sample (landmark, street, square, canal), searchable offline. */
export interface Place {
  id: string;
  name: string;
  kind: 'landmark' | 'street' | 'square' | 'canal' | 'area';
  lon: number;
  lat: number;
}

export interface PlaceMatch {
  place: Place;
  score: number;
}

/** Lower case, no accents, single spaces: "Sint-Jacobskerk " → "sint jacobskerk". */
export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Ranks places by how well their name matches: whole name, then name prefix, then a word prefix,
 * then anywhere in the name. Every word of the query must occur. Ties go to landmarks and squares,
 * which people look for more often than streets, then alphabetically (stable results).
 */
export function searchPlaces(places: readonly Place[], query: string, limit = 8): PlaceMatch[] {
  const q = normalise(query);
  if (q.length === 0) return [];
  const words = q.split(' ');
  const matches: PlaceMatch[] = [];
  for (const place of places) {
    const name = normalise(place.name);
    if (!words.every((word) => name.includes(word))) continue;
    const nameWords = name.split(' ');
    let score = 1;
    if (name === q) score = 4;
    else if (name.startsWith(q)) score = 3;
    else if (words.every((word) => nameWords.some((nameWord) => nameWord.startsWith(word)))) score = 2;
    if (place.kind === 'landmark' || place.kind === 'square') score += 0.5;
    matches.push({ place, score });
  }
  return matches
    .sort((a, b) => b.score - a.score || a.place.name.localeCompare(b.place.name, 'nl'))
    .slice(0, limit);
}

import { describe, expect, it } from 'vitest';
import { normalise, searchPlaces, type Place } from './place-search.ts';

const places: Place[] = [
  { id: 'domtoren', name: 'Domtoren', kind: 'landmark', lon: 5.1213, lat: 52.0908 },
  { id: 'domplein', name: 'Domplein', kind: 'square', lon: 5.1218, lat: 52.0906 },
  { id: 'oudegracht', name: 'Oudegracht', kind: 'canal', lon: 5.12, lat: 52.09 },
  { id: 'jacobi', name: 'Sint-Jacobskerk', kind: 'landmark', lon: 5.118, lat: 52.094 },
  { id: 'lange-jans', name: 'Lange Jansstraat', kind: 'street', lon: 5.121, lat: 52.093 },
  { id: 'cafe', name: 'Café België', kind: 'landmark', lon: 5.1, lat: 52.1 },
];

describe('offline place search', () => {
  it('normalises case, accents and punctuation', () => {
    expect(normalise('  Café  België! ')).toBe('cafe belgie');
    expect(normalise('Sint-Jacobskerk')).toBe('sint jacobskerk');
  });

  it('ranks an exact name over a prefix', () => {
    const names = searchPlaces(places, 'domtoren').map((m) => m.place.id);
    expect(names[0]).toBe('domtoren');
    expect(searchPlaces(places, 'dom').map((m) => m.place.id)).toEqual(['domplein', 'domtoren']);
  });

  it('finds word prefixes and ignores accents in the query', () => {
    expect(searchPlaces(places, 'jacobs').map((m) => m.place.id)).toEqual(['jacobi']);
    expect(searchPlaces(places, 'cafe belg').map((m) => m.place.id)).toEqual(['cafe']);
    expect(searchPlaces(places, 'jans lange').map((m) => m.place.id)).toEqual(['lange-jans']);
  });

  it('returns nothing for empty or unknown queries', () => {
    expect(searchPlaces(places, '   ')).toEqual([]);
    expect(searchPlaces(places, 'amsterdam')).toEqual([]);
  });

  it('respects the limit', () => {
    expect(searchPlaces(places, 'e', 2)).toHaveLength(2);
  });
});

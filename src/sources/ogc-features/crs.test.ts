/**
 * RD New detection and conversion, checked against published points:
 * - Amersfoort, the RD origin (155000, 463000) = 52.15517440 N, 5.38720621 E in WGS84/ETRS89
 *   (Schreutelkamp & Strang van Hees, "Benaderingsformules voor de transformatie tussen RD- en
 *   WGS84-kaartcoördinaten", NGT Geodesia 43, 2001: the reference point of their formulas);
 * - the Domtoren, 52°05′27″ N 5°07′17″ E (Wikipedia "Domtoren (Utrecht)", to the arc second ≈ 30 m);
 * - Bolognalaan 101, both centroids as PDOK Locatieserver returns them (src/geo/geo.test.ts).
 * proj4's 7-parameter datum shift is good to about a metre, so that is the tolerance.
 */
import { describe, expect, it } from 'vitest';
import { lonLatToRd, rdToLonLat } from '../../geo/rd.ts';
import {
  crsFromCoordinates,
  crsFromMember,
  crsFromUrl,
  decideCrs,
  mapGeometry,
  rdPositionToLonLat,
} from './crs.ts';
import type { Geometry } from './schema.ts';

/** Metres between two WGS84 points (equirectangular; fine over a few metres). */
function metresApart([lon1, lat1]: readonly number[], [lon2, lat2]: readonly number[]): number {
  const k = Math.PI / 180;
  const dx = (lon2! - lon1!) * k * Math.cos(((lat1! + lat2!) / 2) * k) * 6_371_000;
  const dy = (lat2! - lat1!) * k * 6_371_000;
  return Math.hypot(dx, dy);
}

describe('RD New to WGS84', () => {
  it('puts the Amersfoort origin where the published reference says (within 1 m)', () => {
    expect(metresApart(rdToLonLat(155_000, 463_000), [5.38720621, 52.1551744])).toBeLessThan(1);
    const [x, y] = lonLatToRd(5.38720621, 52.1551744);
    expect(Math.hypot(x - 155_000, y - 463_000)).toBeLessThan(1);
  });

  it('puts the Domtoren where its published position is (to that position’s 1″ precision)', () => {
    const dom: [number, number] = [5 + 7 / 60 + 17 / 3600, 52 + 5 / 60 + 27 / 3600];
    const [x, y] = lonLatToRd(dom[0], dom[1]);
    // The Domtoren lies in the middle of the sample area (RD centre 136776, 455879 per the data notes).
    expect(Math.hypot(x - 136_776, y - 455_879)).toBeLessThan(60);
    expect(metresApart(rdToLonLat(x, y), dom)).toBeLessThan(0.01);
  });

  it('keeps heights (EPSG:7415 is RD + NAP) while converting x and y', () => {
    const [lon, lat, h] = rdPositionToLonLat([155_000, 463_000, 12.5]);
    expect(metresApart([lon!, lat!], [5.38720621, 52.1551744])).toBeLessThan(1);
    expect(h).toBe(12.5);
  });
});

describe('detecting RD New', () => {
  it('reads a crs member naming 28992 or 7415 in any of its spellings', () => {
    const named = (name: string) => crsFromMember({ type: 'name', properties: { name } });
    expect(named('urn:ogc:def:crs:EPSG::28992')).toBe('rd');
    expect(named('EPSG:28992')).toBe('rd');
    expect(named('http://www.opengis.net/def/crs/EPSG/0/7415')).toBe('rd');
    expect(named('urn:ogc:def:crs:OGC:1.3:CRS84')).toBe('wgs84');
    expect(named('EPSG:4326')).toBe('wgs84');
    expect(named('EPSG:3857')).toBe('other');
    expect(named('EPSG:289920')).toBe('other');
    expect(crsFromMember(undefined)).toBeUndefined();
    expect(crsFromMember({ type: 'name' })).toBeUndefined();
  });

  it('reads crs= in an OGC API address', () => {
    const rd =
      'https://api.pdok.nl/lv/bgt/ogc/v1/collections/pand/items?crs=http%3A%2F%2Fwww.opengis.net%2Fdef%2Fcrs%2FEPSG%2F0%2F28992';
    expect(crsFromUrl(new URL(rd))).toBe('rd');
    expect(crsFromUrl(new URL('https://x.test/items?CRS=EPSG:7415'))).toBe('rd');
    expect(crsFromUrl(new URL('https://x.test/items'))).toBeUndefined();
  });

  it('tells RD from degrees by the numbers alone, and says when they are neither', () => {
    const point = (x: number, y: number): Geometry => ({ type: 'Point', coordinates: [x, y] });
    const ring = (x: number, y: number): Geometry => ({
      type: 'Polygon',
      coordinates: [
        [
          [x, y],
          [x + 10, y],
          [x + 10, y + 10],
          [x, y],
        ],
      ],
    });
    expect(crsFromCoordinates([point(136_776, 455_879), ring(136_000, 456_000)])).toBe('rd');
    expect(crsFromCoordinates([point(5.12, 52.09), ring(5.1, 52.1)])).toBe('wgs84');
    // Web Mercator metres of Utrecht: neither.
    expect(crsFromCoordinates([point(570_000, 6_810_000)])).toBe('unknown');
    expect(crsFromCoordinates([])).toBeUndefined();
    // The numbers win over a wrong declaration; a declaration fills in when there are none.
    expect(decideCrs([point(5.12, 52.09)], 'rd')).toEqual({ crs: 'wgs84', declared: 'rd' });
    expect(decideCrs([], 'rd')).toEqual({ crs: 'rd', declared: 'rd' });
  });

  it('maps every position of every geometry type', () => {
    const g: Geometry = {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [155_000, 463_000],
            [155_010, 463_000],
            [155_010, 463_010],
            [155_000, 463_000],
          ],
        ],
      ],
    };
    const out = mapGeometry(g, rdPositionToLonLat);
    if (out.type !== 'MultiPolygon') throw new Error('type changed');
    expect(metresApart(out.coordinates[0]![0]![0]!, [5.38720621, 52.1551744])).toBeLessThan(1);
  });
});

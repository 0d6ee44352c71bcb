/**
 * The committed sample city GeoJSON and places: coverage, 3DBAG-style properties, and the layout rules
 * (no overlaps, nothing in canals or on squares). Geometry checks use turf, independent of the generator's
 * own geometry code.
 */
import { booleanIntersects, buffer, lineString, polygon } from '@turf/turf';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SAMPLE_GEOJSON_PATH, SAMPLE_PLACES_PATH } from './generate-sample-city.ts';
import type { Place } from './places.ts';
import { AREAS, CANALS } from './utrecht-layout.ts';

interface F {
  properties: Record<string, string | number>;
  geometry: { type: string; coordinates: number[][][] };
}
const fc = JSON.parse(readFileSync(SAMPLE_GEOJSON_PATH, 'utf8')) as {
  type: string;
  name: string;
  tweeling: { kind: string; note: string };
  features: F[];
};
const places = JSON.parse(readFileSync(SAMPLE_PLACES_PATH, 'utf8')) as Place[];
const bbox = (f: F) => {
  const r = f.geometry.coordinates[0]!;
  const xs = r.map((p) => p[0]!);
  const ys = r.map((p) => p[1]!);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] as const;
};

describe('sample city GeoJSON', () => {
  it('is a labelled, approximate FeatureCollection with ≥ 1,500 buildings', () => {
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.name).toMatch(/sample/i);
    expect(fc.tweeling.note).toMatch(/NOT the BAG\/3DBAG registry/);
    expect(fc.features.length).toBeGreaterThanOrEqual(1500);
  });

  it('uses 3DBAG property names with plausible values and never the official id prefix', () => {
    const ids = new Set<string>();
    for (const f of fc.features) {
      const p = f.properties;
      expect(Object.keys(p).sort()).toEqual(
        [
          'b3_bouwlagen',
          'b3_dak_type',
          'b3_h_maaiveld',
          'b3_h_nok',
          'identificatie',
          'naam',
          'oorspronkelijkbouwjaar',
        ].sort(),
      );
      const id = String(p['identificatie']);
      expect(id).toMatch(/^sample\.pand\.[a-z0-9-]+$/);
      ids.add(id);
      expect(Number.isInteger(p['oorspronkelijkbouwjaar'])).toBe(true);
      expect(Number.isInteger(p['b3_bouwlagen'])).toBe(true);
      expect(p['b3_h_maaiveld']).toBeGreaterThanOrEqual(2);
      expect(p['b3_h_maaiveld']).toBeLessThanOrEqual(5);
      expect(['slanted', 'multiple horizontal', 'single horizontal', 'horizontal']).toContain(
        p['b3_dak_type'],
      );
      const h = Number(p['b3_h_nok']) - Number(p['b3_h_maaiveld']);
      if (p['naam'] === '') {
        expect(h).toBeGreaterThanOrEqual(6 - 0.01);
        expect(h).toBeLessThanOrEqual(25 + 0.01);
      }
      for (const [lon, lat] of f.geometry.coordinates[0]!) {
        expect(Math.round(lon! * 1e7) / 1e7).toBe(lon);
        expect(Math.round(lat! * 1e7) / 1e7).toBe(lat);
      }
    }
    expect(ids.size).toBe(fc.features.length);
  });

  it('covers 1.5 km × 1.5 km around the Dom and reaches the Jaarbeurs', () => {
    const boxes = fc.features.map(bbox);
    expect(Math.min(...boxes.map((b) => b[0]))).toBeLessThan(5.104);
    expect(Math.max(...boxes.map((b) => b[2]))).toBeGreaterThan(5.1213 + 0.011);
    expect(Math.min(...boxes.map((b) => b[1]))).toBeLessThan(52.0907 - 0.0068);
    expect(Math.max(...boxes.map((b) => b[3]))).toBeGreaterThan(52.0907 + 0.0068);
  });

  it('has the Domtoren at the Dom with 112 m', () => {
    const dom = fc.features.find((f) => f.properties['identificatie'] === 'sample.pand.domtoren');
    expect(dom).toBeDefined();
    const p = dom!.properties;
    expect(Number(p['b3_h_nok']) - Number(p['b3_h_maaiveld'])).toBeCloseTo(112, 1);
    const [w, s, e, n] = bbox(dom!);
    expect(Math.abs((w + e) / 2 - 5.1213)).toBeLessThan(0.0005);
    expect(Math.abs((s + n) / 2 - 52.0907)).toBeLessThan(0.0005);
  });

  it('keeps canals and squares free and footprints from overlapping', () => {
    const polys = fc.features.map((f) => ({ f, poly: polygon(f.geometry.coordinates), box: bbox(f) }));
    const overlaps = (a: readonly number[], b: readonly number[]) =>
      a[0]! <= b[2]! && b[0]! <= a[2]! && a[1]! <= b[3]! && b[1]! <= a[3]!;
    // Canal corridors shrunk by 0.5 m so that touching quay-side facades do not count.
    const canals = CANALS.map((c) =>
      buffer(lineString(c.path.map((p) => [...p])), c.width / 2 - 0.5, { units: 'meters' })!,
    );
    const squares = AREAS.filter((a) => a.kind === 'square').map((a) =>
      polygon([[...a.ring.map((p) => [...p]), [...a.ring[0]!]]]),
    );
    const bad: string[] = [];
    for (const { f, poly, box } of polys) {
      const id = String(f.properties['identificatie']);
      for (const zone of [...canals, ...squares]) {
        if (zone.bbox === undefined || overlaps(box, zone.bbox)) {
          if (booleanIntersects(poly, zone)) bad.push(`${id} in canal/square`);
        }
      }
    }
    // Pairwise overlap via a coarse grid; sorted sweep on west edge keeps it fast.
    const sorted = [...polys].sort((a, b) => a.box[0] - b.box[0]);
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length && sorted[j]!.box[0] <= sorted[i]!.box[2]; j++) {
        const a = sorted[i]!;
        const b = sorted[j]!;
        if (overlaps(a.box, b.box) && booleanIntersects(a.poly, b.poly)) {
          bad.push(
            `${String(a.f.properties['identificatie'])} overlaps ${String(b.f.properties['identificatie'])}`,
          );
        }
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('sample places', () => {
  it('lists landmarks, streets, canals and the main squares with valid coordinates', () => {
    const names = new Set(places.map((p) => p.name));
    for (const sq of [
      'Domplein',
      'Neude',
      'Vredenburg',
      'Stationsplein',
      'Jaarbeursplein',
      'Janskerkhof',
      'Mariaplaats',
    ]) {
      expect(places.find((p) => p.name === sq)?.kind, sq).toBe('square');
    }
    for (const n of ['Domtoren', 'Oudegracht', 'Lange Viestraat', 'Catharijnesingel'])
      expect(names).toContain(n);
    expect(new Set(places.map((p) => p.id)).size).toBe(places.length);
    for (const p of places) {
      expect(['landmark', 'street', 'square', 'canal', 'area']).toContain(p.kind);
      expect(p.lon).toBeGreaterThan(5.09);
      expect(p.lon).toBeLessThan(5.14);
      expect(p.lat).toBeGreaterThan(52.078);
      expect(p.lat).toBeLessThan(52.1);
    }
  });
});

/**
 * Deterministic generator of the embedded sample city (central Utrecht, approximate).
 *
 * Landmarks come from the hand-written layout; ordinary buildings are placed as parcels along the real
 * streets, canals and squares (terraces of narrow deep houses in the old town, larger blocks near the
 * station and Jaarbeurs), then yards/back buildings fill block interiors. One seeded PRNG drives every
 * choice, and nothing reads the clock, so the output is byte-identical on every run.
 *
 * Run alone: `tsx scripts/sample/generate-sample-city.ts` (writes the GeoJSON and places files).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { attributesFor, groundLevel, RULES, type Style } from './city-rules.ts';
import {
  centroid,
  dist,
  frontageRect,
  LocalMetres,
  pointInRing,
  signedArea,
  type Box2,
  type LonLat,
  type Pt,
} from './geometry.ts';
import { Obstacles } from './obstacles.ts';
import { buildPlaces, type Place } from './places.ts';
import { Prng } from './prng.ts';
import {
  AREAS,
  CANALS,
  LANDMARKS,
  SAMPLE_BOUNDS,
  SAMPLE_ORIGIN,
  STREETS,
  type RoofType,
} from './utrecht-layout.ts';
import { groundMapText } from './ground-map.ts';

export const SAMPLE_SEED = 20240531;

export interface SampleProperties {
  identificatie: string;
  oorspronkelijkbouwjaar: number;
  b3_h_maaiveld: number;
  b3_h_nok: number;
  b3_dak_type: RoofType;
  b3_bouwlagen: number;
  naam: string;
}

export interface SampleFeature {
  type: 'Feature';
  properties: SampleProperties;
  geometry: { type: 'Polygon'; coordinates: number[][][] };
}

export interface SampleCity {
  features: SampleFeature[];
  places: Place[];
}

const proj = new LocalMetres(SAMPLE_ORIGIN[0], SAMPLE_ORIGIN[1]);
const toLocal = (p: LonLat): Pt => proj.toLocal(p);

/** The singel (moat) ring around the medieval town, as one closed polygon. */
function singelRing(): Pt[] {
  const order = ['catharijnesingel', 'tolsteegsingel', 'maliesingel', 'wittevrouwensingel'];
  const ring: Pt[] = [];
  for (const id of order) {
    const c = CANALS.find((k) => k.id === id);
    if (!c) throw new Error(`layout: canal ${id} missing`);
    ring.push(...c.path.slice(ring.length === 0 ? 0 : 1).map(toLocal));
  }
  return ring;
}

type Sector = 'core' | 'west' | 'station' | 'north' | 'east' | 'south';

class CityPlan {
  readonly ring = singelRing();
  private readonly ringCentre = centroid(this.ring);
  private readonly railWest = toLocal([5.1088, 52.09]);
  private readonly stationCorner = toLocal([5.1148, 52.0948]);

  sector(p: Pt): Sector {
    if (pointInRing(p, this.ring)) return 'core';
    if (p[0] < this.railWest[0]) return 'west';
    if (p[0] < this.stationCorner[0] && p[1] < this.stationCorner[1]) return 'station';
    const a = (Math.atan2(p[1] - this.ringCentre[1], p[0] - this.ringCentre[0]) * 180) / Math.PI;
    if (a > -50 && a < 45) return 'east';
    if (a >= 45) return 'north';
    return 'south';
  }

  style(p: Pt): Style {
    const s = this.sector(p);
    if (s === 'core') return 'old';
    if (s === 'west' || s === 'station') return 'modern';
    return 'belt';
  }
}

/**
 * Unnamed local streets: the layout names only the main streets, so blocks would otherwise be one big
 * interior. These are procedural (not real streets) and are never exported as places.
 */
const LANE_GRIDS: { sector: Sector; angle: number; spacing: [number, number]; width: number }[] = [
  // Inside the singel: alleys roughly along and across the Oudegracht, wide apart (the named streets do most).
  { sector: 'core', angle: -78, spacing: [260, 190], width: 6 },
  { sector: 'west', angle: 2, spacing: [150, 190], width: 16 },
  { sector: 'station', angle: -8, spacing: [130, 160], width: 14 },
  { sector: 'east', angle: 28, spacing: [100, 190], width: 11 },
  { sector: 'north', angle: -14, spacing: [100, 180], width: 11 },
  { sector: 'south', angle: 12, spacing: [100, 180], width: 11 },
];

function laneNetwork(plan: CityPlan, extent: number, rng: Prng): { path: Pt[]; width: number }[] {
  const lanes: { path: Pt[]; width: number }[] = [];
  const step = 5;
  for (const grid of LANE_GRIDS) {
    for (const [family, spacing] of grid.spacing.entries()) {
      const ang = ((grid.angle + family * 90) * Math.PI) / 180;
      const dir: Pt = [Math.cos(ang), Math.sin(ang)];
      const nrm: Pt = [-dir[1], dir[0]];
      for (let off = -extent; off <= extent; off += spacing * rng.range(0.7, 1.3)) {
        // Walk the infinite line and keep the runs that lie in this grid's sector, away from the singel.
        let run: Pt[] = [];
        for (let t = -extent; t <= extent; t += step) {
          const p: Pt = [nrm[0] * off + dir[0] * t, nrm[1] * off + dir[1] * t];
          const keep = plan.sector(p) === grid.sector;
          if (keep) run.push(p);
          if ((!keep || t + step > extent) && run.length > 0) {
            if (run.length >= 8) lanes.push({ path: [run[0]!, run[run.length - 1]!], width: grid.width });
            run = [];
          }
        }
      }
    }
  }
  return lanes;
}

interface Placed {
  ring: Pt[];
  style: Style;
  back: boolean;
}

function fillFrontage(
  path: readonly Pt[],
  halfWidth: number,
  plan: CityPlan,
  obstacles: Obstacles,
  rng: Prng,
  out: Placed[],
): void {
  for (let i = 0; i + 1 < path.length; i++) {
    const a = path[i]!;
    const b = path[i + 1]!;
    const len = dist(a, b);
    if (len < 4) continue;
    const dir: Pt = [(b[0] - a[0]) / len, (b[1] - a[1]) / len];
    for (const side of [1, -1]) {
      const nrm: Pt = [-dir[1] * side, dir[0] * side];
      let t = 0;
      while (t < len - 4) {
        const probe: Pt = [
          a[0] + dir[0] * t + nrm[0] * (halfWidth + 8),
          a[1] + dir[1] * t + nrm[1] * (halfWidth + 8),
        ];
        const style = plan.style(probe);
        const r = RULES[style];
        const w = Math.min(rng.range(r.frontage[0], r.frontage[1]), len - t);
        const setback = halfWidth + rng.range(r.setback[0], r.setback[1]);
        const depth = rng.range(r.depth[0], r.depth[1]);
        const origin: Pt = [a[0] + dir[0] * t + nrm[0] * setback, a[1] + dir[1] * t + nrm[1] * setback];
        let ok = false;
        if (w >= 4) {
          for (const d of [depth, depth * 0.65, 6]) {
            const ring = frontageRect(origin, dir, nrm, w, d);
            if (obstacles.isFree(ring, 0.3)) {
              obstacles.place(ring);
              out.push({ ring, style, back: false });
              ok = true;
              break;
            }
          }
        }
        t += ok ? w + rng.range(r.gap[0], r.gap[1]) : 2;
      }
    }
  }
}

function fillInteriors(bounds: Box2, plan: CityPlan, obstacles: Obstacles, rng: Prng, out: Placed[]) {
  const step = 10;
  for (let y = bounds.minY + step / 2; y < bounds.maxY; y += step) {
    for (let x = bounds.minX + step / 2; x < bounds.maxX; x += step) {
      const p: Pt = [x + rng.range(-3, 3), y + rng.range(-3, 3)];
      const style = plan.style(p);
      const r = RULES[style];
      if (!rng.chance(r.backChance)) continue;
      // Borrow the orientation of the nearest building so yards line up with their block.
      let angle = 0;
      let best = Infinity;
      for (const ring of obstacles.nearby(p, 30)) {
        const d = dist(centroid(ring), p);
        if (d < best) {
          best = d;
          angle = Math.atan2(ring[1]![1] - ring[0]![1], ring[1]![0] - ring[0]![0]);
        }
      }
      const w = rng.range(r.backSize[0], r.backSize[1]);
      const d = rng.range(r.backSize[0], r.backSize[1]);
      const dir: Pt = [Math.cos(angle), Math.sin(angle)];
      const nrm: Pt = [-dir[1], dir[0]];
      const origin: Pt = [p[0] - (dir[0] * w + nrm[0] * d) / 2, p[1] - (dir[1] * w + nrm[1] * d) / 2];
      const ring = frontageRect(origin, dir, nrm, w, d);
      if (obstacles.isFree(ring, 1)) {
        obstacles.place(ring);
        out.push({ ring, style, back: true });
      }
    }
  }
}

const round7 = (v: number): number => Math.round(v * 1e7) / 1e7;

function toCoordinates(ring: readonly Pt[]): number[][] {
  const ccw = signedArea(ring) < 0 ? [...ring].reverse() : [...ring];
  const coords = ccw.map((p) => {
    const [lon, lat] = proj.toLonLat(...p);
    return [round7(lon), round7(lat)];
  });
  coords.push([...coords[0]!]);
  return coords;
}

export function generateSampleCity(seed = SAMPLE_SEED): SampleCity {
  const rng = new Prng(seed);
  const plan = new CityPlan();
  const sw = toLocal([SAMPLE_BOUNDS.west, SAMPLE_BOUNDS.south]);
  const ne = toLocal([SAMPLE_BOUNDS.east, SAMPLE_BOUNDS.north]);
  const bounds = { minX: sw[0], minY: sw[1], maxX: ne[0], maxY: ne[1] };
  const obstacles = new Obstacles(bounds);

  for (const f of [...CANALS, ...STREETS]) obstacles.addCorridor(f.path.map(toLocal), f.width / 2);
  for (const a of AREAS) obstacles.addSolid(a.ring.map(toLocal), a.kind === 'rail' ? 2 : 0.5);
  for (const l of LANDMARKS) obstacles.addSolid(l.footprint.map(toLocal), 1);
  const extent = Math.max(...[sw, ne].flatMap((p) => [Math.abs(p[0]), Math.abs(p[1])])) * 1.5;
  const lanes = laneNetwork(plan, extent, rng);
  for (const lane of lanes) obstacles.addCorridor(lane.path, lane.width / 2);

  const placed: Placed[] = [];
  for (const f of [...CANALS, ...STREETS])
    fillFrontage(f.path.map(toLocal), f.width / 2, plan, obstacles, rng, placed);
  for (const a of AREAS) {
    if (a.kind !== 'square') continue;
    const ring = a.ring.map(toLocal);
    fillFrontage([...ring, ring[0]!], 0.5, plan, obstacles, rng, placed);
  }
  for (const lane of lanes) fillFrontage(lane.path, lane.width / 2, plan, obstacles, rng, placed);
  fillInteriors(bounds, plan, obstacles, rng, placed);

  const features: SampleFeature[] = [];
  for (const l of LANDMARKS) {
    const ring = l.footprint.map(toLocal);
    const c = centroid(ring);
    const maaiveld = groundLevel(c[0], c[1], rng);
    features.push(
      feature(
        `sample.pand.${l.id}`,
        l.year,
        maaiveld,
        l.height,
        l.roof,
        l.floors,
        l.name,
        toCoordinates(ring),
      ),
    );
  }
  placed.forEach((p, i) => {
    const c = centroid(p.ring);
    const attrs = attributesFor(p.style, p.back, rng);
    const maaiveld = groundLevel(c[0], c[1], rng);
    const id = `sample.pand.${String(i + 1).padStart(6, '0')}`;
    features.push(
      feature(id, attrs.year, maaiveld, attrs.height, attrs.roof, attrs.floors, '', toCoordinates(p.ring)),
    );
  });
  return { features, places: buildPlaces() };
}

function feature(
  identificatie: string,
  year: number,
  maaiveld: number,
  height: number,
  roof: RoofType,
  floors: number,
  naam: string,
  ring: number[][],
): SampleFeature {
  return {
    type: 'Feature',
    properties: {
      identificatie,
      oorspronkelijkbouwjaar: year,
      b3_h_maaiveld: maaiveld,
      b3_h_nok: Math.round((maaiveld + height) * 100) / 100,
      b3_dak_type: roof,
      b3_bouwlagen: floors,
      naam,
    },
    geometry: { type: 'Polygon', coordinates: [ring] },
  };
}

/** GeoJSON text with one feature per line: diff-friendly in git and stable byte for byte. */
export function sampleGeoJsonText(city: SampleCity): string {
  const head = {
    type: 'FeatureCollection',
    name: 'Tweeling sample city: central Utrecht (approximate)',
    tweeling: {
      kind: 'approximate-sample',
      note:
        'Generated sample of central Utrecht for offline use. NOT the BAG/3DBAG registry: ids are invented ' +
        '(sample.pand.*), ordinary buildings, years and heights are synthetic; streets, canals and landmark ' +
        'positions are hand-written approximations (typically within tens of metres).',
      generator: 'scripts/sample/generate-sample-city.ts',
      seed: SAMPLE_SEED,
      tilesetOrigin: [SAMPLE_ORIGIN[0], SAMPLE_ORIGIN[1]],
      landmarkHeights: LANDMARKS.map((l) => ({
        identificatie: `sample.pand.${l.id}`,
        height: l.height,
        heightConfidence: l.heightConfidence,
      })),
    },
    crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } },
  };
  const headText = JSON.stringify(head);
  const lines = city.features.map((f) => JSON.stringify(f));
  return `${headText.slice(0, -1)},"features":[\n${lines.join(',\n')}\n]}\n`;
}

export function placesText(city: SampleCity): string {
  return `[\n${city.places.map((p) => JSON.stringify(p)).join(',\n')}\n]\n`;
}

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SAMPLE_GEOJSON_PATH = resolve(REPO_ROOT, 'data/sample/utrecht-centre.geojson');
export const SAMPLE_PLACES_PATH = resolve(REPO_ROOT, 'public/data/sample-places.json');
export const SAMPLE_GROUND_PATH = resolve(REPO_ROOT, 'public/data/sample-ground.geojson');

/** Generates and writes the sample GeoJSON and the places list; returns the GeoJSON text. */
export function writeSampleCity(): { geojsonText: string; buildings: number; places: number } {
  const city = generateSampleCity();
  const geojsonText = sampleGeoJsonText(city);
  mkdirSync(dirname(SAMPLE_GEOJSON_PATH), { recursive: true });
  mkdirSync(dirname(SAMPLE_PLACES_PATH), { recursive: true });
  writeFileSync(SAMPLE_GEOJSON_PATH, geojsonText);
  writeFileSync(SAMPLE_PLACES_PATH, placesText(city));
  writeFileSync(SAMPLE_GROUND_PATH, groundMapText());
  return { geojsonText, buildings: city.features.length, places: city.places.length };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = writeSampleCity();
  console.log(`sample city: ${r.buildings} buildings, ${r.places} places → ${SAMPLE_GEOJSON_PATH}`);
}

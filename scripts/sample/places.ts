/**
 * Named places for offline search and viewpoints, derived from the hand-written layout.
 * Streets and canals get a representative point halfway along their centre line.
 */
import { centroid, dist, LocalMetres, type LonLat, type Pt } from './geometry.ts';
import type { Place } from '../../src/search/place-search.ts';
import { AREAS, CANALS, LANDMARKS, NAMED_AREAS, SAMPLE_ORIGIN, STREETS } from './utrecht-layout.ts';

export type { Place } from '../../src/search/place-search.ts';

const proj = new LocalMetres(SAMPLE_ORIGIN[0], SAMPLE_ORIGIN[1]);

function halfway(path: readonly LonLat[]): LonLat {
  const pts = path.map((p) => proj.toLocal(p));
  let total = 0;
  for (let i = 0; i + 1 < pts.length; i++) total += dist(pts[i]!, pts[i + 1]!);
  let left = total / 2;
  for (let i = 0; i + 1 < pts.length; i++) {
    const a = pts[i]!;
    const b = pts[i + 1]!;
    const d = dist(a, b);
    if (left <= d && d > 0) {
      const t = left / d;
      return proj.toLonLat(...[a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]);
    }
    left -= d;
  }
  return path[0]!;
}

function centreOf(ring: readonly LonLat[]): LonLat {
  return proj.toLonLat(...centroid(ring.map((p): Pt => proj.toLocal(p))));
}

const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;

function place(id: string, name: string, kind: Place['kind'], at: LonLat): Place {
  return { id, name, kind, lon: round6(at[0]), lat: round6(at[1]) };
}

export function buildPlaces(): Place[] {
  const out: Place[] = [];
  for (const l of LANDMARKS) out.push(place(`landmark.${l.id}`, l.name, 'landmark', centreOf(l.footprint)));
  for (const a of AREAS) {
    if (a.kind === 'rail') continue;
    out.push(
      place(
        `${a.kind === 'square' ? 'square' : 'area'}.${a.id}`,
        a.name,
        a.kind === 'square' ? 'square' : 'area',
        centreOf(a.ring),
      ),
    );
  }
  for (const s of STREETS) out.push(place(`street.${s.id}`, s.name, 'street', halfway(s.path)));
  for (const c of CANALS) out.push(place(`canal.${c.id}`, c.name, 'canal', halfway(c.path)));
  for (const n of NAMED_AREAS) out.push(place(`area.${n.id}`, n.name, 'area', n.at));
  return out;
}

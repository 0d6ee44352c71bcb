/**
 * Daily rhythms of the sample days, as smooth functions of the local hour h (5 ≤ h < 29: the counting
 * day runs from 05:00 to 05:00 the next morning). Plausible shapes, not measurements:
 * commuter peaks around the station on weekdays, opening hours of the shops (Thursday is
 * late-night shopping until 21:00), an afternoon of day visitors, and the night out, later and
 * busier on Saturday.
 */
import type { LineRhythm } from './counting-sample-sites.ts';

export type DayType = 'weekday' | 'saturday' | 'event';

export const gauss = (h: number, mu: number, sigma: number): number =>
  Math.exp(-0.5 * ((h - mu) / sigma) ** 2);
const logistic = (x: number): number => 1 / (1 + Math.exp(-x));
/** Smoothly 1 between `from` and `until` (hours), 0 outside. */
export const open = (h: number, from: number, until: number, edge = 0.35): number =>
  logistic((h - from) / edge) * (1 - logistic((h - until) / edge));

export function shopping(h: number, day: DayType): number {
  const daytime = open(h, 9.8, 18.0) * (0.6 + 0.4 * gauss(h, day === 'weekday' ? 15 : 14.5, 2.4));
  return day === 'weekday' ? daytime + 0.45 * open(h, 18.0, 21.0) : daytime;
}

export function commuting(h: number, day: DayType): { morning: number; evening: number } {
  const k = day === 'weekday' ? 1 : 0.12;
  return { morning: k * gauss(h, 8.1, 0.55), evening: k * gauss(h, 17.4, 0.75) };
}

export function leisure(h: number, day: DayType): number {
  return (day === 'weekday' ? 1 : 1.5) * gauss(h, 14.5, 3);
}

export function nightOut(h: number, day: DayType): number {
  return day === 'weekday'
    ? 0.7 * gauss(h, 21.5, 1.8) + 0.3 * gauss(h, 23.6, 1.0)
    : 1.1 * gauss(h, 22.3, 2.0) + 0.9 * gauss(h, 25.0, 1.3);
}

/** Multipliers of a Saturday over a Thursday, per traffic kind. */
export const SATURDAY = { shop: 1.55, night: 1.9 };

/**
 * Expected persons per minute crossing a line in each direction at hour h. Each traffic kind has
 * its share walking towards the centre: commuters into town in the morning and out in the
 * evening, shoppers and visitors in before the afternoon peak and out after it, night-goers in
 * during the evening and out after midnight.
 */
export function lineRates(r: LineRhythm, h: number, day: DayType): { in: number; out: number } {
  const weekend = day !== 'weekday';
  const c = commuting(h, day);
  const shop = r.shop * shopping(h, day) * (weekend ? SATURDAY.shop : 1);
  const visit = r.leisure * leisure(h, day);
  const night = r.night * nightOut(h, day) * (weekend ? SATURDAY.night : 1);
  const dayShare = 0.5 + r.asymmetry * Math.tanh((14.5 - h) / 2);
  const nightShare = 0.5 + r.asymmetry * Math.tanh((23 - h) / 1.5);
  const toward =
    r.commute * (c.morning * (0.5 + 1.7 * r.asymmetry) + c.evening * (0.5 - 1.7 * r.asymmetry)) +
    (shop + visit) * dayShare +
    night * nightShare +
    r.floor / 2;
  const total = r.commute * (c.morning + c.evening) + shop + visit + night + r.floor;
  const away = total - toward;
  return r.towardCentre === 'in' ? { in: toward, out: away } : { in: away, out: toward };
}

/** A triangular arrival or departure wave: rate per minute at hour h for `total` persons. */
export function triangle(h: number, from: number, peak: number, until: number, total: number): number {
  if (h <= from || h >= until) return 0;
  const height = (2 * total) / ((until - from) * 60);
  return h < peak ? (height * (h - from)) / (peak - from) : (height * (until - h)) / (until - peak);
}

/** Persons of a triangular wave that have passed by hour h. */
export function triangleCumulative(
  h: number,
  from: number,
  peak: number,
  until: number,
  total: number,
): number {
  if (h <= from) return 0;
  if (h >= until) return total;
  const span = until - from;
  if (h <= peak) return (total * (h - from) ** 2) / (span * (peak - from));
  return total - (total * (until - h) ** 2) / (span * (until - peak));
}

/** Persons on a square at hour h (occupancy) and persons per minute walking through its cordon. */
export interface SquareRhythm {
  inside: number;
  through: number;
}

/** Vredenburg on an ordinary day: the Saturday market, shoppers crossing between the station and the streets. */
export function vredenburgSquare(h: number, day: DayType): SquareRhythm {
  const awake = open(h, 7, 25.5, 0.5);
  const shop = shopping(h, day);
  if (day === 'weekday') {
    return {
      inside: 25 * awake + 170 * shop + 50 * gauss(h, 12.6, 0.6) + 60 * nightOut(h, day),
      through:
        80 * shop +
        40 * (commuting(h, day).morning + commuting(h, day).evening) +
        25 * nightOut(h, day) +
        0.3,
    };
  }
  const market = open(h, 8.5, 17, 0.5) * (0.7 + 0.3 * gauss(h, 12, 2.5));
  return {
    inside: 30 * awake + 650 * market + 200 * shop + 110 * nightOut(h, day),
    through: 160 * shop + 50 * SATURDAY.night * nightOut(h, day) + 0.3,
  };
}

/** Neude: terraces around a walking square, busy in the evening and late on Saturday night. */
export function neudeSquare(h: number, day: DayType): SquareRhythm {
  const awake = open(h, 7, 25.5, 0.5);
  const shop = shopping(h, day);
  if (day === 'weekday') {
    return {
      inside: 30 * awake + 130 * shop + 40 * gauss(h, 12.6, 0.6) + 100 * nightOut(h, day),
      through:
        70 * shop +
        30 * (commuting(h, day).morning + commuting(h, day).evening) +
        40 * nightOut(h, day) +
        0.3,
    };
  }
  return {
    inside: 40 * awake + 280 * shop + 90 * leisure(h, day) + 150 * nightOut(h, day),
    through: 130 * shop + 70 * SATURDAY.night * nightOut(h, day) + 0.3,
  };
}

/**
 * The counting sites of the sample days: real streets and squares of Utrecht's centre, each on a
 * link of the sample pedestrian network (positions are the link midpoints, rounded). Line sites
 * count "in" along the link from its first node to its second; area sites count entries ("in")
 * and exits ("out") of a cordon. Widths and areas are estimated effective walkable values.
 */
import type { CountingSite } from '../../src/sources/crowd-counts/feed.ts';

/** How a line site's traffic is made up, in persons per minute (both directions) at each peak. */
export interface LineRhythm {
  /** Commuters between the station and work (peaks 08:10 and 17:25 on weekdays). */
  commute: number;
  /** Shoppers (opening hours; Thursday is late-night shopping until 21:00). */
  shop: number;
  /** Day visitors and tourists (broad afternoon peak). */
  leisure: number;
  /** Evening and night out. */
  night: number;
  /** Persons per minute that pass even at 04:00 (night trains, cleaners, people going home). */
  floor: number;
  /** Which counted direction walks towards the shops and the Dom. */
  towardCentre: 'in' | 'out';
  /** How one-sided the flows are (0 = balanced, 0.15 = a gateway such as the station). */
  asymmetry: number;
}

/** Shares of the event's visitors crossing a line site on arrival and on leaving, and the arrival direction. */
export interface EventRoute {
  arrive: number;
  leave: number;
  arriveAs: 'in' | 'out';
}

export interface SampleLineSite extends CountingSite {
  kind: 'line';
  rhythm: LineRhythm;
  event?: EventRoute;
}

export const LINE_SITES: readonly SampleLineSite[] = [
  {
    id: 'stationsplein',
    name: 'Stationsplein (uitgang stationshal)',
    kind: 'line',
    lon: 5.11097,
    lat: 52.08917,
    widthM: 25,
    linkId: 'stationsplein-hal',
    crowdKind: 'moving',
    rhythm: {
      commute: 170,
      shop: 70,
      leisure: 40,
      night: 45,
      floor: 1,
      towardCentre: 'in',
      asymmetry: 0.15,
    },
    event: { arrive: 0.55, leave: 0.55, arriveAs: 'in' },
  },
  {
    id: 'hoog-catharijne',
    name: 'Hoog Catharijne (passage naar Vredenburg)',
    kind: 'line',
    lon: 5.11238,
    lat: 52.0903,
    widthM: 10,
    linkId: 'hoog-catharijne',
    crowdKind: 'moving',
    rhythm: {
      commute: 45,
      shop: 85,
      leisure: 25,
      night: 20,
      floor: 0.4,
      towardCentre: 'in',
      asymmetry: 0.12,
    },
    event: { arrive: 0.45, leave: 0.45, arriveAs: 'in' },
  },
  {
    id: 'vredenburg-west',
    name: 'Vredenburg, westzijde (vanaf Hoog Catharijne)',
    kind: 'line',
    lon: 5.11325,
    lat: 52.092,
    widthM: 12,
    linkId: 'hc-vredenburg-west',
    crowdKind: 'moving',
    rhythm: {
      commute: 25,
      shop: 55,
      leisure: 20,
      night: 20,
      floor: 0.3,
      towardCentre: 'in',
      asymmetry: 0.1,
    },
    event: { arrive: 0.33, leave: 0.28, arriveAs: 'in' },
  },
  {
    id: 'vredenburg-zuid',
    name: 'Vredenburg, zuidzijde (bij TivoliVredenburg)',
    kind: 'line',
    lon: 5.1143,
    lat: 52.09155,
    widthM: 10,
    linkId: 'hc-vredenburg-zuid',
    crowdKind: 'moving',
    rhythm: {
      commute: 18,
      shop: 45,
      leisure: 15,
      night: 20,
      floor: 0.3,
      towardCentre: 'in',
      asymmetry: 0.1,
    },
    event: { arrive: 0.14, leave: 0.14, arriveAs: 'in' },
  },
  {
    id: 'lange-viestraat',
    name: 'Lange Viestraat',
    kind: 'line',
    lon: 5.11695,
    lat: 52.0934,
    widthM: 7,
    linkId: 'lange-viestraat-west',
    crowdKind: 'moving',
    rhythm: {
      commute: 12,
      shop: 75,
      leisure: 20,
      night: 25,
      floor: 0.2,
      towardCentre: 'in',
      asymmetry: 0.08,
    },
    // Leaving, the north exit also takes those heading for Neude, the night out and the Janskerkhof buses.
    event: { arrive: 0.4, leave: 0.55, arriveAs: 'out' },
  },
  {
    id: 'lange-elisabethstraat',
    name: 'Lange Elisabethstraat',
    kind: 'line',
    lon: 5.1166,
    lat: 52.0914,
    widthM: 6,
    linkId: 'lange-elisabethstraat',
    crowdKind: 'moving',
    rhythm: {
      commute: 15,
      shop: 110,
      leisure: 25,
      night: 18,
      floor: 0.2,
      towardCentre: 'in',
      asymmetry: 0.06,
    },
    event: { arrive: 0.12, leave: 0.12, arriveAs: 'out' },
  },
  {
    id: 'steenweg',
    name: 'Steenweg',
    kind: 'line',
    lon: 5.1184,
    lat: 52.09135,
    widthM: 5,
    linkId: 'steenweg',
    crowdKind: 'moving',
    rhythm: {
      commute: 6,
      shop: 80,
      leisure: 20,
      night: 8,
      floor: 0.1,
      towardCentre: 'in',
      asymmetry: 0.04,
    },
    event: { arrive: 0.08, leave: 0.08, arriveAs: 'out' },
  },
  {
    id: 'oudegracht-bakkerbrug',
    name: 'Oudegracht bij de Bakkerbrug',
    kind: 'line',
    lon: 5.12005,
    lat: 52.0918,
    widthM: 4,
    linkId: 'oudegracht-oost-zuid',
    crowdKind: 'moving',
    rhythm: {
      commute: 4,
      shop: 55,
      leisure: 40,
      night: 30,
      floor: 0.3,
      towardCentre: 'in',
      asymmetry: 0.04,
    },
    event: { arrive: 0.03, leave: 0.03, arriveAs: 'out' },
  },
  {
    id: 'neude-potterstraat',
    name: 'Neude, Potterstraat',
    kind: 'line',
    lon: 5.11918,
    lat: 52.09347,
    widthM: 6,
    linkId: 'potterstraat',
    crowdKind: 'moving',
    rhythm: {
      commute: 10,
      shop: 60,
      leisure: 20,
      night: 40,
      floor: 0.3,
      towardCentre: 'out',
      asymmetry: 0.06,
    },
    event: { arrive: 0.28, leave: 0.28, arriveAs: 'out' },
  },
  {
    id: 'domplein',
    name: 'Domplein (vanaf de Vismarkt)',
    kind: 'line',
    lon: 5.12132,
    lat: 52.0909,
    widthM: 6,
    linkId: 'servetstraat',
    crowdKind: 'moving',
    // Tourists by day, nearly nobody at night: the site whose night counts fall under the threshold.
    rhythm: {
      commute: 5,
      shop: 12,
      leisure: 40,
      night: 4,
      floor: 0.08,
      towardCentre: 'in',
      asymmetry: 0.03,
    },
    event: { arrive: 0.09, leave: 0.09, arriveAs: 'out' },
  },
];

export const VREDENBURG_SQUARE: CountingSite = {
  id: 'vredenburg-plein',
  name: 'Vredenburg (plein)',
  kind: 'area',
  lon: 5.1158,
  lat: 52.09265,
  areaM2: 7000,
  crowdKind: 'moving',
};

export const NEUDE_SQUARE: CountingSite = {
  id: 'neude-plein',
  name: 'Neude (plein)',
  kind: 'area',
  lon: 5.11995,
  lat: 52.09345,
  areaM2: 3000,
  crowdKind: 'moving',
};

/**
 * What the event team changes on the event day: the square becomes event terrain with a standing
 * audience (the walkable audience area after stage, bars, mixing desk and emergency lanes), and
 * stalls narrow Lange Viestraat (as in scenarios/vredenburg-stage.json).
 */
export const EVENT_DAY_CHANGES: Readonly<Record<string, Partial<CountingSite>>> = {
  'vredenburg-plein': { crowdKind: 'standing', areaM2: 3300 },
  'lange-viestraat': { widthM: 4.5 },
};

/** The plain CountingSite of a sample site (the rhythm fields stay in the generator). */
export function publicSite(site: CountingSite): CountingSite {
  const { id, name, kind, lon, lat, widthM, areaM2, linkId, crowdKind } = site;
  // Keys in the order of the CountingSite interface, so the files read the same way.
  return {
    id,
    name,
    kind,
    lon,
    lat,
    ...(widthM !== undefined ? { widthM } : {}),
    ...(areaM2 !== undefined ? { areaM2 } : {}),
    ...(linkId !== undefined ? { linkId } : {}),
    crowdKind,
  };
}

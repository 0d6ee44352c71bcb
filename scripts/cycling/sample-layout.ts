/**
 * The bike network of the sample area, written by hand on top of the sample city's layout
 * (scripts/sample/utrecht-layout.ts): named junctions, routes between them (following the layout's
 * streets where it has them), zones and counting points. Like the layout, this is general knowledge of
 * central Utrecht, NOT taken from OSM/NWB: positions are approximate (tens of metres), widths, speeds
 * and junction delays are estimates, and some connections are simplified. Good for examples and tests,
 * not for decisions.
 */
import type { LinkType } from '../../src/scenarios/cycling/network-file.ts';
import { STREETS } from '../sample/utrecht-layout.ts';

type LonLat = readonly [number, number];

export interface SampleJunction {
  id: string;
  name: string;
  at: LonLat;
  /** Mean delay for a cyclist passing (s): signals or giving way on a busy crossing; an estimate. */
  delay?: number;
}

/** A junction id, a shape point, or the vertices of a layout street (in the direction of travel). */
export type Via = string | LonLat | { street: string };

export interface SampleRoute {
  id: string;
  name: string;
  type: LinkType;
  /** Cycling width (m), both directions: an estimate. */
  width: number;
  speed?: number;
  oneWay?: boolean;
  via: Via[];
}

export interface SampleZone {
  id: string;
  name: string;
  /** The junction trips start and end at. */
  junction: string;
  /** Relative trip ends (residents, jobs, students, station and shops): a rough estimate. */
  weight: number;
}

export interface SampleCountingPoint {
  id: string;
  name: string;
  /** A position on the route; the builder assigns it to the nearest link. */
  at: LonLat;
  /** Extra share of the weekday commuter peaks (7–9 and 16–18 h) compared with the generic profile. */
  commute: number;
}

export const JUNCTIONS: SampleJunction[] = [
  { id: 'jaarbeursplein', name: 'Jaarbeursplein', at: [5.1072, 52.0891] },
  { id: 'croeselaan-noord', name: 'Croeselaan / Jaarbeursplein', at: [5.108, 52.0884], delay: 25 },
  { id: 'croeselaan-moreelse', name: 'Croeselaan / Moreelsebrug', at: [5.1078, 52.086], delay: 20 },
  { id: 'croeselaan-zuid', name: 'Croeselaan (zuid)', at: [5.1075, 52.083] },
  { id: 'lombok', name: 'Daalsetunnel (west)', at: [5.1062, 52.0945] },
  { id: 'stationsplein', name: 'Stationsplein', at: [5.1124, 52.0891], delay: 15 },
  { id: 'moreelsepark', name: 'Moreelsepark', at: [5.1118, 52.0866], delay: 10 },
  { id: 'smakkelaarsveld', name: 'Smakkelaarsveld', at: [5.1127, 52.0938], delay: 15 },
  { id: 'paardenveld', name: 'Paardenveld (Catharijnesingel noord)', at: [5.1136, 52.0962], delay: 20 },
  { id: 'weerdsingel', name: 'Weerdsingel / Oudegracht (noord)', at: [5.1168, 52.0978], delay: 10 },
  { id: 'vredenburg-nw', name: 'Vredenburg / Catharijnesingel', at: [5.1146, 52.0934], delay: 15 },
  { id: 'vredenburg-no', name: 'Vredenburg / Lange Viestraat', at: [5.1168, 52.0932], delay: 20 },
  { id: 'vredenburg-zw', name: 'Vredenburg (zuid, TivoliVredenburg)', at: [5.1146, 52.092] },
  {
    id: 'catharijne-zuid',
    name: 'Catharijnesingel / Lange Elisabethstraat',
    at: [5.115, 52.0903],
    delay: 15,
  },
  { id: 'viebrug', name: 'Viebrug (Oudegracht)', at: [5.1182, 52.0937], delay: 5 },
  { id: 'neude', name: 'Neude', at: [5.1196, 52.0935], delay: 5 },
  { id: 'stadhuisbrug', name: 'Stadhuisbrug (Oudegracht)', at: [5.1207, 52.0923] },
  { id: 'bakkerbrug', name: 'Bakkerbrug (Oudegracht)', at: [5.1201, 52.0919] },
  { id: 'gaardbrug', name: 'Gaardbrug (Oudegracht)', at: [5.1205, 52.0912] },
  { id: 'mariaplaats', name: 'Mariaplaats', at: [5.1186, 52.0897] },
  { id: 'domplein', name: 'Domplein', at: [5.1217, 52.0907] },
  { id: 'pausdam', name: 'Pausdam', at: [5.1238, 52.0909], delay: 5 },
  { id: 'nieuwstraat', name: 'Korte / Lange Nieuwstraat', at: [5.1226, 52.0898] },
  { id: 'twijnstraat-noord', name: 'Lange Nieuwstraat / Twijnstraat', at: [5.1248, 52.0852] },
  { id: 'tolsteeg', name: 'Tolsteegbrug', at: [5.1256, 52.0838], delay: 20 },
  { id: 'springweg-midden', name: 'Springweg / Geertestraat', at: [5.119, 52.0878] },
  { id: 'springweg-zuid', name: 'Springweg / Catharijnesingel (zuid)', at: [5.1205, 52.0846], delay: 15 },
  { id: 'geertebrug', name: 'Geertebrug (Catharijnesingel)', at: [5.1163, 52.0877], delay: 10 },
  { id: 'janskerkhof', name: 'Janskerkhof', at: [5.1221, 52.0946], delay: 5 },
  { id: 'voorstraat-west', name: 'Voorstraat / Oudegracht', at: [5.1176, 52.0958] },
  { id: 'voorstraat-oost', name: 'Voorstraat / Lange Jansstraat', at: [5.1215, 52.0955], delay: 5 },
  { id: 'wittevrouwenbrug', name: 'Wittevrouwenbrug', at: [5.1245, 52.0966], delay: 20 },
  { id: 'biltstraat-oost', name: 'Biltstraat (oost)', at: [5.13, 52.0983] },
  { id: 'lucasbolwerk', name: 'Nobelstraat / Lucasbolwerk', at: [5.1268, 52.0946], delay: 15 },
];

export const ROUTES: SampleRoute[] = [
  // West of the tracks and the crossings to the centre.
  {
    id: 'croeselaan-jaarbeursplein',
    name: 'Jaarbeursplein – Croeselaan',
    type: 'cycle-path',
    width: 4,
    via: ['jaarbeursplein', 'croeselaan-noord'],
  },
  {
    id: 'croeselaan',
    name: 'Croeselaan',
    type: 'cycle-path',
    width: 4,
    via: ['croeselaan-noord', 'croeselaan-moreelse', 'croeselaan-zuid'],
  },
  {
    id: 'stationspassage',
    name: 'Jaarbeursplein – Stationsplein (onder het spoor)',
    type: 'cycle-path',
    width: 6,
    via: ['jaarbeursplein', [5.1098, 52.0891], 'stationsplein'],
  },
  {
    id: 'moreelsebrug',
    name: 'Moreelsebrug',
    type: 'cycle-path',
    width: 5,
    via: ['croeselaan-moreelse', [5.1098, 52.0863], 'moreelsepark'],
  },
  {
    id: 'daalsetunnel',
    name: 'Daalsetunnel (onder het spoor)',
    type: 'cycle-path',
    width: 4,
    via: ['lombok', [5.1095, 52.0942], 'smakkelaarsveld'],
  },
  {
    id: 'jaarbeurs-lombok',
    name: 'Jaarbeursplein – Daalsetunnel (westzijde spoor)',
    type: 'cycle-path',
    width: 3.5,
    via: ['jaarbeursplein', [5.1066, 52.0918], 'lombok'],
  },
  // Station – Vredenburg, the busiest corridor.
  {
    id: 'stationsplein-noord',
    name: 'Stationsplein – Smakkelaarsveld',
    type: 'cycle-path',
    width: 5,
    via: ['stationsplein', [5.1118, 52.0905], [5.1119, 52.0925], 'smakkelaarsveld'],
  },
  {
    id: 'smakkelaarsveld-vredenburg',
    name: 'Smakkelaarsveld – Vredenburg',
    type: 'cycle-path',
    width: 6,
    via: ['smakkelaarsveld', [5.1137, 52.0937], 'vredenburg-nw'],
  },
  {
    id: 'vredenburg',
    name: 'Vredenburg',
    type: 'cycle-path',
    width: 10,
    via: ['vredenburg-nw', [5.1157, 52.0934], 'vredenburg-no'],
  },
  {
    id: 'vredenburg-west',
    name: 'Vredenburg (westzijde)',
    type: 'cycle-path',
    width: 6,
    via: ['vredenburg-zw', 'vredenburg-nw'],
  },
  {
    id: 'catharijnesingel-vredenburg',
    name: 'Catharijnesingel (Vredenburg zuid)',
    type: 'cycle-path',
    width: 5,
    via: ['catharijne-zuid', [5.1147, 52.0912], 'vredenburg-zw'],
  },
  {
    id: 'catharijnesingel-station',
    name: 'Catharijnesingel (Stationsplein – Lange Elisabethstraat)',
    type: 'cycle-path',
    width: 6,
    via: ['stationsplein', [5.1137, 52.0897], 'catharijne-zuid'],
  },
  {
    id: 'stationsplein-zuid',
    name: 'Stationsplein – Moreelsepark',
    type: 'cycle-path',
    width: 5,
    via: ['stationsplein', [5.1121, 52.0878], 'moreelsepark'],
  },
  // North-west ring.
  {
    id: 'catharijnesingel-noord',
    name: 'Catharijnesingel (Smakkelaarsveld – Paardenveld)',
    type: 'cycle-path',
    width: 4,
    via: ['smakkelaarsveld', [5.1131, 52.095], 'paardenveld'],
  },
  {
    id: 'weerdsingel',
    name: 'Weerdsingel (westzijde)',
    type: 'cycle-path',
    width: 3.5,
    via: ['paardenveld', [5.115, 52.0972], [5.116, 52.0977], 'weerdsingel'],
  },
  // The old town, west of the Oudegracht.
  {
    id: 'lange-viestraat',
    name: 'Lange Viestraat',
    type: 'cycle-lane',
    width: 6,
    via: ['vredenburg-no', { street: 'lange-viestraat' }, 'viebrug'],
  },
  {
    id: 'lijnmarkt',
    name: 'Lijnmarkt',
    type: 'mixed-street',
    width: 3.5,
    speed: 13,
    via: ['viebrug', { street: 'lijnmarkt' }, 'bakkerbrug'],
  },
  {
    id: 'zadelstraat',
    name: 'Zadelstraat',
    type: 'mixed-street',
    width: 4.5,
    via: ['mariaplaats', { street: 'zadelstraat' }, 'gaardbrug'],
  },
  {
    id: 'oudegracht-gaardbrug',
    name: 'Oudegracht (Bakkerbrug – Gaardbrug)',
    type: 'mixed-street',
    width: 4.5,
    speed: 13,
    via: ['bakkerbrug', 'gaardbrug'],
  },
  {
    id: 'springweg',
    name: 'Springweg',
    type: 'mixed-street',
    width: 5,
    via: ['mariaplaats', { street: 'springweg' }, 'springweg-zuid'],
  },
  {
    id: 'catharijnesingel-oost',
    name: 'Catharijnesingel (oostzijde)',
    type: 'cycle-path',
    width: 3.5,
    via: ['catharijne-zuid', [5.1152, 52.0895], 'geertebrug', [5.1183, 52.0861], 'springweg-zuid'],
  },
  {
    id: 'geertebrug',
    name: 'Moreelsepark – Geertebrug',
    type: 'cycle-path',
    width: 4,
    via: ['moreelsepark', [5.114, 52.0871], 'geertebrug'],
  },
  {
    id: 'geertestraat',
    name: 'Geertebrug – Springweg',
    type: 'mixed-street',
    width: 3.5,
    via: ['geertebrug', 'springweg-midden'],
  },
  // North and east of the Oudegracht.
  {
    id: 'potterstraat',
    name: 'Potterstraat',
    type: 'mixed-street',
    width: 6,
    speed: 14,
    via: ['viebrug', { street: 'potterstraat' }, 'neude'],
  },
  {
    id: 'oudegracht-noord',
    name: 'Oudegracht (Viebrug – Voorstraat)',
    type: 'mixed-street',
    width: 4,
    speed: 14,
    via: ['viebrug', [5.1178, 52.0946], [5.1175, 52.0952], 'voorstraat-west'],
  },
  {
    id: 'oudegracht-weerdsingel',
    name: 'Oudegracht (Voorstraat – Weerdsingel)',
    type: 'mixed-street',
    width: 4,
    via: ['voorstraat-west', [5.1171, 52.0968], 'weerdsingel'],
  },
  {
    id: 'voorstraat',
    name: 'Voorstraat',
    type: 'mixed-street',
    width: 5,
    via: ['voorstraat-west', { street: 'voorstraat' }, 'voorstraat-oost'],
  },
  {
    id: 'oudegracht-oost',
    name: 'Oudegracht (oostzijde, Neude – Stadhuisbrug)',
    type: 'mixed-street',
    width: 3.5,
    speed: 13,
    via: ['neude', [5.1204, 52.0929], 'stadhuisbrug'],
  },
  {
    id: 'stadhuisbrug',
    name: 'Oudegracht (Stadhuisbrug – Bakkerbrug)',
    type: 'mixed-street',
    width: 3.5,
    speed: 13,
    via: ['stadhuisbrug', 'bakkerbrug'],
  },
  {
    id: 'servetstraat',
    name: 'Servetstraat',
    type: 'mixed-street',
    width: 4.5,
    via: ['gaardbrug', [5.1212, 52.0906], 'domplein'],
  },
  {
    id: 'neude-janskerkhof',
    name: 'Neude – Janskerkhof',
    type: 'mixed-street',
    width: 7,
    via: ['neude', [5.1209, 52.094], 'janskerkhof'],
  },
  {
    id: 'lange-jansstraat',
    name: 'Lange Jansstraat',
    type: 'mixed-street',
    width: 5,
    via: ['janskerkhof', 'voorstraat-oost'],
  },
  {
    id: 'wittevrouwenstraat',
    name: 'Wittevrouwenstraat',
    type: 'mixed-street',
    width: 4,
    via: ['voorstraat-oost', { street: 'wittevrouwenstraat' }, 'wittevrouwenbrug'],
  },
  {
    id: 'biltstraat',
    name: 'Biltstraat',
    type: 'cycle-lane',
    width: 4,
    via: ['wittevrouwenbrug', { street: 'biltstraat' }, 'biltstraat-oost'],
  },
  {
    id: 'lucasbolwerk',
    name: 'Lucasbolwerk – Wittevrouwenbrug (singel)',
    type: 'cycle-path',
    width: 3.5,
    via: ['lucasbolwerk', [5.1262, 52.0955], 'wittevrouwenbrug'],
  },
  {
    id: 'wittevrouwensingel',
    name: 'Wittevrouwensingel',
    type: 'cycle-path',
    width: 3.5,
    via: ['weerdsingel', [5.119, 52.0982], [5.122, 52.0975], 'wittevrouwenbrug'],
  },
  {
    id: 'nobelstraat',
    name: 'Nobelstraat',
    type: 'mixed-street',
    width: 5,
    via: ['janskerkhof', { street: 'nobelstraat' }, 'lucasbolwerk'],
  },
  {
    id: 'janskerkhof-pausdam',
    name: 'Janskerkhof – Pausdam',
    type: 'mixed-street',
    width: 4,
    via: ['janskerkhof', [5.1232, 52.093], [5.1238, 52.0916], 'pausdam'],
  },
  {
    id: 'achter-de-dom',
    name: 'Domplein – Pausdam',
    type: 'mixed-street',
    width: 4,
    via: ['domplein', 'pausdam'],
  },
  {
    id: 'korte-nieuwstraat',
    name: 'Korte Nieuwstraat',
    type: 'mixed-street',
    width: 4,
    via: ['domplein', [5.1218, 52.0903], 'nieuwstraat'],
  },
  {
    id: 'lange-nieuwstraat',
    name: 'Lange Nieuwstraat',
    type: 'mixed-street',
    width: 4,
    via: ['nieuwstraat', [5.1232, 52.088], 'twijnstraat-noord'],
  },
  {
    id: 'nieuwegracht',
    name: 'Nieuwegracht',
    type: 'mixed-street',
    width: 3.5,
    speed: 14,
    via: ['pausdam', [5.1244, 52.0895], [5.1249, 52.0878], [5.1255, 52.086], 'twijnstraat-noord'],
  },
  {
    id: 'twijnstraat',
    name: 'Twijnstraat',
    type: 'shared-space',
    width: 4,
    via: ['twijnstraat-noord', [5.1253, 52.0845], 'tolsteeg'],
  },
  {
    id: 'tolsteegsingel',
    name: 'Tolsteegsingel',
    type: 'cycle-path',
    width: 3,
    via: ['springweg-zuid', [5.1228, 52.0837], 'tolsteeg'],
  },
];

export const ZONES: SampleZone[] = [
  { id: 'centraal', name: 'Utrecht Centraal (station en stallingen)', junction: 'stationsplein', weight: 14 },
  { id: 'jaarbeurs', name: 'Jaarbeurs (west)', junction: 'jaarbeursplein', weight: 8 },
  { id: 'lombok', name: 'Lombok / Leidsche Rijn (west)', junction: 'lombok', weight: 8 },
  { id: 'zuidwest', name: 'Dichterswijk / Kanaleneiland (zuidwest)', junction: 'croeselaan-zuid', weight: 7 },
  { id: 'noordwest', name: 'Zuilen / Ondiep (noordwest)', junction: 'paardenveld', weight: 8 },
  { id: 'noord', name: 'Votulast / Tuinwijk (noord)', junction: 'weerdsingel', weight: 7 },
  { id: 'oost', name: 'Wittevrouwen / Science Park (oost)', junction: 'biltstraat-oost', weight: 10 },
  { id: 'oudwijk', name: 'Oudwijk / Wilhelminapark (oost)', junction: 'lucasbolwerk', weight: 8 },
  { id: 'tolsteeg', name: 'Tolsteeg / Lunetten (zuidoost)', junction: 'tolsteeg', weight: 8 },
  { id: 'zuid', name: 'Rivierenwijk (zuid)', junction: 'springweg-zuid', weight: 7 },
  { id: 'moreelsepark', name: 'Moreelsepark (kantoren)', junction: 'moreelsepark', weight: 6 },
  { id: 'vredenburg', name: 'Vredenburg / Hoog Catharijne', junction: 'vredenburg-zw', weight: 10 },
  { id: 'neude', name: 'Neude (binnenstad noord)', junction: 'neude', weight: 12 },
  { id: 'mariaplaats', name: 'Mariaplaats / Springweg', junction: 'mariaplaats', weight: 5 },
  { id: 'dom', name: 'Domplein (universiteit)', junction: 'domplein', weight: 9 },
  { id: 'janskerkhof', name: 'Janskerkhof (universiteit)', junction: 'janskerkhof', weight: 8 },
];

export const COUNTING_POINTS: SampleCountingPoint[] = [
  { id: 'vredenburg', name: 'Vredenburg', at: [5.1157, 52.0934], commute: 0.15 },
  { id: 'smakkelaarsveld', name: 'Smakkelaarsveld', at: [5.1137, 52.0937], commute: 0.2 },
  { id: 'catharijnesingel', name: 'Catharijnesingel (Stationsplein)', at: [5.1137, 52.0897], commute: 0.2 },
  { id: 'lange-viestraat', name: 'Lange Viestraat', at: [5.1175, 52.0935], commute: 0.1 },
  { id: 'potterstraat', name: 'Potterstraat', at: [5.1189, 52.0936], commute: -0.1 },
  { id: 'voorstraat', name: 'Voorstraat', at: [5.1195, 52.0957], commute: 0.1 },
  { id: 'biltstraat', name: 'Biltstraat', at: [5.1276, 52.0976], commute: 0.2 },
  { id: 'nobelstraat', name: 'Nobelstraat', at: [5.1252, 52.0942], commute: 0.05 },
  { id: 'lange-nieuwstraat', name: 'Lange Nieuwstraat', at: [5.1232, 52.088], commute: 0.05 },
  { id: 'springweg', name: 'Springweg', at: [5.1193, 52.0869], commute: 0.05 },
  { id: 'moreelsebrug', name: 'Moreelsebrug', at: [5.1098, 52.0863], commute: 0.25 },
  { id: 'croeselaan', name: 'Croeselaan', at: [5.1077, 52.0845], commute: 0.2 },
  { id: 'daalsetunnel', name: 'Daalsetunnel', at: [5.1095, 52.0942], commute: 0.2 },
  {
    id: 'catharijnesingel-noord',
    name: 'Catharijnesingel (Paardenveld)',
    at: [5.1131, 52.095],
    commute: 0.15,
  },
];

/** Vertices of a layout street. */
export function layoutStreet(id: string): LonLat[] {
  const street = STREETS.find((s) => s.id === id);
  if (!street) throw new Error(`no street "${id}" in the sample layout`);
  return street.path.map(([lon, lat]) => [lon, lat] as const);
}

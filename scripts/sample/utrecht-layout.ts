/**
 * Hand-written layout of central Utrecht for the embedded sample city.
 *
 * Everything here is written from general knowledge of the city, NOT taken from BAG/BGT/OSM: positions are
 * approximate (typically within 20–60 m; small streets worse), street widths are typical values, and the
 * canal/street geometry is simplified to centre lines. It is good enough to recognise the city, search places
 * and fly to them offline; it is not a map. Landmark heights are marked `known` only where the figure is
 * widely published (Domtoren 112 m, Rabobank tower ~105 m); everything else is `estimated`.
 */
import { centredRect, LocalMetres, type LonLat, type Pt } from './geometry.ts';

/** Fixed tileset/generator origin: the Domtoren. Also used as the ENU origin of the sample tileset. */
export const SAMPLE_ORIGIN: LonLat = [5.12134, 52.09068];

/** Extent the generator fills (lon/lat). Reaches west to the Jaarbeurs and covers the whole old town. */
export const SAMPLE_BOUNDS = { west: 5.102, south: 52.0832, east: 5.1335, north: 52.0982 } as const;

export type RoofType = 'slanted' | 'multiple horizontal' | 'single horizontal' | 'horizontal';

export interface LinearFeature {
  id: string;
  name: string;
  kind: 'street' | 'canal';
  /** Full corridor width in metres kept free of buildings (for canals: water + both quays). */
  width: number;
  path: LonLat[];
}

export interface AreaFeature {
  id: string;
  name: string;
  /** square: paved public space; green: park/court; rail: track bed. All are kept free of generated buildings. */
  kind: 'square' | 'green' | 'rail';
  ring: LonLat[];
}

export interface Landmark {
  /** Readable id suffix: becomes `sample.pand.<id>`. */
  id: string;
  name: string;
  footprint: LonLat[];
  /** Building height above ground level (metres). */
  height: number;
  heightConfidence: 'known' | 'estimated';
  year: number;
  roof: RoofType;
  floors: number;
}

export interface NamedArea {
  id: string;
  name: string;
  at: LonLat;
}

// Landmark footprints are written as centre + size (metres) + rotation; converted to lon/lat rings here.
const proj = new LocalMetres(SAMPLE_ORIGIN[0], SAMPLE_ORIGIN[1]);

function rect(lon: number, lat: number, width: number, depth: number, rotationDeg = 0): LonLat[] {
  return centredRect(proj.toLocal([lon, lat]), width, depth, rotationDeg).map((p: Pt) => proj.toLonLat(...p));
}

function box(west: number, south: number, east: number, north: number): LonLat[] {
  return [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
  ];
}

export const CANALS: LinearFeature[] = [
  {
    id: 'oudegracht',
    name: 'Oudegracht',
    kind: 'canal',
    width: 30,
    path: [
      [5.1165, 52.099],
      [5.1168, 52.0975],
      [5.1172, 52.096],
      [5.1176, 52.0946],
      [5.118, 52.0937],
      [5.119, 52.093],
      [5.1198, 52.0925],
      [5.1204, 52.0919],
      [5.1207, 52.091],
      [5.121, 52.09],
      [5.1216, 52.0888],
      [5.1224, 52.0872],
      [5.1234, 52.0857],
      [5.1245, 52.0843],
      [5.1252, 52.0834],
    ],
  },
  {
    id: 'nieuwegracht',
    name: 'Nieuwegracht',
    kind: 'canal',
    width: 24,
    path: [
      [5.1242, 52.091],
      [5.1247, 52.088],
      [5.1257, 52.0855],
      [5.1265, 52.0836],
    ],
  },
  {
    id: 'kromme-nieuwegracht',
    name: 'Kromme Nieuwegracht',
    kind: 'canal',
    width: 22,
    path: [
      [5.1242, 52.091],
      [5.1262, 52.0912],
      [5.1275, 52.092],
      [5.1274, 52.0934],
      [5.1258, 52.0942],
      [5.1241, 52.0945],
    ],
  },
  {
    id: 'drift',
    name: 'Drift',
    kind: 'canal',
    width: 22,
    path: [
      [5.1241, 52.0945],
      [5.1243, 52.0963],
    ],
  },
  {
    id: 'catharijnesingel',
    name: 'Catharijnesingel',
    kind: 'canal',
    width: 32,
    path: [
      [5.115, 52.0976],
      [5.114, 52.0955],
      [5.1137, 52.0935],
      [5.1138, 52.0915],
      [5.1145, 52.0895],
      [5.116, 52.0875],
      [5.118, 52.0858],
      [5.1205, 52.0843],
      [5.1228, 52.0834],
    ],
  },
  {
    id: 'tolsteegsingel',
    name: 'Tolsteegsingel',
    kind: 'canal',
    width: 32,
    path: [
      [5.1228, 52.0834],
      [5.1255, 52.0829],
      [5.1278, 52.0837],
    ],
  },
  {
    id: 'maliesingel',
    name: 'Maliesingel',
    kind: 'canal',
    width: 34,
    path: [
      [5.1278, 52.0837],
      [5.1292, 52.086],
      [5.1297, 52.0885],
      [5.1293, 52.091],
      [5.1283, 52.0932],
    ],
  },
  {
    id: 'wittevrouwensingel',
    name: 'Wittevrouwensingel',
    kind: 'canal',
    width: 32,
    path: [
      [5.1283, 52.0932],
      [5.1266, 52.0952],
      [5.1245, 52.0967],
      [5.122, 52.0978],
      [5.119, 52.0985],
      [5.1166, 52.0985],
      [5.115, 52.0976],
    ],
  },
];

export const STREETS: LinearFeature[] = [
  {
    id: 'lange-viestraat',
    name: 'Lange Viestraat',
    kind: 'street',
    width: 14,
    path: [
      [5.1168, 52.0932],
      [5.1181, 52.0937],
    ],
  },
  {
    id: 'potterstraat',
    name: 'Potterstraat',
    kind: 'street',
    width: 9,
    path: [
      [5.1183, 52.0937],
      [5.1193, 52.0935],
    ],
  },
  {
    id: 'lijnmarkt',
    name: 'Lijnmarkt',
    kind: 'street',
    width: 7,
    path: [
      [5.1184, 52.0931],
      [5.1194, 52.0923],
    ],
  },
  {
    id: 'choorstraat',
    name: 'Choorstraat',
    kind: 'street',
    width: 8,
    path: [
      [5.1176, 52.0913],
      [5.1178, 52.0925],
      [5.1184, 52.0931],
    ],
  },
  {
    id: 'steenweg',
    name: 'Steenweg',
    kind: 'street',
    width: 9,
    path: [
      [5.1168, 52.091],
      [5.1185, 52.0915],
      [5.1201, 52.0919],
    ],
  },
  {
    id: 'lange-elisabethstraat',
    name: 'Lange Elisabethstraat',
    kind: 'street',
    width: 10,
    path: [
      [5.115, 52.0903],
      [5.1158, 52.0906],
      [5.1168, 52.091],
    ],
  },
  {
    id: 'zadelstraat',
    name: 'Zadelstraat',
    kind: 'street',
    width: 8,
    path: [
      [5.1188, 52.0903],
      [5.1197, 52.0908],
      [5.1205, 52.0912],
    ],
  },
  {
    id: 'vismarkt',
    name: 'Vismarkt',
    kind: 'street',
    width: 8,
    path: [
      [5.121, 52.0917],
      [5.1212, 52.0903],
    ],
  },
  {
    id: 'ganzenmarkt',
    name: 'Ganzenmarkt',
    kind: 'street',
    width: 8,
    path: [
      [5.1207, 52.0923],
      [5.1216, 52.0925],
    ],
  },
  {
    id: 'springweg',
    name: 'Springweg',
    kind: 'street',
    width: 9,
    path: [
      [5.1186, 52.0895],
      [5.119, 52.0878],
      [5.1196, 52.086],
      [5.1205, 52.0846],
    ],
  },
  {
    id: 'korte-nieuwstraat',
    name: 'Korte Nieuwstraat',
    kind: 'street',
    width: 9,
    path: [
      [5.1218, 52.0903],
      [5.1226, 52.0898],
    ],
  },
  {
    id: 'lange-nieuwstraat',
    name: 'Lange Nieuwstraat',
    kind: 'street',
    width: 9,
    path: [
      [5.1226, 52.0898],
      [5.1232, 52.088],
      [5.1245, 52.0852],
    ],
  },
  {
    id: 'twijnstraat',
    name: 'Twijnstraat',
    kind: 'street',
    width: 8,
    path: [
      [5.1251, 52.0851],
      [5.1256, 52.0838],
    ],
  },
  {
    id: 'voorstraat',
    name: 'Voorstraat',
    kind: 'street',
    width: 11,
    path: [
      [5.1176, 52.0958],
      [5.1195, 52.0957],
      [5.1215, 52.0955],
    ],
  },
  {
    id: 'lange-jansstraat',
    name: 'Lange Jansstraat',
    kind: 'street',
    width: 10,
    path: [
      [5.1221, 52.0946],
      [5.1215, 52.0955],
    ],
  },
  {
    id: 'wittevrouwenstraat',
    name: 'Wittevrouwenstraat',
    kind: 'street',
    width: 10,
    path: [
      [5.1215, 52.0955],
      [5.123, 52.096],
      [5.1245, 52.0966],
    ],
  },
  {
    id: 'biltstraat',
    name: 'Biltstraat',
    kind: 'street',
    width: 16,
    path: [
      [5.1252, 52.0969],
      [5.13, 52.0983],
      [5.1348, 52.0997],
    ],
  },
  {
    id: 'nobelstraat',
    name: 'Nobelstraat',
    kind: 'street',
    width: 10,
    path: [
      [5.1238, 52.094],
      [5.1252, 52.0942],
      [5.1268, 52.0946],
    ],
  },
  {
    id: 'croeselaan',
    name: 'Croeselaan',
    kind: 'street',
    width: 24,
    path: [
      [5.108, 52.0884],
      [5.1078, 52.086],
      [5.1075, 52.083],
      [5.1072, 52.081],
    ],
  },
];

export const AREAS: AreaFeature[] = [
  { id: 'domplein', name: 'Domplein', kind: 'square', ring: box(5.1215, 52.0904, 5.122, 52.091) },
  { id: 'neude', name: 'Neude', kind: 'square', ring: box(5.1193, 52.0929, 5.1206, 52.094) },
  { id: 'vredenburg', name: 'Vredenburg', kind: 'square', ring: box(5.1148, 52.0921, 5.1168, 52.0932) },
  { id: 'stationsplein', name: 'Stationsplein', kind: 'square', ring: box(5.1113, 52.0885, 5.1132, 52.0897) },
  {
    id: 'jaarbeursplein',
    name: 'Jaarbeursplein',
    kind: 'square',
    ring: box(5.1062, 52.0884, 5.1082, 52.0897),
  },
  // Only the open northern part of Janskerkhof: the church itself stands in the middle of the square.
  { id: 'janskerkhof', name: 'Janskerkhof', kind: 'square', ring: box(5.121, 52.0941, 5.1238, 52.0947) },
  { id: 'mariaplaats', name: 'Mariaplaats', kind: 'square', ring: box(5.1176, 52.0895, 5.119, 52.0902) },
  { id: 'pausdam', name: 'Pausdam', kind: 'square', ring: box(5.1234, 52.0905, 5.1242, 52.0913) },
  { id: 'pandhof', name: 'Pandhof', kind: 'green', ring: box(5.1224, 52.0902, 5.123, 52.0905) },
  { id: 'lucasbolwerk', name: 'Lucasbolwerk', kind: 'green', ring: box(5.1268, 52.0938, 5.128, 52.0948) },
  {
    id: 'spoor',
    name: 'Spoorbaan',
    kind: 'rail',
    ring: [
      [5.1055, 52.099],
      [5.1075, 52.099],
      [5.1098, 52.092],
      [5.1102, 52.0885],
      [5.1106, 52.081],
      [5.109, 52.081],
      [5.1086, 52.0885],
      [5.108, 52.092],
    ],
  },
];

export const LANDMARKS: Landmark[] = [
  {
    id: 'domtoren',
    name: 'Domtoren',
    footprint: rect(5.12134, 52.09068, 17, 17),
    height: 112,
    heightConfidence: 'known',
    year: 1382,
    roof: 'multiple horizontal',
    floors: 1,
  },
  {
    id: 'domkerk',
    name: 'Domkerk',
    // Transept (north–south bar) plus choir to the east: the nave between tower and transept collapsed in 1674.
    footprint: [
      [5.12205, 52.09045],
      [5.12235, 52.09045],
      [5.12235, 52.09055],
      [5.12315, 52.09055],
      [5.12315, 52.09085],
      [5.12235, 52.09085],
      [5.12235, 52.09095],
      [5.12205, 52.09095],
    ],
    height: 38,
    heightConfidence: 'estimated',
    year: 1320,
    roof: 'slanted',
    floors: 1,
  },
  {
    id: 'stadhuis',
    name: 'Stadhuis',
    footprint: rect(5.1212, 52.092, 20, 24),
    height: 20,
    heightConfidence: 'estimated',
    year: 1830,
    roof: 'multiple horizontal',
    floors: 4,
  },
  {
    id: 'janskerk',
    name: 'Janskerk',
    footprint: rect(5.1224, 52.0937, 50, 18),
    height: 26,
    heightConfidence: 'estimated',
    year: 1050,
    roof: 'slanted',
    floors: 1,
  },
  {
    id: 'pieterskerk',
    name: 'Pieterskerk',
    footprint: rect(5.1252, 52.0926, 34, 16),
    height: 22,
    heightConfidence: 'estimated',
    year: 1048,
    roof: 'slanted',
    floors: 1,
  },
  {
    id: 'jacobikerk',
    name: 'Jacobikerk',
    footprint: rect(5.1164, 52.095, 42, 20),
    height: 25,
    heightConfidence: 'estimated',
    year: 1400,
    roof: 'slanted',
    floors: 1,
  },
  {
    id: 'jacobikerk-toren',
    name: 'Jacobikerk (toren)',
    footprint: rect(5.11555, 52.095, 10, 10),
    height: 55,
    heightConfidence: 'estimated',
    year: 1400,
    roof: 'multiple horizontal',
    floors: 1,
  },
  {
    id: 'buurkerk',
    name: 'Buurkerk',
    footprint: rect(5.11855, 52.0921, 36, 20),
    height: 24,
    heightConfidence: 'estimated',
    year: 1300,
    roof: 'slanted',
    floors: 1,
  },
  {
    id: 'nicolaikerk',
    name: 'Nicolaikerk',
    footprint: rect(5.1245, 52.0866, 38, 17),
    height: 24,
    heightConfidence: 'estimated',
    year: 1150,
    roof: 'slanted',
    floors: 1,
  },
  {
    id: 'nicolaikerk-torens',
    name: 'Nicolaikerk (torens)',
    footprint: rect(5.12413, 52.0866, 8, 17),
    height: 40,
    heightConfidence: 'estimated',
    year: 1150,
    roof: 'multiple horizontal',
    floors: 1,
  },
  {
    id: 'postkantoor-neude',
    name: 'Postkantoor Neude',
    footprint: rect(5.12065, 52.0927, 34, 22),
    height: 24,
    heightConfidence: 'estimated',
    year: 1924,
    roof: 'multiple horizontal',
    floors: 4,
  },
  {
    id: 'neudeflat',
    name: 'Neudeflat',
    footprint: rect(5.1192, 52.0944, 22, 14),
    height: 50,
    heightConfidence: 'estimated',
    year: 1961,
    roof: 'horizontal',
    floors: 15,
  },
  {
    id: 'tivolivredenburg',
    name: 'TivoliVredenburg',
    footprint: rect(5.1152, 52.0915, 66, 44),
    height: 40,
    heightConfidence: 'estimated',
    year: 2014,
    roof: 'multiple horizontal',
    floors: 8,
  },
  {
    id: 'hoog-catharijne-noord',
    name: 'Hoog Catharijne (noord)',
    footprint: box(5.1112, 52.0911, 5.1131, 52.0928),
    height: 22,
    heightConfidence: 'estimated',
    year: 1973,
    roof: 'multiple horizontal',
    floors: 4,
  },
  {
    id: 'hoog-catharijne-zuid',
    name: 'Hoog Catharijne (zuid)',
    footprint: box(5.1113, 52.08995, 5.1132, 52.0909),
    height: 20,
    heightConfidence: 'estimated',
    year: 1973,
    roof: 'multiple horizontal',
    floors: 4,
  },
  {
    id: 'utrecht-centraal',
    name: 'Utrecht Centraal (stationshal)',
    footprint: box(5.1084, 52.0887, 5.111, 52.0898),
    height: 24,
    heightConfidence: 'estimated',
    year: 2016,
    roof: 'multiple horizontal',
    floors: 3,
  },
  {
    id: 'stadskantoor',
    name: 'Stadskantoor',
    footprint: rect(5.1118, 52.0878, 48, 40),
    height: 66,
    heightConfidence: 'estimated',
    year: 2014,
    roof: 'multiple horizontal',
    floors: 17,
  },
  {
    id: 'rabobank-croeselaan',
    name: 'Rabobank (Croeselaan)',
    footprint: rect(5.1083, 52.0858, 36, 30),
    height: 105,
    heightConfidence: 'known',
    year: 2011,
    roof: 'horizontal',
    floors: 25,
  },
  {
    id: 'jaarbeurs-hal-1',
    name: 'Jaarbeurs (hallen 1–6)',
    footprint: rect(5.1045, 52.0871, 120, 55),
    height: 18,
    heightConfidence: 'estimated',
    year: 1970,
    roof: 'horizontal',
    floors: 1,
  },
  {
    id: 'jaarbeurs-hal-7',
    name: 'Jaarbeurs (hallen 7–9)',
    footprint: rect(5.1045, 52.0858, 120, 55),
    height: 18,
    heightConfidence: 'estimated',
    year: 1980,
    roof: 'horizontal',
    floors: 1,
  },
  {
    id: 'jaarbeurs-hal-10',
    name: 'Jaarbeurs (hallen 10–12)',
    footprint: rect(5.1045, 52.0845, 120, 55),
    height: 18,
    heightConfidence: 'estimated',
    year: 1990,
    roof: 'horizontal',
    floors: 1,
  },
];

/** Named neighbourhoods, for offline search (representative point only). */
export const NAMED_AREAS: NamedArea[] = [
  { id: 'binnenstad', name: 'Binnenstad', at: [5.1205, 52.0915] },
  { id: 'jaarbeurs', name: 'Jaarbeurskwartier', at: [5.1045, 52.088] },
  { id: 'stationsgebied', name: 'Stationsgebied', at: [5.1105, 52.0905] },
  { id: 'wittevrouwen', name: 'Wittevrouwen', at: [5.1305, 52.0965] },
  { id: 'oudwijk', name: 'Oudwijk', at: [5.1315, 52.0895] },
  { id: 'tolsteeg', name: 'Tolsteeg', at: [5.125, 52.0822] },
];

/**
 * Physiological Equivalent Temperature from a physical human energy balance: the Munich Energy
 * balance Model for Individuals (MEMI, Höppe 1984/1999, VDI 3787 part 2), in the steady form with
 * core, skin and clothing temperatures of Walther & Goestchel (2018, Building and Environment 137:
 * 1–10), who corrected errors in the VDI code. It is the reference the app's regression
 * (pet.ts) is checked against, not what the app draws: it is far too slow per grid cell.
 *
 * PET is the air temperature of a reference room (Tmrt = Ta, 0.1 m/s, vapour pressure 12 hPa) in
 * which the same person, with the core, skin and clothing temperatures of the outdoor case, has the
 * same heat balance. The person is Höppe's: 35-year-old man, 75 kg, 1.75 m, standing, 80 W of
 * activity on top of the basal metabolism, 0.9 clo.
 */
const SIGMA = 5.67e-8;
const CORE_SET = 36.6;
const SKIN_SET = 34;
const BODY_SET = 0.1 * SKIN_SET + 0.9 * CORE_SET;
const LATENT_HEAT = 2.42e6; // J/kg
const BLOOD_HEAT = 3.64e3; // J/(kg K)
const AIR_HEAT = 1.01e3; // J/(kg K)
const PRESSURE = 1013.25; // hPa

export interface MemiInput {
  /** Air temperature (°C). */
  airTemperature: number;
  /** Mean radiant temperature (°C). */
  radiantTemperature: number;
  /** Wind speed at body height (m/s). */
  wind: number;
  /** Water vapour pressure (hPa). */
  vapourPressure: number;
}

const PERSON = { age: 35, mass: 75, height: 1.75, activity: 80, clo: 0.9 };

/** Saturation vapour pressure (hPa) over water, Magnus form as used by Walther & Goestchel. */
export function saturationVapourPressure(t: number): number {
  return 6.105 * Math.exp((17.27 * t) / (237.7 + t));
}

/** The three balances (W/m²: core, skin, clothing) and the whole-body balance. */
function balance(
  [core, skin, cloth]: readonly [number, number, number],
  ta: number,
  tmrt: number,
  wind: number,
  vpa: number,
): { nodes: [number, number, number]; total: number } {
  const { age, mass, height, activity, clo } = PERSON;
  const area = 0.203 * mass ** 0.425 * height ** 0.725; // DuBois
  const radiating = 0.725; // standing
  const clothAreaFactor = 1 + 0.31 * clo;
  const covered = Math.min(1, (173.51 * clo - 2.36 - 100.76 * clo * clo + 19.28 * clo ** 3) / 100);
  const clothArea = area * covered + area * (clothAreaFactor - 1);
  const hc = 2.67 + 6.5 * Math.max(0.1, wind) ** 0.67;
  const basal =
    3.45 * mass ** 0.75 * (1 + 0.004 * (30 - age) + 0.01 * ((height * 100) / mass ** (1 / 3) - 43.4));
  const heat = (activity + basal) / area;
  // Breathing: expired air at 0.47 Ta + 21 °C, saturated.
  const expired = 0.47 * ta + 21;
  const ventilation = heat * 1.44e-6;
  const breathing =
    AIR_HEAT * (ta - expired) * ventilation +
    ((0.623 * LATENT_HEAT) / PRESSURE) *
      (vpa - 6.11 * 10 ** ((7.45 * expired) / (235 + expired))) *
      ventilation;
  // Clothing as a cylinder around the covered part of the body.
  const rcl = clo / 6.45;
  const y = (height - 0.2) / height; // 0.6 < clo < 2: covers all but the head
  const r2 = (area * (clothAreaFactor - 1 + covered)) / (2 * Math.PI * height * y);
  const r1 = (covered * area) / (2 * Math.PI * height * y);
  const clothConductance = (2 * Math.PI * height * y * (r2 - r1)) / (rcl * Math.log(r2 / r1) * clothArea);
  // Blood flow (L/(m² h)) from the core and skin signals, and the body temperature.
  const blood = Math.min(
    90,
    (6.3 + 75 * Math.max(0, core - CORE_SET)) / (1 + 0.5 * Math.max(0, SKIN_SET - skin)),
  );
  const body = 0.1 * skin + 0.9 * core;
  let sweat = Math.min(500, 0.30494 * Math.max(0, body - BODY_SET)) * (LATENT_HEAT / 1000 / 3600);
  const skinVapour = saturationVapourPressure(skin);
  const lewis = 1.67; // K/hPa
  const maxEvaporation = hc * lewis * (1 / (1 + 0.92 * hc * rcl)) * (skinVapour - vpa);
  let wetted = sweat / maxEvaporation;
  if (wetted > 1) {
    wetted = 1;
    sweat = Math.min(sweat, maxEvaporation);
  }
  if (sweat < 0) sweat = 0;
  const vapourResistance = (1 / (clothAreaFactor * hc) + rcl) / (lewis * 0.38); // Woodcock, i_m 0.38
  const evaporation = -(((1 - wetted) * (skinVapour - vpa)) / vapourResistance + sweat);
  const k4 = (t: number) => (t + 273.15) ** 4;
  const radiationBare = (area * radiating * (1 - covered) * 0.99 * SIGMA * (k4(tmrt) - k4(skin))) / area;
  const radiationCloth = (radiating * clothArea * 0.95 * SIGMA * (k4(tmrt) - k4(cloth))) / area;
  const convectionBare = hc * (ta - skin) * (1 - covered);
  const convectionCloth = (hc * (ta - cloth) * clothArea) / area;
  const coreToSkin = ((blood / 3600) * BLOOD_HEAT + 5.28) * (core - skin);
  return {
    nodes: [
      heat + breathing - coreToSkin,
      radiationBare + convectionBare + evaporation + coreToSkin - clothConductance * (skin - cloth),
      convectionCloth + radiationCloth + clothConductance * (skin - cloth),
    ],
    total: heat + breathing + radiationBare + radiationCloth + convectionBare + convectionCloth + evaporation,
  };
}

/** Core, skin and clothing temperature (°C) that balance the person's heat budget (Newton's method). */
export function bodyTemperatures(input: MemiInput): [number, number, number] {
  const { airTemperature: ta, radiantTemperature: tmrt, wind, vapourPressure: vpa } = input;
  let t: [number, number, number] = [36.8, 34.5, 30];
  const f = (x: [number, number, number]) => balance(x, ta, tmrt, wind, vpa).nodes;
  for (let it = 0; it < 100; it++) {
    const r = f(t);
    if (Math.max(...r.map(Math.abs)) < 1e-9) break;
    // Jacobian by central differences, then a 3 × 3 solve by Cramer's rule.
    const j: number[][] = [[], [], []];
    for (let c = 0; c < 3; c++) {
      const up: [number, number, number] = [...t];
      const down: [number, number, number] = [...t];
      up[c] = t[c]! + 1e-5;
      down[c] = t[c]! - 1e-5;
      const fu = f(up);
      const fd = f(down);
      for (let row = 0; row < 3; row++) j[row]![c] = (fu[row]! - fd[row]!) / 2e-5;
    }
    const det = (m: number[][]) =>
      m[0]![0]! * (m[1]![1]! * m[2]![2]! - m[1]![2]! * m[2]![1]!) -
      m[0]![1]! * (m[1]![0]! * m[2]![2]! - m[1]![2]! * m[2]![0]!) +
      m[0]![2]! * (m[1]![0]! * m[2]![1]! - m[1]![1]! * m[2]![0]!);
    const d = det(j);
    const step = [0, 1, 2].map((c) => det(j.map((row, i) => row.map((v, k) => (k === c ? r[i]! : v)))) / d);
    // Damped, so the kinks of blood flow and sweating do not throw the iteration far off.
    const scale = Math.min(1, 2 / Math.max(...step.map(Math.abs)));
    t = [t[0] - scale * step[0]!, t[1] - scale * step[1]!, t[2] - scale * step[2]!];
  }
  return t;
}

/** PET (°C): the reference-room air temperature with the same heat balance (bisection, 0.001 °C). */
export function petMemi(input: MemiInput): number {
  const temperatures = bodyTemperatures(input);
  const inRoom = (t: number) => balance(temperatures, t, t, 0.1, 12).total;
  let low = -50;
  let high = 70;
  while (high - low > 1e-3) {
    const mid = (low + high) / 2;
    if (Math.sign(inRoom(mid)) === Math.sign(inRoom(low))) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

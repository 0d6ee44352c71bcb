import { describe, expect, it } from 'vitest';
import {
  HEAT_CLASS_EDGES,
  heatClass,
  NO_CLASS,
  petShade,
  petSun,
  wetBulbStull,
  BOWEN_PAVED,
  BOWEN_VEGETATED,
} from './pet.ts';
import { petMemi, saturationVapourPressure } from './pet-memi.ts';
import { heatIslandScale } from './urban-heat.ts';
import { AFTERNOON_HOURS, diffuseFromGlobal, modelHour, REFERENCE_DATE } from './weather.ts';
import { sunPosition } from './solar-position.ts';
import { GRASS_FACTOR, reductionFactor, windAtPedestrianHeight, windSector } from './wind.ts';

/** The notes' worked example (§2.3): Ta 30 °C, RH 40 %, Q 800, Qd 150 W/m², sun at 55°. */
const worked = (wind: number, skyView: number) => {
  const wetBulb = wetBulbStull(30, 40);
  const common = { airTemperature: 30, wetBulb, wind, skyView };
  return {
    paved: petSun({ ...common, global: 800, elevation: 55, bowen: BOWEN_PAVED }),
    green: petSun({ ...common, global: 800, elevation: 55, bowen: BOWEN_VEGETATED }),
    shade: petShade({ ...common, diffuse: 150 }),
  };
};

describe('PET regression (models notes §2.3)', () => {
  it('wet-bulb temperature after Stull: 13.7 °C at 20 °C and 50 % (±0.05), 20.45 °C at 30 °C and 40 %', () => {
    expect(Math.abs(wetBulbStull(20, 50) - 13.7)).toBeLessThan(0.05);
    expect(Math.abs(wetBulbStull(30, 40) - 20.45)).toBeLessThan(0.05);
  });

  it('sun → shade lowers PET by 13.9 °C at 1 m/s (±0.1)', () => {
    const { paved, shade } = worked(1, 1);
    expect(Math.abs(paved - shade - 13.9)).toBeLessThan(0.1);
  });

  it('paved → vegetated in the sun: −1.42 °C (0.546 × 2.6, ±0.005)', () => {
    const { paved, green } = worked(1, 1);
    expect(Math.abs(green - paved - -1.42)).toBeLessThan(0.005);
  });

  it('reproduces the notes’ table of worked numbers (±0.1 °C)', () => {
    const table: [number, number, number, number, number][] = [
      [0.5, 1, 46.7, 45.3, 29.9],
      [1, 1, 42.8, 41.4, 28.8],
      [1, 0.5, 41.8, 40.4, 29.2],
      [2, 1, 38.8, 37.4, 27.8],
      [3, 1, 36.5, 35.1, 27.2],
    ];
    for (const [u, svf, paved, green, shade] of table) {
      const r = worked(u, svf);
      expect(Math.abs(r.paved - paved), `paved u=${u} svf=${svf}`).toBeLessThan(0.1);
      expect(Math.abs(r.green - green), `green u=${u} svf=${svf}`).toBeLessThan(0.1);
      expect(Math.abs(r.shade - shade), `shade u=${u} svf=${svf}`).toBeLessThan(0.1);
    }
  });

  it('never uses a wind below 0.5 m/s', () => {
    expect(worked(0.1, 1).paved).toBeCloseTo(worked(0.5, 1).paved, 10);
  });
});

describe('heat classes (Matzarakis & Mayer 1996)', () => {
  it('has edges 18 / 23 / 29 / 35 / 41 °C, a value on an edge in the warmer class', () => {
    expect([...HEAT_CLASS_EDGES]).toEqual([18, 23, 29, 35, 41]);
    const cases: [number, number][] = [
      [-5, 0],
      [17.99, 0],
      [18, 1],
      [22.99, 1],
      [23, 2],
      [28.99, 2],
      [29, 3],
      [34.99, 3],
      [35, 4],
      [40.99, 4],
      [41, 5],
      [60, 5],
    ];
    for (const [pet, k] of cases) expect(heatClass(pet), `${pet} °C`).toBe(k);
    expect(heatClass(NaN)).toBe(NO_CLASS);
  });
});

describe('weather of the reference hot day', () => {
  it('takes the table at 12–18 h on 1 July 2015 and splits diffuse light by transmissivity', () => {
    // 15:00–16:00 CEST is 13:00–14:00 UT: KNMI hour HH = 14 (the hour ending at 14:00 UT).
    const h15 = modelHour(REFERENCE_DATE, 15, 52.09, 5.12);
    expect(h15.source).toBe('reference');
    expect(h15.station.airTemperature).toBe(32.8);
    expect(h15.station.global).toBe(743.056);
    expect(AFTERNOON_HOURS).toEqual([12, 13, 14, 15, 16, 17]);
    // The rule reproduces the table's diffuse values: 17:00 (Q 629.2 W/m², sun 42.5°) → 149.4.
    expect(Math.abs(diffuseFromGlobal(629.167, 42.5) - 149.4)).toBeLessThan(0.1);
    expect(diffuseFromGlobal(794.444, 55.3)).toBeCloseTo(158.889, 2); // clear: 20 %
    expect(diffuseFromGlobal(100, 40)).toBe(100); // overcast: all diffuse
  });

  it('takes the sun at the middle of each hourly mean, not its end', () => {
    // The 13:00–14:00 CEST mean on 1 July 2015 is centred on 13:30 CEST = 11:30 UT.
    const h13 = modelHour(REFERENCE_DATE, 13, 52.09, 5.12);
    expect(h13.utcMs).toBe(Date.UTC(2015, 6, 1, 11, 30));
    expect(h13.sun.elevation).toBeCloseTo(
      sunPosition(Date.UTC(2015, 6, 1, 11, 30), 52.09, 5.12).elevation,
      9,
    );
    // Near solar noon (about 11:40 UT in Utrecht) the middle is higher than the end (12:00 UT)
    // by less than a degree; at 17:00–18:00 the end (16:00 UT) is about 4° lower than 15:30 UT.
    const h17 = modelHour(REFERENCE_DATE, 17, 52.09, 5.12);
    const end = sunPosition(Date.UTC(2015, 6, 1, 16, 0), 52.09, 5.12).elevation;
    expect(h17.sun.elevation - end).toBeGreaterThan(3);
    expect(h17.sun.elevation - end).toBeLessThan(5);
    // Diffuse light is split off for that sun: 491.7 W/m² at 38.3° (τ 0.58) is 44 % diffuse.
    expect(h17.station.diffuse).toBeCloseTo(diffuseFromGlobal(491.667, h17.sun.elevation), 9);
    expect(h17.station.diffuse / 491.667).toBeCloseTo(
      1.6 - 2 * (491.667 / (1367 * Math.sin((38.34 * Math.PI) / 180))),
      2,
    );
  });

  it('moves the hot day to another date with the radiation scaled to the sun there', () => {
    const june = modelHour('2025-06-21', 14, 52.09, 5.12);
    const december = modelHour('2025-12-21', 14, 52.09, 5.12);
    expect(june.source).toBe('reference-shifted');
    expect(december.station.global).toBeLessThan(june.station.global / 2);
    expect(june.station.airTemperature).toBe(32.1);
  });
});

describe('wind and heat island', () => {
  it('gives open grass exactly the reference factor 1 and less wind in a dense city', () => {
    expect(GRASS_FACTOR).toBe(1);
    // Open grass: 0.635 of the 10 m wind at 1.2 m (ln(1.2/0.03) / ln(10/0.03)).
    expect(windAtPedestrianHeight(GRASS_FACTOR, 6)).toBeCloseTo(6 * 0.635, 2);
    const dense = reductionFactor(0.25, 15);
    expect(dense).toBeGreaterThan(0.05);
    expect(dense).toBeLessThan(0.5);
    expect(reductionFactor(0.3, 15)).toBeLessThan(reductionFactor(0.1, 15));
  });

  it('sorts wind directions into sectors, calm below 1.5 m/s', () => {
    expect(windSector(100, 6)).toBe('E');
    expect(windSector(140, 4)).toBe('S');
    expect(windSector(350, 3)).toBe('N');
    expect(windSector(270, 3)).toBe('W');
    expect(windSector(270, 1)).toBe('calm');
  });

  it('reproduces the notes’ heat-island examples (S 0.21, DTR 12, U 3 → 1.7 / 4.0 / 5.1 K, ±0.1)', () => {
    // Choose a day whose S = Q / (cp ρ) is 0.21 K m/s at a 30 °C mean temperature.
    const density = 101325 / (287.058 * 303.15);
    const scale = heatIslandScale({
      minTemperature: 24,
      maxTemperature: 36,
      meanWind: 3,
      meanGlobal: 0.21 * 1007 * density,
    });
    const cases: [number, number, number][] = [
      [0.9, 0.6, 1.7],
      [0.6, 0.2, 4.0],
      [0.4, 0.05, 5.1],
    ];
    for (const [svf, veg, uhi] of cases) expect(Math.abs((2 - svf - veg) * scale - uhi)).toBeLessThan(0.1);
  });
});

describe('PET regression against the MEMI energy balance (pet-memi.ts, checked against Höppe 1999)', () => {
  it('barely responds to humidity, where the energy balance does', () => {
    // Shade, Ta = 32 °C, 1 m/s, sky view 0.7, diffuse 150 W/m²; RH 30 → 70 %. Only the wet-bulb
    // term moves: 0.06 × (Tw(70 %) − Tw(30 %)) = 0.06 × (27.5 − 19.9) ≈ 0.45 °C (Stull wet bulbs).
    const shade = (rh: number) =>
      petShade({ airTemperature: 32, wetBulb: wetBulbStull(32, rh), wind: 1, skyView: 0.7, diffuse: 150 });
    expect(shade(70) - shade(30)).toBeGreaterThan(0.3);
    expect(shade(70) - shade(30)).toBeLessThan(0.7);
    // The energy balance at Tmrt = Ta (shade, walls and sky at air temperature): several degrees,
    // because a sweating body loses less heat to moister air.
    const memi = (rh: number) =>
      petMemi({
        airTemperature: 32,
        radiantTemperature: 32,
        wind: 1,
        vapourPressure: (rh / 100) * saturationVapourPressure(32),
      });
    expect(memi(70) - memi(30)).toBeGreaterThan(3);
  });
});

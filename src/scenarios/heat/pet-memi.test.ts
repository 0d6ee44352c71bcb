import { describe, expect, it } from 'vitest';
import { petMemi, saturationVapourPressure } from './pet-memi.ts';

const pet = (airTemperature: number, radiantTemperature: number, wind: number, vapourPressure: number) =>
  petMemi({ airTemperature, radiantTemperature, wind, vapourPressure });

describe('PET from the MEMI energy balance (reference for the regression)', () => {
  it('equals the air temperature in the reference room itself (definition of PET: Höppe 1999)', () => {
    // Ta = Tmrt = 21 °C, 0.1 m/s, 12 hPa is the reference room: PET = 21 °C (Höppe 1999, Table 2).
    expect(pet(21, 21, 0.1, 12)).toBeCloseTo(21, 1);
  });

  it('gives about 19.9 °C at Ta = Tmrt = 20 °C, 50 % RH, 0.1 m/s (slightly drier than the room)', () => {
    // 50 % of 23.4 hPa = 11.7 hPa, a little below the room's 12 hPa, so PET a little below 20 °C.
    const vp = 0.5 * saturationVapourPressure(20);
    expect(vp).toBeCloseTo(11.7, 1);
    expect(Math.abs(pet(20, 20, 0.1, vp) - 19.9)).toBeLessThan(0.1);
  });

  it('matches Höppe’s (1999, Table 2) shade examples within 0.5 °C', () => {
    // Summer, shade: Ta = Tmrt = 30 °C, 1 m/s, 21 hPa → PET 29 °C.
    expect(Math.abs(pet(30, 30, 1, 21) - 29)).toBeLessThan(0.5);
    // Winter, shade: Ta = Tmrt = −5 °C, 5 m/s, 2 hPa → PET −13 °C.
    expect(Math.abs(pet(-5, -5, 5, 2) - -13)).toBeLessThan(0.5);
  });

  it('is within 2.5 °C (below) Höppe’s sunny examples, as Walther & Goestchel’s corrections lower them', () => {
    // Summer, sun: Ta 30 °C, Tmrt 60 °C, 1 m/s, 21 hPa → PET 43 °C (Höppe 1999); this model: 40.8 °C.
    const summer = pet(30, 60, 1, 21);
    expect(summer).toBeLessThan(43);
    expect(summer).toBeGreaterThan(43 - 2.5);
    // Winter, sun: Ta −5 °C, Tmrt 40 °C, 0.5 m/s, 2 hPa → PET 10 °C (Höppe 1999); this model: 8.3 °C.
    const winter = pet(-5, 40, 0.5, 2);
    expect(winter).toBeLessThan(10);
    expect(winter).toBeGreaterThan(10 - 2.5);
  });

  it('rises with radiant temperature, air temperature and humidity, and falls with wind', () => {
    const base = pet(30, 50, 1, 15);
    expect(pet(30, 55, 1, 15)).toBeGreaterThan(base);
    expect(pet(31, 50, 1, 15)).toBeGreaterThan(base);
    expect(pet(30, 50, 1, 25)).toBeGreaterThan(base);
    expect(pet(30, 50, 2, 15)).toBeLessThan(base);
  });
});

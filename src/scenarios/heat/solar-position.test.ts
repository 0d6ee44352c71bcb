import { describe, expect, it } from 'vitest';
import { sunDirection, sunPosition } from './solar-position.ts';

const DOM = { lat: 52.0907, lon: 5.1214 };

/** Highest elevation of the day, searched minute by minute around 11:00–12:30 UTC. */
function noonElevation(date: string): number {
  const start = Date.parse(`${date}T11:00:00Z`);
  let best = -90;
  for (let minute = 0; minute <= 90; minute++)
    best = Math.max(best, sunPosition(start + minute * 60_000, DOM.lat, DOM.lon).geometricElevation);
  return best;
}

describe('sun position (NOAA series)', () => {
  it('matches the NREL SPA published test case within 0.01°', () => {
    // Reda & Andreas 2004: 17 Oct 2003 12:30:30 at UTC−7, 39.742476 N, 105.1786 W →
    // topocentric zenith 50.11162°, azimuth 194.34024° (models notes §4.1).
    const sun = sunPosition(Date.parse('2003-10-17T19:30:30Z'), 39.742476, -105.1786);
    expect(Math.abs(sun.zenith - 50.11162)).toBeLessThan(0.01);
    expect(Math.abs(sun.azimuth - 194.34024)).toBeLessThan(0.01);
  });

  it('gives the Utrecht noon elevations of the notes (±0.05°): 61.35° on 21 June, 14.47° on 21 December', () => {
    // The notes' table is geometric (90 − 52.09 ± 23.44); refraction adds 0.06° at 14.5°.
    expect(Math.abs(noonElevation('2025-06-21') - 61.35)).toBeLessThan(0.05);
    expect(Math.abs(noonElevation('2025-12-21') - 14.47)).toBeLessThan(0.05);
  });

  it('gives the notes’ hourly angles on 21 June (±0.2°)', () => {
    const cases: [string, number, number][] = [
      ['08', 39.4, 102.5],
      ['10', 55.4, 136.2],
      ['14', 51.1, 236.1],
      ['16', 33.8, 265.5],
    ];
    for (const [hour, elevation, azimuth] of cases) {
      const sun = sunPosition(Date.parse(`2025-06-21T${hour}:00:00Z`), DOM.lat, DOM.lon);
      expect(Math.abs(sun.elevation - elevation), `${hour} UTC elevation`).toBeLessThan(0.2);
      expect(Math.abs(sun.azimuth - azimuth), `${hour} UTC azimuth`).toBeLessThan(0.2);
    }
  });

  it('is below the horizon at night and points the sun direction the right way', () => {
    expect(sunPosition(Date.parse('2025-06-21T23:00:00Z'), DOM.lat, DOM.lon).elevation).toBeLessThan(0);
    const [east, north, up] = sunDirection({ elevation: 30, azimuth: 90 });
    expect(east).toBeCloseTo(Math.cos(Math.PI / 6), 9);
    expect(north).toBeCloseTo(0, 9);
    expect(up).toBeCloseTo(0.5, 9);
  });
});

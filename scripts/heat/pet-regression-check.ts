/**
 * Compares the app's PET regression (pet.ts) with the MEMI energy balance (pet-memi.ts) over the
 * conditions the app uses: the reference day's afternoon hours (weather.ts), sun and shade, paved
 * and green ground, sky view 0.3–1 and wind at 1.2 m of 0.5–3 m/s. Prints the deviation
 * (regression − MEMI) and the humidity response of both. Run: npx tsx scripts/heat/pet-regression-check.ts
 */
import { meanRadiantTemperature } from '../../src/scenarios/heat/mean-radiant.ts';
import { petMemi, saturationVapourPressure } from '../../src/scenarios/heat/pet-memi.ts';
import {
  BOWEN_PAVED,
  BOWEN_VEGETATED,
  petShade,
  petSun,
  wetBulbStull,
} from '../../src/scenarios/heat/pet.ts';
import { AFTERNOON_HOURS, modelHour, REFERENCE_DATE } from '../../src/scenarios/heat/weather.ts';

const DOM = { lat: 52.0908, lon: 5.1214 };

function both(
  hour: ReturnType<typeof modelHour>,
  wind: number,
  skyView: number,
  sunlit: boolean,
  bowen: number,
  rh = hour.station.relativeHumidity,
): [number, number] {
  const { airTemperature: ta, global, diffuse } = hour.station;
  const elevation = hour.sun.elevation;
  const wetBulb = wetBulbStull(ta, rh);
  const regression = sunlit
    ? petSun({ airTemperature: ta, wetBulb, wind, skyView, global, elevation, bowen })
    : petShade({ airTemperature: ta, wetBulb, wind, skyView, diffuse });
  const vapourPressure = (rh / 100) * saturationVapourPressure(ta);
  const tmrt = meanRadiantTemperature({
    airTemperature: ta,
    vapourPressure,
    global,
    diffuse,
    elevation,
    skyView,
    sunlit,
  });
  return [regression, petMemi({ airTemperature: ta, radiantTemperature: tmrt, wind, vapourPressure })];
}

const deviations: Record<string, number[]> = { sun: [], shade: [] };
for (const h of AFTERNOON_HOURS) {
  const hour = modelHour(REFERENCE_DATE, h, DOM.lat, DOM.lon);
  for (const wind of [0.5, 1, 2, 3])
    for (const skyView of [0.3, 0.5, 0.7, 1]) {
      for (const bowen of [BOWEN_PAVED, BOWEN_VEGETATED]) {
        const [r, m] = both(hour, wind, skyView, true, bowen);
        deviations['sun']!.push(r - m);
      }
      const [r, m] = both(hour, wind, skyView, false, BOWEN_PAVED);
      deviations['shade']!.push(r - m);
    }
}
const stats = (v: number[]) => {
  const sorted = [...v].sort((a, b) => a - b);
  const mean = v.reduce((s, x) => s + x, 0) / v.length;
  const rms = Math.sqrt(v.reduce((s, x) => s + x * x, 0) / v.length);
  return `n ${v.length}, min ${sorted[0]!.toFixed(1)}, p5 ${sorted[Math.floor(0.05 * v.length)]!.toFixed(1)}, mean ${mean.toFixed(1)}, p95 ${sorted[Math.floor(0.95 * v.length)]!.toFixed(1)}, max ${sorted.at(-1)!.toFixed(1)}, rms ${rms.toFixed(1)} °C`;
};
console.log('PET regression − MEMI (°C), reference day 12–18 h:');
for (const [k, v] of Object.entries(deviations)) console.log(`  ${k}: ${stats(v)}`);

const at15 = modelHour(REFERENCE_DATE, 15, DOM.lat, DOM.lon);
for (const sunlit of [true, false]) {
  const [r30, m30] = both(at15, 1, 0.7, sunlit, BOWEN_PAVED, 30);
  const [r70, m70] = both(at15, 1, 0.7, sunlit, BOWEN_PAVED, 70);
  console.log(
    `humidity 30 → 70 % at 15 h (${sunlit ? 'sun' : 'shade'}, 1 m/s, SVF 0.7): regression +${(r70 - r30).toFixed(2)} °C, MEMI +${(m70 - m30).toFixed(2)} °C`,
  );
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWallClock } from '../../time/time-model.ts';
import { countAt, parseCrowdFile } from './crowd-model.ts';

const raw: unknown = JSON.parse(
  readFileSync(new URL('../../../public/data/layers/crowd-sample.json', import.meta.url), 'utf8'),
);

describe('crowd sample', () => {
  const file = parseCrowdFile(raw);
  const vredenburg = file.points.find((p) => p.id === 'vredenburg')!;

  it('is labelled as a made-up sample with a licence', () => {
    expect(file.meta.sample).toBe(true);
    expect(file.meta.licence).toBe('CC0-1.0');
    expect(file.points.length).toBeGreaterThan(10);
  });

  it('lies in the sample area around the Dom', () => {
    for (const p of file.points) {
      expect(Math.abs(p.lon - 5.1213)).toBeLessThan(0.02);
      expect(Math.abs(p.lat - 52.0908)).toBeLessThan(0.012);
    }
  });

  it('follows a daily rhythm: busy at 13:00, quiet at 04:00 (Amsterdam time)', () => {
    const noon = countAt(file, vredenburg, parseWallClock('2026-06-17T13:00')!);
    const night = countAt(file, vredenburg, parseWallClock('2026-06-17T04:00')!);
    expect(noon).toBe(vredenburg.peak);
    expect(night).toBeLessThan(noon / 20);
  });

  it('uses the weekend factor on Saturday and grows in planning years', () => {
    const wednesday = countAt(file, vredenburg, parseWallClock('2026-06-17T13:00')!);
    const saturday = countAt(file, vredenburg, parseWallClock('2026-06-20T13:00')!);
    expect(saturday / wednesday).toBeCloseTo(file.profiles['shopping']!.weekend, 2);
    const in2036 = countAt(file, vredenburg, parseWallClock('2036-06-18T13:00')!);
    expect(in2036 / wednesday).toBeCloseTo((1 + file.meta.annualGrowth) ** 10, 2);
  });

  it('rejects a file with an unknown profile or missing fields', () => {
    const broken = structuredClone(raw) as { points: { profile: string }[] };
    broken.points[0]!.profile = 'nope';
    expect(() => parseCrowdFile(broken)).toThrow(/unknown profile/);
    expect(() => parseCrowdFile({ points: [] })).toThrow();
  });
});

/**
 * Checks the committed heat baseline (public/data/heat/utrecht-centre-heat.json): valid, small, labelled
 * as a sample, and not stale (regenerating it from the committed sample city gives identical bytes).
 */
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { heatBaselineSchema } from '../../src/scenarios/heat/baseline-file.ts';
import { GROUND, rasterizeBaseline } from '../../src/scenarios/heat/city.ts';
import { CELL_SIZE, HEAT_BASELINE_PATH, heatBaselineText } from './build-heat-baseline.ts';

const committed = readFileSync(HEAT_BASELINE_PATH, 'utf8');

describe('committed heat baseline', () => {
  it('is what the build script makes now (run `npx tsx scripts/heat/build-heat-baseline.ts` if not)', () => {
    expect(heatBaselineText() === committed).toBe(true);
  });

  it('is valid, under 1.5 MB and says it is a sample', () => {
    expect(statSync(HEAT_BASELINE_PATH).size).toBeLessThan(1.5 * 1024 * 1024);
    const file = heatBaselineSchema.parse(JSON.parse(committed));
    expect(file.meta.sample).toBe(true);
    expect(file.meta.note).toMatch(/invented/);
    expect(file.grid.cellSize).toBe(CELL_SIZE);
    expect(file.buildings.ids).toContain('sample.pand.domtoren');
    const dom = file.buildings.ids.indexOf('sample.pand.domtoren');
    expect(file.buildings.heights[dom]).toBe(1120);
    expect(file.buildings.homes[dom]).toBe(0);
  });

  it('burns into a city with water, green, buildings and trees where they belong', () => {
    const city = rasterizeBaseline(heatBaselineSchema.parse(JSON.parse(committed)));
    const share = (code: number) =>
      city.ground.reduce((n, g) => n + (g === code ? 1 : 0), 0) / city.grid.cells;
    expect(share(GROUND.building)).toBeGreaterThan(0.2);
    expect(share(GROUND.water)).toBeGreaterThan(0.02);
    expect(share(GROUND.green)).toBeGreaterThan(0.001);
    let crowns = 0;
    let crownsOnRoofs = 0;
    for (let i = 0; i < city.grid.cells; i++)
      if (city.canopyHeight[i]! > 0) {
        crowns++;
        if (city.ground[i] === GROUND.building) crownsOnRoofs++;
      }
    expect(crowns / city.grid.cells).toBeGreaterThan(0.01);
    expect(crownsOnRoofs).toBe(0);
  });
});

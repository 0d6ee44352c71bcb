import { describe, expect, it } from 'vitest';
import { cityChanges, rasterizeBaseline } from './city.ts';
import { isEmptyWindow, type CellWindow } from './grid.ts';
import { applyChanges, ringInMetres, selfIntersection, treeRowPoints } from './interventions.ts';
import { syntheticBaseline, syntheticLonLat } from './synthetic-city.ts';

const spec = { size: 60, buildings: [{ x0: 40, y0: 40, x1: 60, y1: 60, height: 10 }] };
const city = rasterizeBaseline(syntheticBaseline(spec));
const lookup = { ids: ['b0'], indexOf: new Map([['b0', 0]]) };
const ll = (x: number, y: number) => syntheticLonLat(spec, x, y);

function inside(inner: CellWindow, outer: CellWindow): boolean {
  return (
    isEmptyWindow(inner) ||
    (inner.col0 >= outer.col0 &&
      inner.col1 <= outer.col1 &&
      inner.row0 >= outer.row0 &&
      inner.row1 <= outer.row1)
  );
}

describe('interventions', () => {
  it('spaces trees along a row from its start, across bends', () => {
    const points = treeRowPoints([0, 0, 10, 0, 10, 10], 4);
    expect(points.map(([x, y]) => [Math.round(x * 100) / 100, Math.round(y * 100) / 100])).toEqual([
      [0, 0],
      [4, 0],
      [8, 0],
      [10, 2],
      [10, 6],
      [10, 10],
    ]);
  });

  it('finds crossing outlines and ignores a repeated closing point', () => {
    expect(selfIntersection([0, 0, 10, 10, 10, 0, 0, 10])).toEqual([1, 3]);
    expect(selfIntersection([0, 0, 10, 0, 10, 10, 0, 10])).toBeNull();
    const ring = [ll(0, 0), ll(10, 0), ll(10, 10), ll(0, 0)];
    expect(ringInMetres(city.grid, ring)).toHaveLength(6);
  });

  it('changes only cells inside the windows it reports', () => {
    const applied = applyChanges(
      city,
      [
        { type: 'trees', points: [ll(20, 20)], crownDiameter: 8, height: 10 },
        { type: 'depave', polygon: [ll(80, 80), ll(100, 80), ll(100, 100), ll(80, 100)] },
        { type: 'building', polygon: [ll(70, 10), ll(90, 10), ll(90, 30), ll(70, 30)], height: 20 },
        { type: 'green-roof', buildingId: 'b0' },
        { type: 'trees', points: [ll(50, 50)] }, // on the roof: left out
      ],
      lookup,
    );
    const real = cityChanges(city, applied.city);
    expect(inside(real.any, applied.changed.any)).toBe(true);
    expect(inside(real.surface, applied.changed.surface)).toBe(true);
    // changes[4], the fifth change: 1 of its 1 tree left out.
    expect(applied.notes).toEqual([
      { key: 'scenario.note.heat.treesLeftOut', params: { change: 5, skipped: 1, total: 1 } },
    ]);
    expect(applied.city.greenRoof.reduce((s, v) => s + v, 0)).toBe(100); // 20 × 20 m of 2 m cells
  });
});

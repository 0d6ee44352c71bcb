import { describe, expect, it } from 'vitest';
import { translator } from '../../../i18n/translate.ts';
import { heatChangeSchema } from '../../../scenarios/heat/changes.ts';
import { changeFromDrawing, minimumPoints, pointsToFinish } from './heat-drawing.ts';
import { describeHeatChange, lineLength, outlineArea } from './heat-change-text.ts';

const settings = { crownDiameter: 6, treeHeight: 9, buildingHeight: 20 };
/** About 100 m × 50 m near the Dom (0.00146° of longitude ≈ 100 m at 52.09° N). */
const box: [number, number][] = [
  [5.12, 52.09],
  [5.12146, 52.09],
  [5.12146, 52.09045],
  [5.12, 52.09045],
];

describe('drawing greening on the map', () => {
  it('turns each tool’s points into a valid scenario change, rounded to about 10 cm', () => {
    const row = changeFromDrawing(
      'tree-row',
      [
        [5.1226001234, 52.0898],
        [5.1232, 52.088],
      ],
      settings,
    );
    expect(row).toEqual({
      type: 'tree-row',
      line: [
        [5.1226, 52.0898],
        [5.1232, 52.088],
      ],
      crownDiameter: 6,
      height: 9,
    });
    for (const tool of ['tree', 'tree-row', 'depave', 'water', 'green-roof', 'building'] as const) {
      const change = changeFromDrawing(
        tool,
        box
          .slice(0, Math.max(minimumPoints(tool), 1))
          .concat(tool === 'tree' || tool === 'tree-row' ? [] : box.slice(3)),
        settings,
      );
      expect(heatChangeSchema.safeParse(change).success, tool).toBe(true);
    }
  });

  it('knows when a tool finishes by itself', () => {
    expect(pointsToFinish('tree')).toBe(1);
    expect(pointsToFinish('tree-row')).toBe(2);
    expect(pointsToFinish('depave')).toBeNull();
    expect(minimumPoints('building')).toBe(3);
  });

  it('describes changes with their measured size', () => {
    expect(outlineArea(box)).toBeGreaterThan(4800);
    expect(outlineArea(box)).toBeLessThan(5200);
    expect(
      lineLength([
        [5.1226, 52.0898],
        [5.1232, 52.088],
      ]),
    ).toBeGreaterThan(195);
    const t = translator('nl');
    expect(describeHeatChange({ type: 'building', polygon: box, height: 20 }, t)).toMatch(
      /^Nieuw gebouw: \d\.\d{3} m², 20 m hoog$/,
    );
    expect(describeHeatChange({ type: 'trees', points: [[5.12, 52.09]] }, t)).toBe(
      '1 boom/bomen, kroon 8 m, 10 m hoog',
    );
  });
});

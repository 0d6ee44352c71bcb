import { describe, expect, it } from 'vitest';
import { difference } from './diff.ts';
import { transferables } from './protocol.ts';
import type { Field, FieldGrid, ScenarioOutput } from './types.ts';

/** Grid fields (`Field.grid`): one value per raster cell, no ids. */
const grid: FieldGrid = { columns: 2, rows: 2, cellSize: 2, bounds: [5.1, 52.0, 5.10006, 52.00004] };

const output = (values: number[], g: FieldGrid | null = grid): ScenarioOutput => ({
  kind: 'k',
  indicators: {},
  fields: { pet: { ids: [], steps: 1, values: Float32Array.from(values), ...(g ? { grid: g } : {}) } },
  stepSeconds: 3600,
  startsAt: '15:00',
  notes: [],
});

describe('grid fields in the engine', () => {
  it('subtract cell by cell and keep their grid', () => {
    const d = difference(output([30, 40, NaN, 35]), output([28, 40, NaN, 36]));
    const f = d.fields['pet'] as Field;
    expect(f.grid).toEqual(grid);
    expect(f.ids).toEqual([]);
    expect([...f.values]).toEqual([-2, 0, NaN, 1]);
  });

  it('are not compared across different grids, nor with id fields', () => {
    const other: FieldGrid = { ...grid, columns: 4, rows: 1 };
    expect(difference(output([1, 2, 3, 4]), output([1, 2, 3, 4], other)).fields['pet']).toBeUndefined();
    expect(difference(output([1, 2, 3, 4], null), output([1, 2, 3, 4])).fields['pet']).toBeUndefined();
  });

  it('move their buffers to the main thread like any field', () => {
    const a = output([1, 2, 3, 4]);
    const b = output([2, 2, 3, 4]);
    const buffers = transferables({
      scenario: { version: 1, kind: 'k', name: 'n', baseline: 'b', changes: [], run: {} },
      output: b,
      baseline: a,
      difference: difference(a, b),
    });
    expect(buffers).toHaveLength(3);
  });
});

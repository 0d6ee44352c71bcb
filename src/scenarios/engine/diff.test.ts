import { describe, expect, it } from 'vitest';
import { difference } from './diff.ts';
import type { ScenarioOutput, Table } from './types.ts';

const output = (ids: string[], values: number[], tables?: Record<string, Table>): ScenarioOutput => ({
  kind: 'k',
  indicators: {},
  fields: { flow: { ids, steps: 2, values: Float32Array.from(values) } },
  ...(tables ? { tables } : {}),
  stepSeconds: 3600,
  startsAt: '00:00',
  notes: [],
});

describe('difference of fields with different elements', () => {
  it('follows the scenario’s elements by id; one the baseline lacks counts as 0 there', () => {
    // Two steps, row-major [step · elements + element].
    const base = output(['a', 'b'], [1, 2, 10, 20]);
    const scenario = output(['a', 'b', 'new'], [1.5, 0, 7, 11, 25, 3]);
    const d = difference(base, scenario).fields['flow']!;
    expect(d.ids).toEqual(['a', 'b', 'new']);
    expect([...d.values]).toEqual([0.5, -2, 7, 1, 5, 3]);
  });

  it('still subtracts element by element when the ids are the same', () => {
    const d = difference(output(['a', 'b'], [1, 2, 3, 4]), output(['a', 'b'], [2, 2, 2, 2])).fields['flow']!;
    expect([...d.values]).toEqual([1, 0, -1, -2]);
  });
});

describe('difference of tables', () => {
  const columns = ['origin', 'destination', 'minutes', 'detour'];
  const base: Table = {
    columns,
    rows: [
      ['A', 'B', 5, 1.1],
      ['B', 'A', 6, null],
    ],
  };

  it('matches rows by their text cells and subtracts the numbers', () => {
    const scenario: Table = {
      columns,
      rows: [
        ['B', 'A', 9, 1.5],
        ['A', 'B', 4, 1.2],
        ['C', 'A', 1, 1],
      ],
    };
    const d = difference(output(['a'], [0, 0], { od: base }), output(['a'], [0, 0], { od: scenario }));
    expect(d.tables!['od']).toEqual({
      columns,
      rows: [
        ['B', 'A', 3, null],
        ['A', 'B', -1, expect.closeTo(0.1, 9)],
      ],
    });
  });

  it('leaves out tables with other columns, and adds no tables key when neither run has tables', () => {
    const other: Table = { columns: ['x'], rows: [[1]] };
    expect(
      difference(output(['a'], [0, 0], { od: base }), output(['a'], [0, 0], { od: other })).tables,
    ).toEqual({});
    expect(difference(output(['a'], [0, 0]), output(['a'], [0, 0]))).not.toHaveProperty('tables');
  });
});

import { describe, expect, it } from 'vitest';
import { fieldValue, indexById, stepAtClock, stepClock, stepOfMaximum } from './fields.ts';
import type { Field } from './types.ts';

const field: Field = { ids: ['a', 'b'], steps: 3, values: new Float32Array([1, 2, 5, 0, 3, 4]) };

describe('field helpers', () => {
  it('reads a value per step and element, clamping the step', () => {
    expect(fieldValue(field, 1, 0)).toBe(5);
    expect(fieldValue(field, 2, 1)).toBe(4);
    expect(fieldValue(field, 9, 1)).toBe(4);
    const once: Field = { ids: ['a', 'b'], steps: 1, values: new Float32Array([7, 8]) };
    expect(fieldValue(once, 5, 1)).toBe(8);
  });

  it('counts the cells of a grid field', () => {
    const grid: Field = {
      ids: [],
      steps: 2,
      values: new Float32Array([1, 2, 3, 4, 9, 5, 6, 7]),
      grid: { columns: 2, rows: 2, cellSize: 2, bounds: [5, 52, 5.1, 52.1] },
    };
    expect(stepOfMaximum(grid)).toBe(1);
    expect(fieldValue(grid, 1, 2)).toBe(6);
  });

  it('finds the step with the largest value', () => {
    expect(stepOfMaximum(field)).toBe(1);
    expect(stepOfMaximum({ ids: [], steps: 0, values: new Float32Array(0) })).toBe(0);
  });

  it('indexes elements by id', () => {
    expect(indexById(field).get('b')).toBe(1);
  });
});

describe('step clock', () => {
  const timing = { startsAt: '22:30', stepSeconds: 300 };

  it('turns steps into wall-clock times past midnight', () => {
    expect(stepClock(timing, 0)).toBe('22:30');
    expect(stepClock(timing, 7)).toBe('23:05');
    expect(stepClock(timing, 18)).toBe('24:00');
  });

  it('finds the step of a time, clamped to the run', () => {
    expect(stepAtClock(timing, 12, '23:05')).toBe(7);
    expect(stepAtClock(timing, 12, '23:07')).toBe(7);
    expect(stepAtClock(timing, 12, '08:00')).toBe(0);
    expect(stepAtClock(timing, 12, '23:59')).toBe(11);
    expect(stepAtClock(timing, 12, 'noon')).toBeNull();
  });
});

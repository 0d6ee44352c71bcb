import type { Field, ScenarioOutput } from './types.ts';

/** Elements per step: named ids, or the cells of a grid field (whose `ids` is empty). */
export function elementCount(field: Field): number {
  return field.grid ? field.grid.columns * field.grid.rows : field.ids.length;
}

/** The value of element `index` at `step`; a one-step field answers every step. */
export function fieldValue(field: Field, step: number, index: number): number {
  const s = field.steps === 1 ? 0 : Math.min(Math.max(step, 0), field.steps - 1);
  return field.values[s * elementCount(field) + index]!;
}

/** The step holding the field's largest value (the first one on a tie): where playback starts. */
export function stepOfMaximum(field: Field): number {
  const n = elementCount(field);
  if (n === 0) return 0;
  let best = -Infinity;
  let bestIndex = 0;
  field.values.forEach((v, i) => {
    if (v > best) {
      best = v;
      bestIndex = i;
    }
  });
  return Math.floor(bestIndex / n);
}

/** Element index by id, built once per field. */
export function indexById(field: Field): Map<string, number> {
  return new Map(field.ids.map((id, i) => [id, i]));
}

/** The wall-clock time (HH:MM, may pass 24:00 as e.g. 24:30) at the start of an output step. */
export function stepClock(output: Pick<ScenarioOutput, 'startsAt' | 'stepSeconds'>, step: number): string {
  const minutes = clockMinutes(output.startsAt) + Math.floor((step * output.stepSeconds) / 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The step that starts at a wall-clock time, clamped to the run; null for an unreadable time. */
export function stepAtClock(
  output: Pick<ScenarioOutput, 'startsAt' | 'stepSeconds'>,
  steps: number,
  clock: string,
): number | null {
  if (!/^\d{2}:\d{2}$/.test(clock)) return null;
  const offset = (clockMinutes(clock) - clockMinutes(output.startsAt)) * 60;
  return Math.min(Math.max(Math.floor(offset / output.stepSeconds), 0), steps - 1);
}

function clockMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

/** What a build assumed or left out, in plain sentences for the assumptions report. */
export interface Assumptions {
  assume(line: string): void;
  note(line: string): void;
  readonly assumed: readonly string[];
  readonly notes: readonly string[];
}

export function createAssumptions(): Assumptions {
  const assumed: string[] = [];
  const notes: string[] = [];
  return {
    assume: (line) => void assumed.push(line),
    note: (line) => void notes.push(line),
    assumed,
    notes,
  };
}

import { CancelledError, type RunOptions } from './types.ts';

/**
 * Long runs give the event loop a turn every `sliceMs`, so a worker can receive "cancel" in the
 * middle of a run and a main-thread fallback keeps the page responsive. Call `checkpoint` often
 * (it is cheap when no slice has ended); it throws CancelledError once the signal is aborted.
 */
export function cooperative(
  { signal, onProgress }: RunOptions,
  sliceMs = 25,
): (fraction: number) => Promise<void> {
  let sliceStart = performance.now();
  return async (fraction) => {
    if (signal?.aborted) throw new CancelledError();
    if (performance.now() - sliceStart < sliceMs) return;
    onProgress?.(Math.min(1, Math.max(0, fraction)));
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    if (signal?.aborted) throw new CancelledError();
    sliceStart = performance.now();
  };
}

/** Maps a sub-run's 0…1 progress into [from, to] of the whole. */
export function progressRange(options: RunOptions, from: number, to: number): RunOptions {
  const { onProgress } = options;
  return {
    ...options,
    onProgress: onProgress ? (f) => onProgress(from + (to - from) * f) : undefined,
  };
}

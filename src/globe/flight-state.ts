/**
 * Which camera request the globe has finished carrying out. A request is "done" when a jump has
 * been made or a flight has completed or been cancelled; until then the view is not settled.
 */
let finishedRequestSeq = 0;

export function markCameraRequestFinished(seq: number): void {
  finishedRequestSeq = Math.max(finishedRequestSeq, seq);
}

export function isCameraRequestFinished(seq: number | undefined): boolean {
  return seq === undefined || finishedRequestSeq >= seq;
}

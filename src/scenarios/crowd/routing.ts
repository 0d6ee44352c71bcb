/**
 * Routing for the pedestrian network model: one shortest-path tree per destination.
 * Cells are directed links: cell 2l walks link l from → to, cell 2l + 1 walks it to → from;
 * `head`/`tail` give their end and start node (−1 for a cell that cannot be walked).
 */
import { csr } from '../graph/csr.ts';
import { MinHeap } from '../min-heap.ts';

/** `next` value at the destination itself. */
export const DEST = -2;
/** `next` value where the destination cannot be reached, and `head` of a closed cell. */
export const NONE = -1;

/**
 * For every destination, the next cell on a shortest path (by length, i.e. free-flow time) from each
 * node: Dijkstra on the reversed graph from the destination, with a binary heap.
 */
export function shortestPathTrees(
  nNodes: number,
  head: Int32Array,
  tail: Int32Array,
  length: Float64Array,
  destinations: readonly number[],
): Int32Array {
  // Incoming cells per node (reverse adjacency).
  const [inCount, inCells] = csr(nNodes, head);

  const next = new Int32Array(Math.max(1, destinations.length) * nNodes).fill(NONE);
  const dist = new Float64Array(nNodes);
  const heap = new MinHeap(nNodes);
  destinations.forEach((dest, d) => {
    dist.fill(Infinity);
    const base = d * nNodes;
    dist[dest] = 0;
    next[base + dest] = DEST;
    heap.push(dest, 0);
    while (heap.size > 0) {
      const u = heap.popId();
      const du = heap.lastKey;
      if (du > dist[u]!) continue;
      for (let k = inCount[u]!; k < inCount[u + 1]!; k++) {
        const c = inCells[k]!;
        const v = tail[c]!;
        const dv = du + length[c >> 1]!;
        if (dv < dist[v]!) {
          dist[v] = dv;
          next[base + v] = c;
          heap.push(v, dv);
        }
      }
    }
  });
  return next;
}

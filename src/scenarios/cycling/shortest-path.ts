import { MinHeap } from '../min-heap.ts';
import type { Graph } from './network.ts';

/**
 * Least-cost tree from one origin (Dijkstra with a binary heap). Buffers are allocated once and
 * reused for every origin, so an assignment over hundreds of origins allocates nothing per origin.
 */
export class ShortestPaths {
  /** Least cost (s) from the origin; Infinity where unreachable. */
  readonly cost: Float64Array;
  /** Metres along the least-cost path. */
  readonly metres: Float64Array;
  /** Arc by which the least-cost path enters each node (−1 at the origin and where unreachable). */
  readonly pred: Int32Array;
  /** Reached nodes in the order they were settled (non-decreasing cost); the first `reached` are valid. */
  readonly order: Int32Array;
  reached = 0;
  private readonly heap: MinHeap;

  constructor(private readonly g: Graph) {
    this.cost = new Float64Array(g.nodeCount);
    this.metres = new Float64Array(g.nodeCount);
    this.pred = new Int32Array(g.nodeCount);
    this.order = new Int32Array(g.nodeCount);
    this.heap = new MinHeap(g.nodeCount);
  }

  run(origin: number): void {
    const { g, cost, metres, pred, order, heap } = this;
    cost.fill(Infinity);
    pred.fill(-1);
    this.reached = 0;
    cost[origin] = 0;
    metres[origin] = 0;
    heap.push(origin, 0);
    while (heap.size > 0) {
      const u = heap.popId();
      const cu = heap.lastKey;
      if (cu > cost[u]!) continue; // a stale heap entry
      order[this.reached++] = u;
      for (let k = g.outStart[u]!; k < g.outStart[u + 1]!; k++) {
        const a = g.outArcs[k]!;
        const v = g.head[a]!;
        const cv = cu + g.cost[a]!;
        if (cv < cost[v]!) {
          cost[v] = cv;
          metres[v] = metres[u]! + g.metres[a]!;
          pred[v] = a;
          heap.push(v, cv);
        }
      }
    }
  }
}

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

/** Binary min-heap of (id, key) with lazy deletion; grows when needed. */
class MinHeap {
  private ids: Int32Array;
  private keys: Float64Array;
  size = 0;
  /** Key of the id returned by the last popId(). */
  lastKey = 0;

  constructor(capacity: number) {
    this.ids = new Int32Array(Math.max(4, capacity));
    this.keys = new Float64Array(Math.max(4, capacity));
  }

  push(id: number, key: number): void {
    if (this.size === this.ids.length) {
      const ids = new Int32Array(this.size * 2);
      ids.set(this.ids);
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      this.ids = ids;
      this.keys = keys;
    }
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent]! <= key) break;
      this.ids[i] = this.ids[parent]!;
      this.keys[i] = this.keys[parent]!;
      i = parent;
    }
    this.ids[i] = id;
    this.keys[i] = key;
  }

  popId(): number {
    const id = this.ids[0]!;
    this.lastKey = this.keys[0]!;
    const lastId = this.ids[--this.size]!;
    const lastKey = this.keys[this.size]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.keys[child + 1]! < this.keys[child]!) child++;
      if (this.keys[child]! >= lastKey) break;
      this.ids[i] = this.ids[child]!;
      this.keys[i] = this.keys[child]!;
      i = child;
    }
    this.ids[i] = lastId;
    this.keys[i] = lastKey;
    return id;
  }
}

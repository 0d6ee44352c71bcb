/**
 * Compressed sparse rows (CSR): groups arcs by a node, e.g. by tail for outgoing arcs or by head for
 * incoming ones. Arcs of node n are `arcs[start[n]]` … `arcs[start[n + 1] − 1]`, in arc order.
 * Arcs whose key is −1 (closed, cannot be used) are left out.
 */
export function csr(nodeCount: number, key: Int32Array): [start: Int32Array, arcs: Int32Array] {
  const start = new Int32Array(nodeCount + 1);
  for (let a = 0; a < key.length; a++) if (key[a]! >= 0) start[key[a]! + 1] = start[key[a]! + 1]! + 1;
  for (let n = 0; n < nodeCount; n++) start[n + 1] = start[n + 1]! + start[n]!;
  const arcs = new Int32Array(start[nodeCount]!);
  const fill = start.slice(0, nodeCount);
  for (let a = 0; a < key.length; a++) {
    const k = key[a]!;
    if (k < 0) continue;
    arcs[fill[k]!] = a;
    fill[k] = fill[k]! + 1;
  }
  return [start, arcs];
}

import type { BikeNetworkFile, DayType, Fit, ModelParameters } from './network-file.ts';
import type { BikeNetwork, Graph } from './network.ts';
import { estimateDemand, type CountTarget } from './od-estimation.ts';

/** Counts of one link on one day type: cyclists per hour (mean over the points on that link). */
export interface ObservedLink {
  link: number;
  hourly: Float64Array;
  daily: number;
  /** Busiest hour / daily. */
  peakShare: number;
  points: string[];
}

export function observedLinks(file: BikeNetworkFile, net: BikeNetwork, dayType: DayType): ObservedLink[] {
  const byLink = new Map<number, { sum: Float64Array; n: number; points: string[] }>();
  for (const p of file.counts?.points ?? []) {
    const hourly = p[dayType];
    const link = net.linkIndex.get(p.link);
    if (!hourly || link === undefined) continue;
    const entry = byLink.get(link) ?? { sum: new Float64Array(24), n: 0, points: [] };
    hourly.forEach((v, h) => (entry.sum[h] = entry.sum[h]! + v));
    entry.n++;
    entry.points.push(p.id);
    byLink.set(link, entry);
  }
  return [...byLink.entries()]
    .sort(([a], [b]) => a - b)
    .map(([link, { sum, n, points }]) => {
      const hourly = sum.map((v) => v / n);
      const daily = hourly.reduce((s, v) => s + v, 0);
      return { link, hourly, daily, peakShare: daily > 0 ? Math.max(...hourly) / daily : 0, points };
    });
}

export function countTargets(observed: readonly ObservedLink[]): CountTarget[] {
  return observed.map((o) => ({ link: o.link, daily: o.daily, peakShare: o.peakShare }));
}

export interface BaselineDemand {
  zoneNodes: number[];
  /** Daily trips, row-major [origin · zones + destination], zones in file order. */
  trips: Float64Array;
  fit: Fit | null;
  /** `file`: the matrix stored in the network file; `estimated`: estimated from the counts for this run. */
  source: 'file' | 'estimated';
}

/** The day type's OD matrix: the file's own when it has one, else estimated from its counts now. */
export function baselineDemand(
  file: BikeNetworkFile,
  net: BikeNetwork,
  graph: Graph,
  dayType: DayType,
  params: ModelParameters,
): BaselineDemand {
  const zoneNodes = file.zones.map((z) => net.nodeIndex.get(z.node)!);
  const weights = file.zones.map((z) => z.weight);
  const n = zoneNodes.length;
  const stored = file.demand?.[dayType];
  if (file.demand && stored) {
    const position = new Map(file.demand.zones.map((z, i) => [z, i]));
    const at = file.zones.map((z) => position.get(z.id));
    const trips = new Float64Array(n * n);
    at.forEach((i, o) =>
      at.forEach((j, d) => {
        if (i !== undefined && j !== undefined && o !== d) trips[o * n + d] = stored.trips[i]![j]!;
      }),
    );
    return { zoneNodes, trips, fit: stored.fit ?? null, source: 'file' };
  }
  const estimate = estimateDemand({
    graph,
    zoneNodes,
    weights,
    targets: countTargets(observedLinks(file, net, dayType)),
    routeChoice: 'logit',
    theta: params.theta,
  });
  return {
    zoneNodes,
    trips: estimate.trips,
    fit: estimate.fit,
    source: 'estimated',
  };
}

/**
 * The OD matrices a network file stores: estimated per day type from its counts (gravity prior
 * matched to the counted links), rounded to 0.1 trip, with the fit of the rounded matrix as the
 * scenario runs will load it. Day types without counts get no matrix (runs then use the prior alone).
 */
import { assign } from '../../src/scenarios/cycling/assignment.ts';
import { countTargets, observedLinks } from '../../src/scenarios/cycling/demand.ts';
import { DAY_TYPES, parametersOf, type BikeNetworkFile } from '../../src/scenarios/cycling/network-file.ts';
import { compileGraph, networkFromFile } from '../../src/scenarios/cycling/network.ts';
import { countFit, estimateDemand, ESTIMATION_DEFAULTS } from '../../src/scenarios/cycling/od-estimation.ts';

export function estimateFileDemand(
  file: BikeNetworkFile,
  maxRounds: number = ESTIMATION_DEFAULTS.iterations,
): NonNullable<BikeNetworkFile['demand']> {
  const { theta } = parametersOf(file);
  const net = networkFromFile(file);
  const graph = compileGraph(net);
  const zoneNodes = file.zones.map((z) => net.nodeIndex.get(z.node)!);
  const weights = file.zones.map((z) => z.weight);
  const n = zoneNodes.length;
  const demand: NonNullable<BikeNetworkFile['demand']> = {
    method:
      `Doubly constrained gravity prior (PBL bike decay) matched to the counts by Spiess's gradient ` +
      `method with conjugate directions (at most ${maxRounds} rounds, until the relative RMSE is ` +
      `${ESTIMATION_DEFAULTS.tolerance * 100} % or the fit stops improving); logit route choice with theta ${theta}.`,
    zones: file.zones.map((z) => z.id),
  };
  for (const day of DAY_TYPES) {
    const targets = countTargets(observedLinks(file, net, day));
    if (targets.length === 0) continue;
    const r = estimateDemand({
      graph,
      zoneNodes,
      weights,
      targets,
      routeChoice: 'logit',
      theta,
      iterations: maxRounds,
    });
    const rows = Array.from({ length: n }, (_, o) =>
      Array.from({ length: n }, (_, d) => Math.round(r.trips[o * n + d]! * 10) / 10),
    );
    const flow = assign(
      graph,
      { zoneNodes, trips: Float64Array.from(rows.flat()) },
      { routeChoice: 'logit', theta },
    ).linkFlow;
    const fit = countFit(
      targets,
      targets.map((t) => flow[t.link]!),
    );
    const r4 = (v: number) => Math.round(v * 1e4) / 1e4;
    demand[day] = {
      trips: rows,
      fit: {
        links: fit.links,
        rmse: Math.round(fit.rmse * 10) / 10,
        relativeRmse: r4(fit.relativeRmse),
        maxGeh: r4(fit.maxGeh),
        shareGehBelow5: r4(fit.shareGehBelow5),
        r2: r4(fit.r2),
        rounds: r.iterations,
        stop: r.stop,
      },
    };
  }
  return demand;
}

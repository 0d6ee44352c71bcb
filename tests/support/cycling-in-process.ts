import { readFileSync } from 'node:fs';
import { ScenarioClient } from '../../src/scenarios/engine/client.ts';
import { inProcessWorker } from '../../src/scenarios/engine/in-process-worker.ts';
import { runScenario, type RunOutcome } from '../../src/scenarios/engine/runner.ts';
import { SCENARIO_KINDS } from '../../src/scenarios/engine/engine-kinds.ts';
import { scenarioDeps, useScenarioStore } from '../../src/state/scenario-store.ts';

/** Test helpers: the sample bike network, the examples, and a store that runs them in-process. */
const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

export const bikeNetworkJson = read('../../public/data/cycling/utrecht-centre-bike-network.json');
export const roadworksExample = JSON.parse(read('../../scenarios/cycling-vredenburg-roadworks.json')) as {
  changes: unknown[];
  run: Record<string, unknown>;
};
export const bridgeExample = JSON.parse(read('../../scenarios/cycling-mariaplaats-bridge.json')) as {
  changes: unknown[];
};

/** A fresh parsed copy of the network file, as the store holds one per run. */
export const bikeNetwork = (): unknown => JSON.parse(bikeNetworkJson);

/** Runs a scenario against its baseline, as the worker would, with the same parsed data object. */
export async function runCycling(scenario: unknown, baselineData = bikeNetwork()) {
  const outcome: RunOutcome = await runScenario(
    { scenario, baseline: baselineData, compare: true },
    SCENARIO_KINDS,
  );
  return { outcome, baselineData };
}

/** Points the scenario store at an in-process engine and the sample network; returns the restore. */
export function installInProcessStore(): () => void {
  const real = { ...scenarioDeps };
  scenarioDeps.engine = () => new ScenarioClient(() => inProcessWorker(SCENARIO_KINDS).worker);
  scenarioDeps.fetchBaseline = () => Promise.resolve(bikeNetwork());
  useScenarioStore.getState().clear();
  return () => {
    useScenarioStore.getState().clear();
    Object.assign(scenarioDeps, real);
  };
}

/** Waits (up to 4 s) until the store's last run is done. */
export async function runFinished(): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (useScenarioStore.getState().status === 'done') return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`the run did not finish: ${useScenarioStore.getState().status}`);
}

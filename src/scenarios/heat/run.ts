import type { KindRunner, ScenarioIssue } from '../engine/types.ts';
import type { HeatBaseline } from './baseline-file.ts';
import type { HeatChange, HeatRun } from './changes.ts';
import { rasterizeBaseline, type CityRasters } from './city.ts';
import { checkChanges } from './interventions.ts';
import { conditionsFor, fingerprint, heatCache, runHeatScenario, type HeatScenario } from './run-heat.ts';

/** The worker side of the `heat-greening` scenario kind (definition.ts has its schemas). */

/** The last baseline rasterised for checks, so validating a drag does not burn the city again. */
let checked: { key: string; city: CityRasters } | null = null;

function cityFor(file: HeatBaseline): CityRasters {
  const key = `${file.meta.id}:${fingerprint(file)}`;
  if (checked?.key !== key) checked = { key, city: rasterizeBaseline(file) };
  return checked.city;
}

export function checkHeatScenario(scenario: HeatScenario, file: HeatBaseline): ScenarioIssue[] {
  const city = cityFor(file);
  const buildings = { ids: file.buildings.ids, indexOf: new Map(file.buildings.ids.map((id, i) => [id, i])) };
  const issues = checkChanges(scenario.changes, city, buildings);
  const conditions = conditionsFor(scenario.run, city.grid);
  if ('path' in conditions) issues.push(conditions);
  return issues;
}

export const heatGreeningRunner: KindRunner<HeatChange, HeatRun, HeatBaseline> = {
  check: checkHeatScenario,
  run: (scenario, file, options) => runHeatScenario(scenario, file, options, heatCache),
};

import type { ScenarioIssue, ScenarioKind } from '../engine/types.ts';
import { heatBaselineSchema, type HeatBaseline } from './baseline-file.ts';
import { heatChangeSchema, heatRunSchema, type HeatChange, type HeatRun } from './changes.ts';
import { rasterizeBaseline, type CityRasters } from './city.ts';
import { checkChanges } from './interventions.ts';
import { conditionsFor, fingerprint, heatCache, runHeatScenario, type HeatScenario } from './run-heat.ts';

/**
 * The `heat-greening` scenario kind: a felt-temperature (PET) map at street level for a day and
 * hour, with trees, unpaved green, green roofs, water and new buildings as the diff over a
 * baseline city (public/data/heat/). See scenarios/README.md, section "Heat".
 */

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

export const heatGreeningKind: ScenarioKind<HeatChange, HeatRun, HeatBaseline> = {
  kind: 'heat-greening',
  changeSchema: heatChangeSchema,
  runSchema: heatRunSchema,
  baselineSchema: heatBaselineSchema,
  baselineId: (file) => file.meta.id,
  check: checkHeatScenario,
  run: (scenario, file, options) => runHeatScenario(scenario, file, options, heatCache),
};

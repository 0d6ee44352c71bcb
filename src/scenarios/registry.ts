import { crowdEventKind } from './crowd/scenario.ts';
import { cyclingRouteKind } from './cycling/scenario.ts';
import type { KindRegistry, ScenarioKind } from './engine/types.ts';
import { heatGreeningKind } from './heat/scenario.ts';

/** Every scenario kind this build can run. Heat and cycling register here when they arrive. */
export const SCENARIO_KINDS: KindRegistry = new Map<string, ScenarioKind>([
  // Stored type-erased: the engine hands each kind only values its own schemas produced.
  [crowdEventKind.kind, crowdEventKind as unknown as ScenarioKind],
  [cyclingRouteKind.kind, cyclingRouteKind as unknown as ScenarioKind],
  [heatGreeningKind.kind, heatGreeningKind as unknown as ScenarioKind],
]);

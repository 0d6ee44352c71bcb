import type { KindDefinition } from '../engine/types.ts';
import { heatBaselineSchema, type HeatBaseline } from './baseline-file.ts';
import { heatChangeSchema, heatRunSchema, type HeatChange, type HeatRun } from './changes.ts';

/**
 * The `heat-greening` scenario kind: a felt-temperature (PET) map at street level for a day and
 * hour, with trees, unpaved green, green roofs, water and new buildings as the diff over a
 * baseline city (public/data/heat/). See scenarios/README.md, section "Heat".
 */
export const heatGreeningDefinition = {
  kind: 'heat-greening',
  changeSchema: heatChangeSchema,
  runSchema: heatRunSchema,
  baselineSchema: heatBaselineSchema,
  baseline: { id: 'utrecht-centre-heat-sample', url: '/data/heat/utrecht-centre-heat.json' },
  baselineId: (file) => file.meta.id,
} as const satisfies KindDefinition<'heat-greening', HeatChange, HeatRun, HeatBaseline>;

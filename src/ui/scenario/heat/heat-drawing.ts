import type { HeatChange, LonLat } from '../../../scenarios/heat/changes.ts';

/** What can be drawn on the map for a heat scenario. */
export const HEAT_TOOLS = ['tree', 'tree-row', 'depave', 'water', 'green-roof', 'building'] as const;
export type HeatTool = (typeof HEAT_TOOLS)[number];

export interface HeatToolSettings {
  crownDiameter: number;
  treeHeight: number;
  buildingHeight: number;
}

/** How many points a tool takes before it finishes by itself (polygons finish when the user says so). */
export function pointsToFinish(tool: HeatTool): number | null {
  if (tool === 'tree') return 1;
  if (tool === 'tree-row') return 2;
  return null;
}

/** The smallest number of points a finished shape needs. */
export function minimumPoints(tool: HeatTool): number {
  return tool === 'tree' ? 1 : tool === 'tree-row' ? 2 : 3;
}

/** About 10 cm: enough for a drawn tree, and keeps share links short. */
function round(point: readonly [number, number]): LonLat {
  return [Math.round(point[0] * 1e6) / 1e6, Math.round(point[1] * 1e6) / 1e6];
}

/** The scenario change a finished drawing makes; defaults are left out so files stay short. */
export function changeFromDrawing(
  tool: HeatTool,
  points: readonly (readonly [number, number])[],
  settings: HeatToolSettings,
): HeatChange {
  const at = points.map(round);
  const tree = { crownDiameter: settings.crownDiameter, height: settings.treeHeight };
  switch (tool) {
    case 'tree':
      return { type: 'trees', points: at, ...tree };
    case 'tree-row':
      return { type: 'tree-row', line: at, ...tree };
    case 'depave':
      return { type: 'depave', polygon: at };
    case 'water':
      return { type: 'water', polygon: at };
    case 'green-roof':
      return { type: 'green-roof', polygon: at };
    case 'building':
      return { type: 'building', polygon: at, height: settings.buildingHeight };
  }
}

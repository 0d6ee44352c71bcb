import { useEffect } from 'react';
import { useAppStore } from '../../state/app-store.ts';
import { useMapToolStore } from '../../state/map-tool-store.ts';
import { useParticipationStore } from '../../state/participation-store.ts';
import { useScenarioStore } from '../../state/scenario-store.ts';
import { EXAMPLE_SCENARIOS } from '../scenario/examples.ts';

const PIN_TOOL = 'participation-pin';

/**
 * Joins participation to the map: while placing a pin, a tap on the map (or Enter on the focused map,
 * which uses its centre) is the pin, with the camera view it was placed in; Escape or another tool ends
 * placing. A tour step's or alternative's scenario is opened from the bundled examples.
 */
export function useParticipationMap(): void {
  const placing = useParticipationStore((s) => s.placing);
  const scenarioRequest = useParticipationStore((s) => s.scenarioRequest);

  useEffect(() => {
    const tools = useMapToolStore.getState();
    if (!placing) {
      if (tools.tool?.id === PIN_TOOL) tools.setTool(null);
      return;
    }
    tools.setTool({
      id: PIN_TOOL,
      onPoint: (lon, lat) => {
        const camera = useAppStore.getState().camera;
        useParticipationStore.getState().setPin({ lon, lat, height: 0 }, camera);
      },
    });
    // Escape on the map, or another drawing tool taking over, ends placing.
    return useMapToolStore.subscribe((state) => {
      if (state.tool?.id !== PIN_TOOL && useParticipationStore.getState().placing)
        useParticipationStore.getState().setPlacing(false);
    });
  }, [placing]);

  useEffect(() => {
    if (!scenarioRequest) return;
    const scenarios = useScenarioStore.getState();
    const { scenarioId } = scenarioRequest;
    if (scenarioId === null) {
      // Only an example the plan opened is put away; a planner's own scenario stays.
      if (scenarios.origin?.type === 'example') scenarios.clear();
      return;
    }
    if (scenarios.origin?.type === 'example' && scenarios.origin.id === scenarioId) return;
    const example = EXAMPLE_SCENARIOS.find((e) => e.id === scenarioId);
    if (example) void scenarios.load(example.value, { type: 'example', id: example.id }, example.name);
  }, [scenarioRequest]);
}

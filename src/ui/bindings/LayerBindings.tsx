import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useTranslate } from '../use-translate.ts';
import type { OverlayLayerGroup, OcclusionMode } from '../../overlay/overlay-types.ts';
import { useOverlayStore } from '../../overlay/overlay-store.ts';
import { useAppStore } from '../../state/app-store.ts';
import { useLayersStore } from '../../state/layers-store.ts';
import { useScenarioStore } from '../../state/scenario-store.ts';
import { useSketchStore } from '../../state/sketch-store.ts';
import { useTimeStore } from '../../state/time-store.ts';
import { useUserLayersStore } from '../../state/user-layers-store.ts';
import { LAYER_IDS } from '../../layers/layer-ids.ts';
import { ensureLoaded, layerData, needsLoad } from './layer-data.ts';
import type { RenderContext } from '../../layers/layer-types.ts';
import { LAYER_REGISTRY } from '../../layers/registry.ts';
import { crowdMonitorGroups } from '../../layers/crowd-monitor/monitor-layers.ts';
import { useCrowdMonitor, useCrowdMonitorLoading } from './use-crowd-monitor.ts';
import { sketchGroups } from '../../layers/scenario-result/sketch-layers.ts';
import type { ScenarioResultState } from '../../layers/scenario-result/views.ts';
import type { Translate } from '../../i18n/translate.ts';
import { userLayerGroups } from '../../layers/user-layers/user-layers.ts';
import { participationPinGroups } from '../../layers/participation/pin-layers.ts';
import { useParticipationStore } from '../../state/participation-store.ts';

const MODES: OcclusionMode[] = ['ground', 'none'];

/**
 * Turns the layer state (on/off, opacity), app time and loaded data into the overlay's deck.gl
 * layers. Renders nothing itself. Switching a layer on starts loading its data; switching live data
 * on or off reloads the visible source-backed layers. Whatever data a layer has stays drawn while
 * it reloads or after a reload failed.
 */
export function LayerBindings({
  scenarioGroups,
}: {
  /** The scenario result's layers; given by the UI, which joins each kind's view and actions. */
  scenarioGroups?: (state: ScenarioResultState, t: Translate) => OverlayLayerGroup[];
}) {
  const t = useTranslate();
  const layers = useLayersStore((s) => s.layers);
  const status = useLayersStore((s) => s.status);
  const time = useTimeStore((s) => s.time);
  const mode = useTimeStore((s) => s.mode);
  const live = useAppStore((s) => s.live);
  const userLayers = useUserLayersStore((s) => s.layers);
  useCrowdMonitorLoading();
  const sketch = useSketchStore(useShallow((s) => ({ points: s.points, closed: s.closed })));
  const crowd = useCrowdMonitor().assessment;
  const scenario = useScenarioStore(
    useShallow((s) => ({
      outcome: s.outcome,
      baselineData: s.baselineData,
      step: s.step,
      display: s.display,
    })),
  );

  const pins = useParticipationStore(
    useShallow((s) => ({
      comments: s.plan ? s.comments : null,
      draftPoint: s.plan ? s.draft.point : null,
      openId: s.openCommentId,
    })),
  );

  useEffect(() => {
    for (const id of LAYER_IDS) if (layers[id].visible && needsLoad(id, live)) ensureLoaded(id, { live });
  }, [layers, status, live]);

  useEffect(() => {
    const groups: OverlayLayerGroup[] = [];
    for (const id of LAYER_IDS) {
      const data = layerData(id);
      if (!layers[id].visible || data === undefined) continue;
      const registered = LAYER_REGISTRY[id];
      const context: RenderContext = { time, mode, opacity: layers[id].opacity / 100, t };
      const rendered = registered.render(data, context);
      for (const occlusion of MODES) {
        const deckLayers = rendered[occlusion];
        if (!deckLayers?.length) continue;
        groups.push({
          ownerId: id,
          occlusion,
          layers: deckLayers,
          describe: (object) => registered.describe(object, context),
        });
      }
    }
    // A scenario result draws over the data layers; layers added from a URL come last, on top.
    if (scenarioGroups) groups.push(...scenarioGroups(scenario, t));
    if (crowd) groups.push(...crowdMonitorGroups(crowd, t));
    groups.push(...sketchGroups(sketch.points, sketch.closed));
    groups.push(...userLayerGroups(userLayers, t));
    // Residents' pins are markers: on top of everything.
    if (pins.comments)
      groups.push(
        ...participationPinGroups(pins.comments, pins.draftPoint, pins.openId, t, (id) =>
          useParticipationStore.getState().openComment(id),
        ),
      );
    useOverlayStore.getState().setGroups(groups);
  }, [layers, status, time, mode, t, userLayers, scenario, scenarioGroups, crowd, sketch, pins]);

  useEffect(() => () => useOverlayStore.getState().setGroups([]), []);

  return null;
}

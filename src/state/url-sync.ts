import { useAppStore } from './app-store.ts';
import { stepAtClock, stepClock } from '../scenarios/engine/fields.ts';
import { useLayersStore, visibleLayerSettings } from './layers-store.ts';
import { useCrowdMonitorStore } from './crowd-monitor-store.ts';
import { useParticipationStore } from './participation-store.ts';
import { stepCount, useScenarioStore } from './scenario-store.ts';
import { sharedTimeOf, useTimeStore } from './time-store.ts';
import { decodeView, encodeView, type SharedView } from './url-codec.ts';

type Store = typeof useAppStore;

/**
 * Keeps the address bar and the app state in step. Choosing a place, another data source or
 * switching a data layer adds a history entry; dragging the camera, an opacity slider or the
 * time slider updates the current entry; back/forward restore the view. Returns a function that
 * stops the syncing.
 */
export function startUrlSync(
  store: Store = useAppStore,
  win: Window = window,
  layersStore = useLayersStore,
  timeStore = useTimeStore,
  scenarioStore = useScenarioStore,
  crowdStore = useCrowdMonitorStore,
  participationStore = useParticipationStore,
): () => void {
  let applyingHistory = false;

  const applyLocation = () => {
    applyingHistory = true;
    const { view, ignored } = decodeView(win.location.search, timeStore.getState().clock());
    store.setState({
      dataSource: view.dataSource,
      baseLayer: view.baseLayer,
      language: view.language,
      live: view.live,
      ...(ignored.length > 0 ? { ignoredUrlKeys: ignored } : {}),
    });
    layersStore.getState().applySettings(view.layers);
    timeStore.getState().applyShared(view.time);
    store.getState().requestCamera(view.camera, { fly: false, history: 'replace' });
    applyScenario(view.scenario, view.scenarioTime);
    crowdStore.setState({
      on: view.crowd !== null || view.controlRoom,
      day: view.crowd ?? 'auto',
      controlRoom: view.controlRoom,
    });
    const participation = participationStore.getState();
    if (participation.planId !== view.plan) void participation.openPlan(view.plan);
    if (participation.moderatorView !== view.moderate) participation.setModeratorView(view.moderate);
    if (participation.room !== view.room) participation.setRoom(view.room);
    applyingHistory = false;
  };

  /** Loads (and runs) a linked scenario, then moves playback to the linked time. */
  const applyScenario = (token: string | null, clock: string | null) => {
    const state = scenarioStore.getState();
    if (token === null) {
      if (state.scenario) state.clear();
      return;
    }
    const seek = () => {
      const { outcome, setStep } = scenarioStore.getState();
      if (!clock || !outcome) return;
      const step = stepAtClock(outcome.output, stepCount(outcome), clock);
      if (step !== null) setStep(step);
    };
    if (token === state.shareToken) seek();
    else void state.loadToken(token).then((loaded) => loaded && seek());
  };

  applyLocation();

  const currentView = (): SharedView => {
    const { shareToken, outcome, step } = scenarioStore.getState();
    return {
      ...store.getState(),
      layers: visibleLayerSettings(layersStore.getState().layers),
      time: sharedTimeOf(timeStore.getState()),
      scenario: shareToken,
      scenarioTime: shareToken && outcome ? stepClock(outcome.output, step) : null,
      crowd: crowdStore.getState().on ? crowdStore.getState().day : null,
      controlRoom: crowdStore.getState().controlRoom,
      plan: participationStore.getState().planId,
      moderate: participationStore.getState().moderatorView,
      room: participationStore.getState().room,
    };
  };

  const write = (push: boolean) => {
    const query = encodeView(currentView(), timeStore.getState().clock());
    if (query === win.location.search) return;
    const url = query + win.location.hash;
    if (push && !applyingHistory) win.history.pushState(null, '', url);
    else win.history.replaceState(null, '', url);
  };

  const unsubscribers = [
    store.subscribe((state, previous) => {
      const optionsChanged =
        state.dataSource !== previous.dataSource ||
        state.baseLayer !== previous.baseLayer ||
        state.language !== previous.language ||
        state.live !== previous.live;
      if (!optionsChanged && state.camera === previous.camera) return;
      write(optionsChanged || state.cameraHistory === 'push');
    }),
    layersStore.subscribe((state, previous) => {
      if (state.layers === previous.layers) return;
      // Switching a layer on/off is a step worth going back to; sliding opacity is not.
      const visibilityChanged = Object.keys(state.layers).some(
        (id) =>
          state.layers[id as keyof typeof state.layers].visible !==
          previous.layers[id as keyof typeof previous.layers].visible,
      );
      write(visibilityChanged);
    }),
    timeStore.subscribe((state, previous) => {
      if (state.mode === previous.mode && state.time === previous.time) return;
      // A new mode is a step; moving through time (slider, playback, the live clock) is not.
      write(state.mode !== previous.mode);
    }),
    scenarioStore.subscribe((state, previous) => {
      // Another scenario is a step back to; moving through its result is not.
      if (state.shareToken !== previous.shareToken) write(true);
      else if (state.step !== previous.step || state.outcome !== previous.outcome) write(false);
    }),
    crowdStore.subscribe((state, previous) => {
      if (
        state.on !== previous.on ||
        state.day !== previous.day ||
        state.controlRoom !== previous.controlRoom
      )
        write(true);
    }),
    participationStore.subscribe((state, previous) => {
      if (
        state.planId !== previous.planId ||
        state.moderatorView !== previous.moderatorView ||
        state.room !== previous.room
      )
        write(true);
    }),
  ];

  win.addEventListener('popstate', applyLocation);
  return () => {
    unsubscribers.forEach((unsubscribe) => unsubscribe());
    win.removeEventListener('popstate', applyLocation);
  };
}

import { create } from 'zustand';
import type { CameraPose } from '../geo/camera-pose.ts';
import { DEFAULT_VIEW } from './url-codec.ts';
import type { BaseLayerId, DataSourceId } from '../config/view-options.ts';
import type { Language } from '../i18n/language.ts';

/** A request from the UI (viewpoint, search result, back/forward) that the globe carries out. */
/** How a camera stop is recorded in the browser history: a new entry, or in place of the current one. */
export type HistoryMode = 'push' | 'replace';

export interface CameraRequest {
  pose: CameraPose;
  history: HistoryMode;
  /** Animate (fly) or jump. */
  fly: boolean;
  /** Increases on every request so the same pose can be requested twice. */
  seq: number;
}

/** A picked building: its attributes as the tileset gives them, plus where they came from. */
export interface SelectedBuilding {
  properties: Record<string, string | number | null>;
  dataSource: DataSourceId;
}

export type TilesetStatus =
  | { state: 'loading'; pendingRequests: number; processing: number }
  | { state: 'ready' }
  | { state: 'error'; problem: LoadProblem };

/** Why buildings failed to load, in terms a person can act on; the UI words it. */
export type LoadProblem =
  { kind: 'network' } | { kind: 'http'; status: number } | { kind: 'invalid'; detail: string };

export interface AppState {
  camera: CameraPose;
  /** How the last camera stop should be recorded in the browser history. */
  cameraHistory: HistoryMode;
  dataSource: DataSourceId;
  baseLayer: BaseLayerId;
  language: Language;
  /** Source-backed data layers read the live APIs instead of their embedded snapshots. */
  live: boolean;
  cameraRequest: CameraRequest | null;
  selection: SelectedBuilding | null;
  tilesetStatus: TilesetStatus;
  /** Set when the 3D view stopped because of an error while drawing; the page must be reloaded. */
  renderError: string | null;
  /** Keys of the opening link that could not be used; shown once as a notice. */
  ignoredUrlKeys: string[];

  reportCamera: (pose: CameraPose, history: HistoryMode) => void;
  /** Flights to places get their own history entry; restoring a link or going back replaces it. */
  requestCamera: (pose: CameraPose, options?: { fly?: boolean; history?: HistoryMode }) => void;
  setDataSource: (id: DataSourceId) => void;
  setBaseLayer: (id: BaseLayerId) => void;
  setLive: (live: boolean) => void;
  setLanguage: (language: Language) => void;
  select: (building: SelectedBuilding | null) => void;
  setTilesetStatus: (status: TilesetStatus) => void;
  reportRenderError: (detail: string) => void;
  dismissUrlNotice: () => void;
}

let requestSeq = 0;

export const useAppStore = create<AppState>()((set) => ({
  camera: DEFAULT_VIEW.camera,
  cameraHistory: 'replace',
  dataSource: DEFAULT_VIEW.dataSource,
  baseLayer: DEFAULT_VIEW.baseLayer,
  language: DEFAULT_VIEW.language,
  live: DEFAULT_VIEW.live,
  cameraRequest: null,
  selection: null,
  tilesetStatus: { state: 'loading', pendingRequests: 0, processing: 0 },
  renderError: null,
  ignoredUrlKeys: [],

  reportCamera: (camera, cameraHistory) => set({ camera, cameraHistory }),
  requestCamera: (pose, { fly = true, history = 'push' } = {}) =>
    set({ cameraRequest: { pose, fly, history, seq: ++requestSeq } }),
  // A different building source invalidates the selection: its id may not exist there.
  setDataSource: (dataSource) =>
    set((s) => (s.dataSource === dataSource ? s : { dataSource, selection: null })),
  setBaseLayer: (baseLayer) => set({ baseLayer }),
  setLive: (live) => set({ live }),
  setLanguage: (language) => set({ language }),
  select: (selection) => set({ selection }),
  setTilesetStatus: (tilesetStatus) => set({ tilesetStatus }),
  reportRenderError: (renderError) => set({ renderError }),
  dismissUrlNotice: () => set({ ignoredUrlKeys: [] }),
}));

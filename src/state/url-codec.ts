import { CROWD_DAYS, type CrowdDay } from '../layers/crowd-monitor/days.ts';
import { HOME_CAMERA, type CameraPose } from '../geo/camera-pose.ts';
import { decodeLayers, encodeLayers, sameLayers, type LayerSetting } from './layers-url.ts';
import { formatWallClock, inferMode, parseWallClock, TIME_MODES } from '../time/time-model.ts';
import type { SharedTime } from './time-store.ts';
import { BASE_LAYERS, DATA_SOURCES, type BaseLayerId, type DataSourceId } from '../config/view-options.ts';
import { LANGUAGES, type Language } from '../i18n/language.ts';

/**
 * The shareable view as a readable, versioned query string, e.g.
 * `?v=1&cam=5.12133,52.09076,650.0,25.0,-35.0,0.0&src=sample&base=none&lang=nl`, plus data layers
 * and app time: `&layers=crowd-sample:80&t=2026-06-21T15:00` (Amsterdam wall-clock time; `tm` only
 * when the mode cannot be read from the time). Keys added later are optional, so every older
 * version-1 link still opens: an absent key means the default.
 * Only what differs from the defaults is written, so links stay short; unknown keys are kept
 * out, and bad values fall back to defaults with a note instead of breaking the page.
 */
export const URL_FORMAT_VERSION = 1;

export interface SharedView {
  camera: CameraPose;
  dataSource: DataSourceId;
  baseLayer: BaseLayerId;
  language: Language;
  /** Live data for the source-backed layers (`live=1`); absent = the embedded snapshots. */
  live?: boolean;
  /** Visible data layers with opacity; absent = none. */
  layers?: LayerSetting[];
  /** App time; absent = now. */
  time?: SharedTime;
  /** A scenario as a share-link token (`sc=`, see scenarios/engine/share.ts); absent = none. */
  scenario?: string | null;
  /** Playback time in the scenario's result (`sct=HH:MM`); absent = where the result opens. */
  scenarioTime?: string | null;
  /** The crowd monitor on, with its sample day (`crowd=auto|weekday|saturday|event`); absent = off. */
  crowd?: CrowdDay | null;
  /** The control-room layout (`view=control`). */
  controlRoom?: boolean;
  /** A participation plan open in the panel (`plan=<id>`); absent = none. */
  plan?: number | null;
  /** The moderator view of that plan (`mod=1`; the token itself never goes in a link). */
  moderate?: boolean;
  /** The room screen of that plan, for the big screen of a meeting (`room=1`). */
  room?: boolean;
}

export const DEFAULT_VIEW: Required<SharedView> = {
  camera: HOME_CAMERA,
  dataSource: 'sample',
  baseLayer: 'none',
  language: 'nl',
  live: false,
  layers: [],
  time: { mode: 'now' },
  scenario: null,
  scenarioTime: null,
  crowd: null,
  controlRoom: false,
  plan: null,
  moderate: false,
  room: false,
};

export interface DecodedView {
  view: Required<SharedView>;
  /** Keys that were present but unusable; the UI may tell the user the link was partly ignored. */
  ignored: string[];
}

const CAMERA_DECIMALS = [6, 6, 1, 1, 1, 1] as const;

export function encodeView(view: SharedView, now = Date.now()): string {
  const params = new URLSearchParams();
  params.set('v', String(URL_FORMAT_VERSION));
  const c = view.camera;
  params.set(
    'cam',
    [c.lon, c.lat, c.height, normaliseDegrees(c.heading), c.pitch, c.roll]
      .map((value, i) => value.toFixed(CAMERA_DECIMALS[i]))
      .join(','),
  );
  if (view.dataSource !== DEFAULT_VIEW.dataSource) params.set('src', view.dataSource);
  if (view.baseLayer !== DEFAULT_VIEW.baseLayer) params.set('base', view.baseLayer);
  if (view.language !== DEFAULT_VIEW.language) params.set('lang', view.language);
  if (view.live) params.set('live', '1');
  if (view.layers && !sameLayers(view.layers, DEFAULT_VIEW.layers))
    params.set('layers', encodeLayers(view.layers));
  if (view.time && view.time.mode !== 'now') {
    params.set('t', formatWallClock(view.time.time));
    // Minutes are the link's resolution: infer from the rounded time, as the decoder will.
    const written = parseWallClock(formatWallClock(view.time.time))!;
    if (inferMode(written, now) !== view.time.mode) params.set('tm', view.time.mode);
  }
  if (view.crowd) params.set('crowd', view.crowd);
  if (view.controlRoom) params.set('view', 'control');
  if (view.plan) {
    params.set('plan', String(view.plan));
    if (view.moderate) params.set('mod', '1');
    if (view.room) params.set('room', '1');
  }
  if (view.scenario) {
    params.set('sc', view.scenario);
    if (view.scenarioTime) params.set('sct', view.scenarioTime);
  }
  // URLSearchParams escapes commas and colons; both are safe in a query and much easier to read.
  return '?' + params.toString().replaceAll('%2C', ',').replaceAll('%3A', ':');
}

export function decodeView(search: string, now = Date.now()): DecodedView {
  const params = new URLSearchParams(search);
  const ignored: string[] = [];
  const version = params.get('v');
  if (version !== null && version !== String(URL_FORMAT_VERSION)) ignored.push('v');

  return {
    view: {
      camera: decodeCamera(params.get('cam'), ignored),
      dataSource: pick(params, 'src', DATA_SOURCES, DEFAULT_VIEW.dataSource, ignored),
      baseLayer: pick(params, 'base', BASE_LAYERS, DEFAULT_VIEW.baseLayer, ignored),
      language: pick(params, 'lang', LANGUAGES, DEFAULT_VIEW.language, ignored),
      live: pick(params, 'live', ['0', '1'] as const, '0', ignored) === '1',
      layers: decodeLayerParam(params.get('layers'), ignored),
      time: decodeTime(params.get('t'), params.get('tm'), now, ignored),
      ...decodeScenario(params.get('sc'), params.get('sct'), ignored),
      crowd: params.has('crowd') ? pick(params, 'crowd', CROWD_DAYS, 'auto', ignored) : null,
      controlRoom: pick(params, 'view', ['map', 'control'] as const, 'map', ignored) === 'control',
      ...decodePlan(params.get('plan'), params.get('mod'), params.get('room'), ignored),
    },
    ignored,
  };
}

function decodeCamera(raw: string | null, ignored: string[]): CameraPose {
  if (raw === null) return DEFAULT_VIEW.camera;
  const numbers = raw.split(',').map(Number);
  const [lon, lat, height, heading, pitch, roll] = numbers;
  const valid =
    numbers.length === 6 &&
    numbers.every(Number.isFinite) &&
    Math.abs(lon!) <= 180 &&
    Math.abs(lat!) <= 90 &&
    height! > -500 &&
    height! < 5e7 &&
    Math.abs(pitch!) <= 90;
  if (!valid) {
    ignored.push('cam');
    return DEFAULT_VIEW.camera;
  }
  return { lon: lon!, lat: lat!, height: height!, heading: heading!, pitch: pitch!, roll: roll! };
}

function decodeLayerParam(raw: string | null, ignored: string[]): LayerSetting[] {
  if (raw === null) return DEFAULT_VIEW.layers;
  const layers = decodeLayers(raw);
  if (layers) return layers;
  ignored.push('layers');
  return DEFAULT_VIEW.layers;
}

function decodeTime(raw: string | null, rawMode: string | null, now: number, ignored: string[]): SharedTime {
  if (raw === null) {
    if (rawMode !== null && rawMode !== 'now') ignored.push('tm');
    return DEFAULT_VIEW.time;
  }
  const time = parseWallClock(raw);
  if (time === null) {
    ignored.push('t');
    return DEFAULT_VIEW.time;
  }
  let mode = inferMode(time, now);
  if (rawMode !== null) {
    if ((TIME_MODES as readonly string[]).includes(rawMode)) mode = rawMode as SharedTime['mode'];
    else ignored.push('tm');
  }
  return mode === 'now' ? { mode } : { mode, time };
}

/** The token is checked for shape only here; its content is validated when the scenario loads. */
function decodeScenario(
  token: string | null,
  clock: string | null,
  ignored: string[],
): { scenario: string | null; scenarioTime: string | null } {
  if (token === null) {
    if (clock !== null) ignored.push('sct');
    return { scenario: null, scenarioTime: null };
  }
  if (!/^[dj][A-Za-z0-9_-]{8,}$/.test(token)) {
    ignored.push('sc');
    return { scenario: null, scenarioTime: null };
  }
  if (clock !== null && !/^(?:[01]\d|2[0-4]):[0-5]\d$/.test(clock)) {
    ignored.push('sct');
    return { scenario: token, scenarioTime: null };
  }
  return { scenario: token, scenarioTime: clock };
}

function decodePlan(
  raw: string | null,
  mod: string | null,
  room: string | null,
  ignored: string[],
): { plan: number | null; moderate: boolean; room: boolean } {
  const plan = raw !== null && /^[1-9]\d{0,8}$/.test(raw) ? Number(raw) : null;
  if (raw !== null && plan === null) ignored.push('plan');
  // A view of a plan means nothing without one.
  const flag = (value: string | null, name: string) => {
    if (value !== null && (value !== '1' || plan === null)) ignored.push(name);
    return plan !== null && value === '1';
  };
  return { plan, moderate: flag(mod, 'mod'), room: flag(room, 'room') };
}

function pick<T extends string>(
  params: URLSearchParams,
  key: string,
  allowed: readonly T[],
  fallback: T,
  ignored: string[],
): T {
  const raw = params.get(key);
  if (raw === null) return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  ignored.push(key);
  return fallback;
}

function normaliseDegrees(value: number): number {
  return ((value % 360) + 360) % 360;
}

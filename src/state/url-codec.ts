import { HOME_CAMERA, type CameraPose } from './camera.ts';
import {
  BASE_LAYERS,
  DATA_SOURCES,
  LANGUAGES,
  type BaseLayerId,
  type DataSourceId,
  type Language,
} from './view-options.ts';

/**
 * The shareable view as a readable, versioned query string, e.g.
 * `?v=1&cam=5.12133,52.09076,650.0,25.0,-35.0,0.0&src=sample&base=none&lang=nl`.
 * Only what differs from the defaults is written, so links stay short; unknown keys are kept
 * out, and bad values fall back to defaults with a note instead of breaking the page.
 */
export const URL_FORMAT_VERSION = 1;

export interface SharedView {
  camera: CameraPose;
  dataSource: DataSourceId;
  baseLayer: BaseLayerId;
  language: Language;
}

export const DEFAULT_VIEW: SharedView = {
  camera: HOME_CAMERA,
  dataSource: 'sample',
  baseLayer: 'none',
  language: 'nl',
};

export interface DecodedView {
  view: SharedView;
  /** Keys that were present but unusable; the UI may tell the user the link was partly ignored. */
  ignored: string[];
}

const CAMERA_DECIMALS = [6, 6, 1, 1, 1, 1] as const;

export function encodeView(view: SharedView): string {
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
  // URLSearchParams escapes commas; they are safe in a query and much easier to read.
  return '?' + params.toString().replaceAll('%2C', ',');
}

export function decodeView(search: string): DecodedView {
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

/**
 * A GeoJSON file the user picks: every limit is checked before the next step (size before reading,
 * depth before JSON.parse, positions before validating), then the shape, then the CRS (RD New is
 * converted). A refusal names its limit; nothing is added then.
 */
import { INPUT_LIMITS } from '../../config/input-limits.ts';
import type { MessageParam } from '../../i18n/message.ts';
import type { MessageKey } from '../../i18n/nl.ts';
import { formatIssuePath } from '../../sources/http/errors.ts';
import {
  assertPositionsWithin,
  assertPositionsWithinText,
  InputLimitError,
  isInputLimitError,
  parseJsonWithin,
} from '../../sources/http/limits.ts';
import { megabytes } from '../../sources/messages.ts';
import { crsFromMember } from '../../sources/ogc-features/crs.ts';
import { anyProperties, featureCollectionSchema } from '../../sources/ogc-features/schema.ts';
import { MAX_FEATURES, toWgs84Features, UnknownCrsError, type UserFeature } from './load.ts';

export type FileRead =
  | { ok: true; features: UserFeature[]; convertedFrom?: 'rd' }
  | { ok: false; problem: MessageKey; values?: Record<string, MessageParam> };

function limitProblem(e: InputLimitError): FileRead {
  if (e.limit === 'jsonDepth')
    return { ok: false, problem: 'addLayer.file.tooDeep', values: { depth: e.value } };
  if (e.limit === 'userGeoJsonPositions')
    return { ok: false, problem: 'addLayer.file.tooManyPositions', values: { count: e.value } };
  return { ok: false, problem: 'addLayer.file.tooLarge', values: { mb: megabytes(e.value) } };
}

export async function readGeoJsonFile(file: Blob): Promise<FileRead> {
  // The file's size is known before a byte is read: refuse there, not after reading it.
  if (file.size > INPUT_LIMITS.userGeoJsonBytes)
    return limitProblem(new InputLimitError('userGeoJsonBytes', file.size));
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, problem: 'addLayer.file.unreadable' };
  }
  let raw: unknown;
  try {
    assertPositionsWithinText(text);
    raw = parseJsonWithin(text, 'userGeoJsonBytes');
    assertPositionsWithin(raw);
  } catch (e) {
    if (isInputLimitError(e)) return limitProblem(e);
    return { ok: false, problem: 'addLayer.file.notJson' };
  }
  const parsed = featureCollectionSchema(anyProperties).safeParse(raw);
  if (!parsed.success)
    return {
      ok: false,
      problem: 'addLayer.file.notGeoJson',
      values: { path: formatIssuePath(parsed.error.issues[0]?.path ?? []) || '(root)' },
    };
  const withGeometry = parsed.data.features
    .slice(0, MAX_FEATURES)
    .flatMap((f): UserFeature[] => (f.geometry ? [{ properties: f.properties, geometry: f.geometry }] : []));
  try {
    const converted = toWgs84Features(withGeometry, crsFromMember(parsed.data['crs']));
    return converted.crs.crs === 'rd'
      ? { ok: true, features: converted.features, convertedFrom: 'rd' }
      : { ok: true, features: converted.features };
  } catch (e) {
    if (e instanceof UnknownCrsError) return { ok: false, problem: 'addLayer.unknownCrs' };
    throw e;
  }
}

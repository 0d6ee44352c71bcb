/** Results export for the city: every comment, hidden ones included and flagged, as CSV and as GeoJSON. */
import type { Feature, FeatureCollection, Point } from 'geojson';

export interface ExportComment {
  id: number;
  resourceId: number | null;
  parentId: number | null;
  status: 'pending' | 'published' | 'hidden';
  hiddenReason: string | null;
  sentiment: 'for' | 'against' | 'neutral';
  displayName: string | null;
  text: string;
  location: { lon: number; lat: number; height: number } | null;
  agreements: number;
  createdAt: string;
}

const csvColumns = [
  'id',
  'resource_id',
  'parent_id',
  'status',
  'hidden',
  'hidden_reason',
  'sentiment',
  'display_name',
  'text',
  'lon',
  'lat',
  'height',
  'agreements',
  'created_at',
] as const;

/**
 * One CSV field: always quoted, quotes doubled. A text starting with = + - @ (or a tab/return) gets a leading
 * apostrophe so a spreadsheet shows it as text instead of running it as a formula.
 */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function commentsToCsv(comments: readonly ExportComment[]): string {
  const lines = [csvColumns.join(',')];
  for (const c of comments) {
    lines.push(
      [
        c.id,
        c.resourceId,
        c.parentId,
        c.status,
        c.status === 'hidden',
        c.hiddenReason,
        c.sentiment,
        c.displayName,
        c.text,
        c.location?.lon ?? null,
        c.location?.lat ?? null,
        c.location?.height ?? null,
        c.agreements,
        c.createdAt,
      ]
        .map(csvField)
        .join(','),
    );
  }
  // RFC 4180 line ends.
  return lines.join('\r\n') + '\r\n';
}

/** Comments without a pin are features with `geometry: null`, which GeoJSON (RFC 7946 §3.2) allows. */
export function commentsToGeoJson(comments: readonly ExportComment[]): FeatureCollection<Point | null> {
  const features: Feature<Point | null>[] = comments.map((c) => ({
    type: 'Feature',
    id: c.id,
    geometry: c.location
      ? { type: 'Point', coordinates: [c.location.lon, c.location.lat, c.location.height] }
      : null,
    properties: {
      resourceId: c.resourceId,
      parentId: c.parentId,
      status: c.status,
      hidden: c.status === 'hidden',
      hiddenReason: c.hiddenReason,
      sentiment: c.sentiment,
      displayName: c.displayName,
      text: c.text,
      agreements: c.agreements,
      createdAt: c.createdAt,
    },
  }));
  return { type: 'FeatureCollection', features };
}

/**
 * Timestamps as real APIs send them, read the same in every browser. `Date.parse` is only required
 * to accept the ISO format `2023-12-10T04:00:00.000Z`; Telraam sends "2023-12-10 04:00:00+00:00"
 * (a space, and up to six decimals in `last_data_package`), which Chromium reads and Firefox and
 * Safari do not. This parser takes ISO 8601 date-times with `T` or a space, any number of
 * decimals, and `Z`, `±HH:MM`, `±HHMM` or `±HH`.
 */
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)$/i;

/**
 * Epoch milliseconds, or undefined when the text is not such a timestamp or names an impossible
 * moment (month 13, 31 June, 25:00). A time without a zone is refused: it would be read in the
 * browser's own zone, so the same data would mean different instants on different machines.
 */
export function parseTimestamp(text: string): number | undefined {
  const m = TIMESTAMP.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const second = Number(m[6] ?? 0);
  const ms = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  const local = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Date.UTC rolls 31 June over to 1 July; a real timestamp never needs that.
  if (new Date(local).getUTCDate() !== day) return undefined;
  const zone = m[8]!;
  if (zone.toUpperCase() === 'Z') return local;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offsetHours = Number(digits.slice(0, 2));
  const offsetMinutes = Number(digits.slice(2) || 0);
  if (offsetHours > 14 || offsetMinutes > 59) return undefined;
  return local - sign * (offsetHours * 60 + offsetMinutes) * 60_000;
}

/** The same instant as a canonical ISO string (`…T…Z`), or undefined when it does not parse. */
export function toIsoTimestamp(text: string): string | undefined {
  const ms = parseTimestamp(text);
  return ms === undefined ? undefined : new Date(ms).toISOString();
}

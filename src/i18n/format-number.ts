/**
 * The one number formatter: how many digits each quantity deserves, Dutch or English separators,
 * never "-0". Models compute with full precision; what people read is rounded to what the model
 * can tell (a crowd model does not know a delay to the person-minute).
 */
import type { Language } from './language.ts';

export type Quantity =
  /** People, trips, homes, links: whole numbers; large ones to three significant digits. */
  | 'count'
  /** Delay in person-minutes: three significant digits, whole minutes at most. */
  | 'personMinutes'
  /** Crowd density (p/m²): two decimals, as Fruin's bounds (0,31 … 2,15) need. */
  | 'density'
  /** Temperature (°C) and its differences: one decimal. */
  | 'temperature'
  /** Ratios (volume / capacity, detour factor): two decimals. */
  | 'ratio'
  /** Lengths and areas (m, m²): whole numbers; large ones to three significant digits. */
  | 'measure'
  /** Durations in minutes: one decimal (a trip changes by less than a minute). */
  | 'minutes'
  /** Percentages: one decimal. */
  | 'percent'
  /** Anything else: at most two decimals. */
  | 'plain';

interface Rule {
  fractionDigits: number;
  /** From this size on, keep only this many significant digits. */
  significantFrom?: number;
  significant?: number;
}

const RULES: Record<Quantity, Rule> = {
  count: { fractionDigits: 0, significantFrom: 10_000, significant: 3 },
  personMinutes: { fractionDigits: 0, significantFrom: 1_000, significant: 3 },
  density: { fractionDigits: 2 },
  temperature: { fractionDigits: 1 },
  ratio: { fractionDigits: 2 },
  measure: { fractionDigits: 0, significantFrom: 10_000, significant: 3 },
  minutes: { fractionDigits: 1, significantFrom: 10_000, significant: 3 },
  percent: { fractionDigits: 1 },
  plain: { fractionDigits: 2 },
};

/** The quantity of a model unit (the `unit` of an indicator), `plain` when unknown. */
export function quantityOfUnit(unit: string): Quantity {
  if (unit === 'p/m²') return 'density';
  if (unit === 'person-min') return 'personMinutes';
  if (unit === '°C') return 'temperature';
  if (unit === '%') return 'percent';
  if (unit === 'm' || unit === 'm²') return 'measure';
  if (unit === 'min' || unit === 'link-min') return 'minutes';
  if (['persons', 'homes', 'links', 'OD pairs', 'trips'].includes(unit)) return 'count';
  if (unit === 'x' || unit.startsWith('volume')) return 'ratio';
  return 'plain';
}

/** The value as people read it: rounded per the quantity's rule (and -0 becomes 0). */
export function roundForDisplay(value: number, quantity: Quantity = 'plain'): number {
  const rule = RULES[quantity];
  // Halves round away from zero (-3,25 → -3,3), as people round by hand; Math.round goes up.
  const round = (x: number) => Math.sign(x) * Math.round(Math.abs(x));
  let rounded: number;
  if (rule.significantFrom !== undefined && Math.abs(value) >= rule.significantFrom) {
    const step = 10 ** (Math.floor(Math.log10(Math.abs(value))) + 1 - rule.significant!);
    rounded = round(value / step) * step;
  } else {
    const scale = 10 ** rule.fractionDigits;
    rounded = round(value * scale) / scale;
  }
  return rounded === 0 ? 0 : rounded;
}

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(language: Language, fractionDigits: number, signed: boolean): Intl.NumberFormat {
  const key = `${language}:${fractionDigits}:${signed}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
      maximumFractionDigits: fractionDigits,
      signDisplay: signed ? 'exceptZero' : 'auto',
    });
    formats.set(key, format);
  }
  return format;
}

/** "13.030", "2,15", "+1.200" (Dutch) or "13,030", "2.15", "+1,200" (English); never "-0". */
export function formatNumber(
  value: number,
  language: Language,
  options: { quantity?: Quantity; signed?: boolean } = {},
): string {
  const quantity = options.quantity ?? 'plain';
  const rounded = roundForDisplay(value, quantity);
  return numberFormat(language, RULES[quantity].fractionDigits, options.signed ?? false).format(rounded);
}

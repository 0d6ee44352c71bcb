import { DEFAULT_SUPPRESSION_THRESHOLD } from '../scenarios/crowd/counts-to-density.ts';
import type { CountingFeed, CountingSite, SiteSeries } from '../sources/crowd-counts/feed.ts';
import { seriesStartMs } from '../sources/crowd-counts/feed.ts';
import { fruinLevel, type FruinLevel } from '../scenarios/crowd/fruin.ts';
import {
  bandCertaintyFor,
  bandCertaintyOfLevel,
  certaintyRank,
  dataCertainty,
  lowerOf,
  type Certainty,
} from './monitor-certainty.ts';
import { forecastSite, type ForecastPoint } from './monitor-forecast.ts';
import { STATE_KNOWN, STATE_SUPPRESSED, measureSite, type SiteMeasures } from './monitor-measure.ts';
import { rateOf, type UsualProfile } from './monitor-profile.ts';
import { DEFAULT_TIME_ZONE, localHourInstants } from '../time/amsterdam.ts';
import {
  THRESHOLDS,
  WARNING_LEVELS,
  exceeds,
  type Threshold,
  type WarningLevel,
} from '../scenarios/crowd/thresholds.ts';

/**
 * The live crowd monitor: every counting site's current density, Level of Service, warning level
 * and trend, a short-term forecast with a band, and one list of warnings, most urgent first.
 *
 * Only observations at or before `nowMs` are used (an interval counts once it has ended), so a
 * recorded day can be replayed "as if live" at any clock time. When the feed stops, each site
 * keeps its last state and the assessment says how old it is.
 *
 * Privacy: see monitor-measure.ts. Counts below the threshold are replaced before anything is
 * computed, and derived counts below it are unknown (null) in every output.
 */
export type { Certainty } from './monitor-certainty.ts';
export type { ForecastPoint } from './monitor-forecast.ts';
export type { UsualProfile } from './monitor-profile.ts';
export { usualProfileFromFeeds } from './monitor-profile.ts';

export type Trend = 'rising' | 'steady' | 'falling';

export interface SiteStatus {
  site: CountingSite;
  /** Epoch ms of the end of the newest interval with data (suppressed or not). */
  latestAt: number | null;
  /** Crossings per minute (line) or persons inside (area); null when suppressed or unknown. */
  count: number | null;
  /** The newest interval was below the privacy threshold. */
  suppressed: boolean;
  density: number | null;
  /** Fruin walkway LoS; null for standing crowds (the walkway table does not apply, models.md §1.1). */
  level: FruinLevel | null;
  /** Line flow at or above Weidmann's capacity: the density is only a lower bound. */
  atCapacity: boolean;
  warning: WarningLevel;
  trend: Trend | null;
  /** Least-squares slope of the density over the trend window (p/m² per 10 min). */
  trendPerTenMinutes: number | null;
  /** Interval ends in the history window, for a sparkline; null where suppressed or unknown. */
  history: { t: number; density: number | null }[];
  forecast: ForecastPoint[];
  certainty: Certainty;
}

export interface CrowdWarning {
  siteId: string;
  siteName: string;
  level: WarningLevel;
  /** The density at which this level starts (p/m²). */
  thresholdDensity: number;
  /** 'now' for a measured density, else minutes ahead of `nowMs`. */
  when: 'now' | number;
  density: number;
  low: number;
  high: number;
  certainty: Certainty;
}

export interface CrowdAssessment {
  nowMs: number;
  /** Newest interval end with data over all sites. */
  latestAt: number | null;
  /** How old the newest data is (s); null without any data. */
  ageSeconds: number | null;
  sites: SiteStatus[];
  /** Most urgent first: higher level, then sooner, then surer, then denser. */
  warnings: CrowdWarning[];
}

export interface MonitorOptions {
  /** Counts below this are unknown everywhere (default 5, counts-to-density.ts). */
  suppressionThreshold?: number;
  horizonsMinutes?: number[];
  /** Window for the sparkline, the forecast's recent data and the data certainty (default 120). */
  historyMinutes?: number;
  /** The usual rate per site and time, e.g. usualProfileFromFeeds(last Saturdays). */
  usualProfile?: UsualProfile;
  /** Window of the trend slope (default 30). */
  trendMinutes?: number;
  /** Older data still shows, but gets no forecast and only low certainty (default 30). */
  staleAfterMinutes?: number;
  /** Local hour at which area counts restart from 0, a known empty moment (default 5). */
  rezeroLocalHour?: number;
  timeZone?: string;
  /** The event team's thresholds per site (default: THRESHOLDS of the site's crowd kind). */
  thresholdsFor?: (site: CountingSite) => readonly Threshold[];
}

const MINUTE = 60_000;
/** Below this change per 10 minutes (p/m², or 5 % of the current density) a trend is 'steady'. */
const STEADY_ABSOLUTE = 0.01;
const STEADY_RELATIVE = 0.05;

export function assessCrowd(
  feed: CountingFeed,
  nowMs: number,
  options: MonitorOptions = {},
): CrowdAssessment {
  const opts = withDefaults(options);
  const seriesBySite = new Map(feed.series.map((s) => [s.siteId, s]));
  const assessed = feed.sites.map((site) => assessSite(site, seriesBySite.get(site.id), nowMs, opts));
  const sites = assessed.map((a) => a.status);
  const latest = sites.reduce<number | null>(
    (max, s) => (s.latestAt !== null && (max === null || s.latestAt > max) ? s.latestAt : max),
    null,
  );
  return {
    nowMs,
    latestAt: latest,
    ageSeconds: latest === null ? null : (nowMs - latest) / 1000,
    sites,
    warnings: assessed
      .flatMap((a) => warningsOf(a.status, a.data, opts.thresholdsFor(a.status.site)))
      .sort(byUrgency),
  };
}

type Resolved = Required<Omit<MonitorOptions, 'usualProfile'>> & { usualProfile?: UsualProfile | undefined };

const defaultThresholds = (site: CountingSite) => THRESHOLDS[site.crowdKind];

/** The highest level whose threshold the density passes. */
function levelOf(density: number, thresholds: readonly Threshold[]): WarningLevel {
  let level = 0;
  for (const t of thresholds)
    if (exceeds(density, t)) level = Math.max(level, WARNING_LEVELS.indexOf(t.level));
  return WARNING_LEVELS[level]!;
}

function withDefaults(o: MonitorOptions): Resolved {
  const r: Resolved = {
    suppressionThreshold: o.suppressionThreshold ?? DEFAULT_SUPPRESSION_THRESHOLD,
    horizonsMinutes: o.horizonsMinutes ?? [15, 30, 45, 60],
    historyMinutes: o.historyMinutes ?? 120,
    usualProfile: o.usualProfile,
    trendMinutes: o.trendMinutes ?? 30,
    staleAfterMinutes: o.staleAfterMinutes ?? 30,
    rezeroLocalHour: o.rezeroLocalHour ?? 5,
    timeZone: o.timeZone ?? DEFAULT_TIME_ZONE,
    thresholdsFor: o.thresholdsFor ?? defaultThresholds,
  };
  if (!(Number.isFinite(r.suppressionThreshold) && r.suppressionThreshold >= 0))
    throw new RangeError(`bad suppression threshold ${r.suppressionThreshold}`);
  for (const h of r.horizonsMinutes)
    if (!(h > 0 && Number.isFinite(h))) throw new RangeError(`horizons must be > 0 minutes, got ${h}`);
  if (!(r.historyMinutes > 0)) throw new RangeError(`historyMinutes must be > 0, got ${r.historyMinutes}`);
  if (!(r.trendMinutes > 0)) throw new RangeError(`trendMinutes must be > 0, got ${r.trendMinutes}`);
  return r;
}

function emptyStatus(site: CountingSite): SiteStatus {
  return {
    site,
    latestAt: null,
    count: null,
    suppressed: false,
    density: null,
    level: null,
    atCapacity: false,
    warning: 'none',
    trend: null,
    trendPerTenMinutes: null,
    history: [],
    forecast: [],
    certainty: 'low',
  };
}

/** Index of the newest interval that has ended by `nowMs` and has both counts, or -1. */
function newestWithData(series: SiteSeries, nowMs: number): number {
  const ended = Math.floor((nowMs - seriesStartMs(series)) / (series.intervalSeconds * 1000));
  for (let i = Math.min(ended, series.in.length) - 1; i >= 0; i--)
    if (series.in[i] != null && series.out[i] != null) return i;
  return -1;
}

function assessSite(
  site: CountingSite,
  series: SiteSeries | undefined,
  nowMs: number,
  o: Resolved,
): { status: SiteStatus; data: Certainty } {
  const none = { status: emptyStatus(site), data: 'low' as const };
  if (!series) return none;
  const newest = newestWithData(series, nowMs);
  if (newest < 0) return none;
  const startMs = seriesStartMs(series);
  const intervalMs = series.intervalSeconds * 1000;
  const latestAt = startMs + (newest + 1) * intervalMs;
  const historyMs = o.historyMinutes * MINUTE;
  const trendMs = o.trendMinutes * MINUTE;
  const m = measureSite(site, series, {
    nowMs,
    threshold: o.suppressionThreshold,
    keepFromMs: Math.min(nowMs - historyMs, latestAt - trendMs),
    rezeroAt: site.kind === 'area' ? localHourInstants(startMs, nowMs, o.rezeroLocalHour, o.timeZone) : [],
  });
  const k = newest - m.from;
  const known = m.state[k] === STATE_KNOWN;
  const density = known ? m.density[k]! : null;

  const history: SiteStatus['history'] = [];
  let usable = 0;
  for (let j = 0; j < m.to - m.from; j++) {
    const end = startMs + (m.from + j + 1) * intervalMs;
    if (end <= nowMs - historyMs) continue;
    const ok = m.state[j] === STATE_KNOWN;
    if (ok) usable++;
    history.push({ t: end, density: ok ? m.density[j]! : null });
  }
  const ageMs = nowMs - latestAt;
  const data = dataCertainty({
    usable,
    expected: Math.round(historyMs / intervalMs),
    ageMs,
    intervalMs,
    staleAfterMs: o.staleAfterMinutes * MINUTE,
  });

  const slope = known ? trendSlope(m, newest, trendMs) : null;
  const forecast =
    known && ageMs <= o.staleAfterMinutes * MINUTE
      ? forecastSite({
          site,
          measures: m,
          nowMs,
          windowStartMs: nowMs - historyMs,
          horizonsMinutes: o.horizonsMinutes,
          threshold: o.suppressionThreshold,
          usual: o.usualProfile ? (t) => o.usualProfile?.(site.id, t) : undefined,
        })
      : [];
  const furthest = forecast.at(-1);
  const thresholds = o.thresholdsFor(site);

  const status: SiteStatus = {
    site,
    latestAt,
    count: known ? roundCount(rateOf(site, intervalMs, m.value[k]!), site) : null,
    suppressed: m.state[k] === STATE_SUPPRESSED,
    density,
    level: density !== null && site.crowdKind === 'moving' ? fruinLevel(density) : null,
    atCapacity: known && m.atCapacity[k] === 1,
    warning: density === null ? 'none' : levelOf(density, thresholds),
    trend: slope === null ? null : classifyTrend(slope, density ?? 0),
    trendPerTenMinutes: slope,
    history,
    forecast,
    certainty: furthest ? lowerOf(data, bandCertaintyOfLevel(furthest, thresholds)) : 'low',
  };
  return { status, data };
}

/** Persons inside are whole people; crossings per minute keep their decimals. */
function roundCount(rate: number, site: CountingSite): number {
  return site.kind === 'area' ? Math.round(rate) : rate;
}

/** Least-squares slope of the known densities ending in the trend window, in p/m² per 10 min. */
function trendSlope(m: SiteMeasures, newest: number, trendMs: number): number | null {
  const newestEnd = m.startMs + (newest + 1) * m.intervalMs;
  let n = 0;
  let st = 0;
  let sd = 0;
  let stt = 0;
  let std = 0;
  for (let i = newest; i >= m.from; i--) {
    const t = (m.startMs + (i + 1) * m.intervalMs - newestEnd) / (10 * MINUTE);
    if (t * 10 * MINUTE <= -trendMs) break;
    if (m.state[i - m.from] !== STATE_KNOWN) continue;
    const d = m.density[i - m.from]!;
    n++;
    st += t;
    sd += d;
    stt += t * t;
    std += t * d;
  }
  const denominator = n * stt - st * st;
  // Three points is the least that can show a direction rather than a single jump.
  if (n < 3 || denominator <= 0) return null;
  return (n * std - st * sd) / denominator;
}

function classifyTrend(perTen: number, density: number): Trend {
  const tolerance = Math.max(STEADY_ABSOLUTE, STEADY_RELATIVE * density);
  return perTen > tolerance ? 'rising' : perTen < -tolerance ? 'falling' : 'steady';
}

/** `data` is the data part of the certainty rule: a measured level is exactly as sure as it. */
function warningsOf(s: SiteStatus, data: Certainty, thresholds: readonly Threshold[]): CrowdWarning[] {
  const out: CrowdWarning[] = [];
  const base = { siteId: s.site.id, siteName: s.site.name };
  const thresholdOf = (level: WarningLevel) => thresholds.find((t) => t.level === level);
  const now = s.density !== null ? WARNING_LEVELS.indexOf(s.warning) : 0;
  const current = thresholdOf(s.warning);
  if (s.density !== null && current) {
    out.push({
      ...base,
      level: s.warning,
      thresholdDensity: current.density,
      when: 'now',
      density: s.density,
      low: s.density,
      high: s.density,
      certainty: data,
    });
  }
  // Levels above the current one: the earliest horizon where the expected value passes each of
  // them, and at most one "possible" warning for the highest level only the upper band reaches.
  let possible: CrowdWarning | undefined;
  for (const t of thresholds) {
    if (WARNING_LEVELS.indexOf(t.level) <= now) continue;
    const expected = s.forecast.find((p) => exceeds(p.density, t));
    if (expected) {
      out.push({
        ...base,
        level: t.level,
        thresholdDensity: t.density,
        when: expected.minutesAhead,
        density: expected.density,
        low: expected.low,
        high: expected.high,
        certainty: lowerOf(data, bandCertaintyFor(expected, t)),
      });
      continue;
    }
    const maybe = s.forecast.find((p) => exceeds(p.high, t));
    if (maybe)
      possible = {
        ...base,
        level: t.level,
        thresholdDensity: t.density,
        when: maybe.minutesAhead,
        density: maybe.density,
        low: maybe.low,
        high: maybe.high,
        certainty: 'low',
      };
  }
  if (possible) out.push(possible);
  return out;
}

function byUrgency(a: CrowdWarning, b: CrowdWarning): number {
  const level = WARNING_LEVELS.indexOf(b.level) - WARNING_LEVELS.indexOf(a.level);
  if (level !== 0) return level;
  const when = (w: CrowdWarning) => (w.when === 'now' ? -1 : w.when);
  if (when(a) !== when(b)) return when(a) - when(b);
  const sure = certaintyRank(b.certainty) - certaintyRank(a.certainty);
  if (sure !== 0) return sure;
  if (a.density !== b.density) return b.density - a.density;
  return a.siteId < b.siteId ? -1 : a.siteId > b.siteId ? 1 : 0;
}

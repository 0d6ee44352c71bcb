import { z } from 'zod';
import { baselineIdSchema, baselineMetaSchema } from '../baseline-meta.ts';
import { metresBetween } from './geo.ts';
import { PIVOT_RULES, type PivotRule } from './pivot.ts';

/**
 * The baseline bike network file (public/data/cycling/utrecht-centre-bike-network.json): nodes and
 * links in WGS84 with each link's drawn geometry and display name, the zones trips start and end in,
 * counting points with hourly profiles per day type, and optionally the OD matrix estimated from them.
 * Validated with zod; every id is cross-checked.
 */

/** What kind of way a link is; sets its default speed. */
export const LINK_TYPES = [
  'cycle-path',
  'cycle-street',
  'cycle-lane',
  'mixed-street',
  'shared-space',
] as const;
export type LinkType = (typeof LINK_TYPES)[number];

/**
 * Free cycling speed (km/h) by type when a link gives none. Assumptions for an average Dutch urban
 * cyclist, lower where cyclists share space with pedestrians; calibrate against travel-time data.
 */
export const DEFAULT_SPEED_KMH: Readonly<Record<LinkType, number>> = {
  'cycle-path': 18,
  'cycle-street': 17,
  'cycle-lane': 17,
  'mixed-street': 15,
  'shared-space': 11,
};

export const DAY_TYPES = ['weekday', 'weekend'] as const;
export type DayType = (typeof DAY_TYPES)[number];

/** Model settings; each may be overridden in the file's `model` section. */
export interface ModelParameters {
  /** Relative logit scale: a route's weight ∝ exp(−theta · cost / shortest cost) (models.md §3.1: 10–15). */
  theta: number;
  /** CROW: network distance / crow-fly distance should not exceed 1.4–1.5 (models.md §3.1). */
  detourLimit: number;
  /** A new link's coordinate end snaps to the nearest node within this distance (m). */
  snapMetres: number;
  /** How a scenario's modelled change is applied to the counts (pivot.ts explains the choice). */
  pivotRule: PivotRule;
}

/**
 * Defaults. Hotspots are no parameter: they follow a published level-of-service table
 * (level-of-service.ts, Botma 1995).
 */
export const DEFAULT_PARAMETERS: Readonly<ModelParameters> = {
  theta: 12,
  detourLimit: 1.4,
  snapMetres: 40,
  pivotRule: 'mixed',
};

const id = baselineIdSchema;
const lon = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);
const lonLat = z.tuple([lon, lat]);
const hourly = z
  .array(z.number().min(0, 'a count must be 0 or more'))
  .length(24, 'needs 24 hourly values (00:00–23:00)');

const fitSchema = z.object({
  /** Counted links compared. */
  links: z.number().int(),
  /** Root-mean-square error of the daily flows (cyclists/day) and that as a share of the mean count. */
  rmse: z.number(),
  relativeRmse: z.number(),
  /** GEH statistic at each counting point's busiest hour: worst value and share of points below 5. */
  maxGeh: z.number(),
  shareGehBelow5: z.number(),
  r2: z.number(),
  /** Matching rounds the estimation ran, and why it stopped (od-estimation.ts). */
  rounds: z.number().int().min(0).optional(),
  stop: z.enum(['matched', 'stalled', 'limit']).optional(),
});
export type Fit = z.infer<typeof fitSchema>;

const matrixSchema = z.object({
  /** Daily trips, rows = origins and columns = destinations in the order of `demand.zones`. */
  trips: z.array(z.array(z.number().min(0))),
  fit: fitSchema.optional(),
});

const retired = z.custom<never>(() => false, {
  message:
    'is no longer read: hotspots follow the level-of-service table of Botma (1995), see level-of-service.ts',
});

const parametersSchema = z
  .object({
    theta: z.number().positive().max(100),
    // Older files set their own "comfortable" volume; hotspots now follow Botma's table, so say so.
    comfortPerMetreHour: retired,
    hotspotRatio: retired,
    detourLimit: z.number().min(1),
    snapMetres: z.number().positive().max(1000),
    pivotRule: z.enum(PIVOT_RULES),
  })
  .partial();

export const bikeNetworkFileSchema = z
  .object({
    meta: baselineMetaSchema.extend({ source: z.string().optional() }),
    model: parametersSchema.optional(),
    nodes: z
      .array(
        z.object({
          id,
          name: z.string().optional(),
          lon,
          lat,
          /** Mean delay (s) for a cyclist passing this junction: signals, giving way. */
          delay: z.number().min(0, 'a junction delay must be 0 s or more').max(600).optional(),
        }),
      )
      .min(2),
    links: z
      .array(
        z.object({
          id,
          name: z.string().min(1),
          from: id,
          to: id,
          type: z.enum(LINK_TYPES),
          /** Width (m) cyclists can use, both directions together. */
          width: z.number().positive('a cycling width must be more than 0 m').max(100),
          /** Free cycling speed (km/h); default by type. */
          speed: z.number().positive('a cycling speed must be more than 0 km/h').max(60).optional(),
          /** Length (m) along the way; default the length of `geometry`. */
          length: z.number().positive('must be more than 0 m').optional(),
          /** Only from → to may be cycled. */
          oneWay: z.boolean().optional(),
          /** WGS84 [lon, lat] from the `from` node to the `to` node, for drawing. */
          geometry: z.array(lonLat).min(2),
        }),
      )
      .min(1),
    zones: z
      .array(
        z.object({
          id,
          name: z.string().min(1),
          /** The network node where this zone's trips start and end. */
          node: id,
          /** Relative size (trip ends) for the gravity model. */
          weight: z.number().min(0),
        }),
      )
      .min(2),
    counts: z
      .object({
        sample: z.boolean(),
        note: z.string(),
        points: z.array(
          z.object({
            id,
            name: z.string(),
            /** The link this counting point sits on; counts are both directions together. */
            link: id,
            lon,
            lat,
            /** Cyclists per hour on an average day of that type, 00:00–23:00 local time. */
            weekday: hourly.optional(),
            weekend: hourly.optional(),
            telraamSegment: z.string().optional(),
          }),
        ),
      })
      .optional(),
    demand: z
      .object({
        method: z.string(),
        zones: z.array(id),
        weekday: matrixSchema.optional(),
        weekend: matrixSchema.optional(),
      })
      .optional(),
  })
  .superRefine((file, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });
    const nodes = new Map<string, { lon: number; lat: number }>();
    file.nodes.forEach((n, i) => {
      if (nodes.has(n.id)) issue(['nodes', i, 'id'], `duplicate node "${n.id}"`);
      nodes.set(n.id, n);
    });
    const links = new Set<string>();
    file.links.forEach((l, i) => {
      if (links.has(l.id)) issue(['links', i, 'id'], `duplicate link "${l.id}"`);
      links.add(l.id);
      for (const end of ['from', 'to'] as const)
        if (!nodes.has(l[end])) issue(['links', i, end], `unknown node "${l[end]}"`);
      if (l.from === l.to) issue(['links', i, 'to'], 'a link needs two different nodes');
      // Drawn geometry must run from → to (a reversed line would draw flows on the wrong side).
      const from = nodes.get(l.from);
      const to = nodes.get(l.to);
      const first = l.geometry[0]!;
      const last = l.geometry[l.geometry.length - 1]!;
      if (from && metresBetween(first, [from.lon, from.lat]) > 50)
        issue(['links', i, 'geometry'], `must start at node "${l.from}"`);
      if (to && metresBetween(last, [to.lon, to.lat]) > 50)
        issue(['links', i, 'geometry'], `must end at node "${l.to}"`);
    });
    const zoneIds = new Set<string>();
    const zoneNames = new Set<string>();
    file.zones.forEach((z, i) => {
      if (zoneIds.has(z.id)) issue(['zones', i, 'id'], `duplicate zone "${z.id}"`);
      if (zoneNames.has(z.name)) issue(['zones', i, 'name'], `duplicate zone name "${z.name}"`);
      zoneIds.add(z.id);
      zoneNames.add(z.name);
      if (!nodes.has(z.node)) issue(['zones', i, 'node'], `unknown node "${z.node}"`);
    });
    file.counts?.points.forEach((p, i) => {
      if (!links.has(p.link)) issue(['counts', 'points', i, 'link'], `unknown link "${p.link}"`);
      if (!p.weekday && !p.weekend) issue(['counts', 'points', i], 'needs weekday or weekend counts');
    });
    if (file.demand) {
      const n = file.demand.zones.length;
      file.demand.zones.forEach((z, i) => {
        if (!zoneIds.has(z)) issue(['demand', 'zones', i], `unknown zone "${z}"`);
      });
      for (const day of DAY_TYPES) {
        const m = file.demand[day];
        if (m && (m.trips.length !== n || m.trips.some((row) => row.length !== n)))
          issue(['demand', day, 'trips'], `must be ${n} rows of ${n} values (one per zone)`);
      }
    }
  });

export type BikeNetworkFile = z.infer<typeof bikeNetworkFileSchema>;
export type FileLink = BikeNetworkFile['links'][number];
export type FileNode = BikeNetworkFile['nodes'][number];
export type CountingPoint = NonNullable<BikeNetworkFile['counts']>['points'][number];

export function parametersOf(file: BikeNetworkFile): ModelParameters {
  return { ...DEFAULT_PARAMETERS, ...file.model };
}

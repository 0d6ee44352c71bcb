import { z } from 'zod';
import { baselineIdSchema, baselineMetaSchema } from '../baseline-meta.ts';
import { metresBetween } from '../../geo/metres.ts';
import type { PedLink } from './network-loading.ts';

/**
 * The baseline pedestrian network file (public/data/crowd/pedestrian-network.json): nodes in
 * WGS84 lon/lat, links with an effective walkable width, and the usual background pedestrian
 * flows of the day. Validated with zod, with every id cross-checked.
 */
const id = baselineIdSchema;

export const networkFileSchema = z
  .object({
    meta: baselineMetaSchema,
    nodes: z
      .array(
        z.object({
          id,
          name: z.string().optional(),
          lon: z.number().min(-180).max(180),
          lat: z.number().min(-90).max(90),
        }),
      )
      .min(2),
    links: z
      .array(
        z.object({
          id,
          name: z.string().optional(),
          from: id,
          to: id,
          width: z.number().positive('a walkable width must be more than 0 m').max(200),
          /** Overrides the straight-line length between the nodes (m), e.g. for a bend. */
          length: z.number().positive('must be more than 0 m').optional(),
          oneWay: z.boolean().optional(),
          kind: z.enum(['moving', 'standing']).optional(),
        }),
      )
      .min(1),
    background: z
      .object({
        /** Share of the peak hour in each hour 0–23 of the modelled day. */
        profile: z.array(z.number().min(0).max(1)).length(24),
        flows: z.array(z.object({ from: id, to: id, peakPerHour: z.number().min(0, 'must be 0 or more') })),
      })
      .optional(),
  })
  .superRefine((file, ctx) => {
    const nodes = new Set<string>();
    file.nodes.forEach((n, i) => {
      if (nodes.has(n.id))
        ctx.addIssue({ code: 'custom', path: ['nodes', i, 'id'], message: `duplicate node "${n.id}"` });
      nodes.add(n.id);
    });
    const links = new Set<string>();
    file.links.forEach((l, i) => {
      if (links.has(l.id))
        ctx.addIssue({ code: 'custom', path: ['links', i, 'id'], message: `duplicate link "${l.id}"` });
      links.add(l.id);
      for (const end of ['from', 'to'] as const)
        if (!nodes.has(l[end]))
          ctx.addIssue({ code: 'custom', path: ['links', i, end], message: `unknown node "${l[end]}"` });
      if (l.from === l.to)
        ctx.addIssue({
          code: 'custom',
          path: ['links', i, 'to'],
          message: 'a link needs two different nodes',
        });
    });
    file.background?.flows.forEach((f, i) => {
      for (const end of ['from', 'to'] as const)
        if (!nodes.has(f[end]))
          ctx.addIssue({
            code: 'custom',
            path: ['background', 'flows', i, end],
            message: `unknown node "${f[end]}"`,
          });
    });
  });

export type NetworkFile = z.infer<typeof networkFileSchema>;

/** Straight-line distance (m) between two WGS84 points: the ECEF chord, exact to mm at street scale. */
export function distanceMetres(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  return metresBetween([a.lon, a.lat], [b.lon, b.lat]);
}

/** The file's links as model links (lengths from coordinates unless given; at least 1 m). */
export function toModelLinks(file: NetworkFile): PedLink[] {
  const byId = new Map(file.nodes.map((n) => [n.id, n]));
  return file.links.map((l) => {
    const link: PedLink = {
      id: l.id,
      from: l.from,
      to: l.to,
      width: l.width,
      length: l.length ?? Math.max(1, distanceMetres(byId.get(l.from)!, byId.get(l.to)!)),
    };
    if (l.oneWay) link.oneWay = true;
    if (l.kind) link.kind = l.kind;
    return link;
  });
}

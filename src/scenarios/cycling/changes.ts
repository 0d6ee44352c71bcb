import { z } from 'zod';
import type { ScenarioIssue } from '../engine/types.ts';
import { metresBetween, polylineMetres, type LonLat } from './geo.ts';
import { DEFAULT_SPEED_KMH, LINK_TYPES, type ModelParameters } from './network-file.ts';
import { cloneNetwork, type BikeNetwork, type NetLink } from './network.ts';

/** The edits a cycling scenario can make, as entries of its `changes` list. */
const linkId = z.string().min(1);
const speed = z
  .number()
  .positive('a cycling speed must be more than 0 km/h')
  .max(60, 'a cycling speed must be at most 60 km/h');
const width = z.number().positive('a cycling width must be more than 0 m').max(100);
const coordinate = z
  .object({ lon: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) })
  .strict();
/** A node id, or a coordinate that snaps to the nearest node. */
const nodeRef = z.union([z.string().min(1), coordinate]);
export type NodeRef = z.infer<typeof nodeRef>;

const closeLink = z.object({ type: z.literal('close-link'), link: linkId }).strict();
const addLink = z
  .object({
    type: z.literal('add-link'),
    /** Default `added-<index of the change>`. */
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'ids use lower-case letters, digits and dashes')
      .optional(),
    name: z.string().min(1).max(120).optional(),
    from: nodeRef,
    to: nodeRef,
    /** Shape points between the ends, for drawing and length. */
    via: z
      .array(z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]))
      .max(100)
      .optional(),
    linkType: z.enum(LINK_TYPES).optional(),
    width: width.optional(),
    speed: speed.optional(),
    /** Metres along the new way; default the length of from → via → to. */
    length: z.number().positive('must be more than 0 m').max(20_000).optional(),
    oneWay: z.boolean().optional(),
  })
  .strict();
const oneWay = z
  .object({
    type: z.literal('one-way'),
    link: linkId,
    /** `forward`: only from → to as in the network file; `backward`: only to → from; `both`: two-way. */
    direction: z.enum(['forward', 'backward', 'both']),
  })
  .strict();
const setSpeed = z.object({ type: z.literal('set-speed'), link: linkId, speed }).strict();
const setWidth = z.object({ type: z.literal('set-width'), link: linkId, width }).strict();
const setJunctionDelay = z
  .object({
    type: z.literal('set-junction-delay'),
    node: z.string().min(1),
    seconds: z
      .number()
      .min(0, 'a junction delay must be 0 s or more')
      .max(600, 'a junction delay must be at most 600 s'),
  })
  .strict();

export const cyclingChangeSchema = z.discriminatedUnion('type', [
  closeLink,
  addLink,
  oneWay,
  setSpeed,
  setWidth,
  setJunctionDelay,
]);
export type CyclingChange = z.infer<typeof cyclingChangeSchema>;
export type AddLinkChange = z.infer<typeof addLink>;

/** Width (m) of a new link when the change gives none: a standard two-way cycle path (assumption). */
export const NEW_LINK_WIDTH = 3.5;

/** Nearest node to a point, and how far it is (m). */
export function nearestNode(net: BikeNetwork, point: LonLat): { node: number; metres: number } {
  let best = { node: -1, metres: Infinity };
  net.lonLat.forEach((p, i) => {
    const d = metresBetween(point, p);
    if (d < best.metres) best = { node: i, metres: d };
  });
  return best;
}

function resolveNode(
  net: BikeNetwork,
  ref: NodeRef,
  snapMetres: number,
  path: string,
  issues: ScenarioIssue[],
): number | undefined {
  if (typeof ref === 'string') {
    const i = net.nodeIndex.get(ref);
    if (i === undefined) issues.push({ path, message: `unknown node "${ref}"` });
    return i;
  }
  const near = nearestNode(net, [ref.lon, ref.lat]);
  if (near.node >= 0 && near.metres <= snapMetres) return near.node;
  const nearest =
    near.node >= 0 ? ` (the nearest, "${net.nodeIds[near.node]}", is ${Math.round(near.metres)} m away)` : '';
  issues.push({
    path,
    message: `connects to nothing: a new link must end at a node or within ${snapMetres} m of one${nearest}`,
  });
  return undefined;
}

/**
 * Applies the changes in order to a copy of the network. Problems (unknown ids, a new link that
 * connects to nothing) are returned with their path and the change is skipped; the caller decides
 * whether to run. Later changes may refer to links added by earlier ones.
 */
export function applyChanges(
  base: BikeNetwork,
  changes: readonly CyclingChange[],
  params: Pick<ModelParameters, 'snapMetres'>,
): { network: BikeNetwork; issues: ScenarioIssue[] } {
  const net = cloneNetwork(base);
  const issues: ScenarioIssue[] = [];
  const link = (id: string, at: string): NetLink | undefined => {
    const i = net.linkIndex.get(id);
    if (i === undefined) issues.push({ path: `${at}.link`, message: `unknown link "${id}"` });
    return i === undefined ? undefined : net.links[i];
  };
  changes.forEach((change, k) => {
    const at = `changes[${k}]`;
    switch (change.type) {
      case 'close-link': {
        const l = link(change.link, at);
        if (l) l.closed = true;
        break;
      }
      case 'one-way': {
        const l = link(change.link, at);
        if (!l) break;
        l.forward = change.direction !== 'backward';
        l.backward = change.direction !== 'forward';
        break;
      }
      case 'set-speed': {
        const l = link(change.link, at);
        if (l) l.speed = change.speed;
        break;
      }
      case 'set-width': {
        const l = link(change.link, at);
        if (l) l.width = change.width;
        break;
      }
      case 'set-junction-delay': {
        const n = net.nodeIndex.get(change.node);
        if (n === undefined) issues.push({ path: `${at}.node`, message: `unknown node "${change.node}"` });
        else net.delay[n] = change.seconds;
        break;
      }
      case 'add-link': {
        const added = newLink(net, change, k, params.snapMetres, issues);
        if (added) {
          net.linkIndex.set(added.id, net.links.length);
          net.links.push(added);
        }
        break;
      }
    }
  });
  return { network: net, issues };
}

function newLink(
  net: BikeNetwork,
  change: AddLinkChange,
  index: number,
  snapMetres: number,
  issues: ScenarioIssue[],
): NetLink | undefined {
  const at = `changes[${index}]`;
  const before = issues.length;
  const from = resolveNode(net, change.from, snapMetres, `${at}.from`, issues);
  const to = resolveNode(net, change.to, snapMetres, `${at}.to`, issues);
  const id = change.id ?? `added-${index}`;
  if (net.linkIndex.has(id)) issues.push({ path: `${at}.id`, message: `there is already a link "${id}"` });
  if (from !== undefined && from === to)
    issues.push({ path: `${at}.to`, message: `both ends are node "${net.nodeIds[from]}"; a link needs two` });
  if (issues.length > before || from === undefined || to === undefined) return undefined;
  // Geometry runs from the snapped nodes through the shape points, so it joins the drawn network.
  const geometry: LonLat[] = [net.lonLat[from]!, ...(change.via ?? []), net.lonLat[to]!];
  const type = change.linkType ?? 'cycle-path';
  const label = (n: number) => net.nodeNames[n] ?? net.nodeIds[n]!;
  return {
    id,
    name: change.name ?? `New link (${label(from)} – ${label(to)})`,
    from,
    to,
    type,
    length: Math.max(1, change.length ?? polylineMetres(geometry)),
    speed: change.speed ?? DEFAULT_SPEED_KMH[type],
    width: change.width ?? NEW_LINK_WIDTH,
    forward: true,
    backward: !change.oneWay,
    closed: false,
    geometry,
    added: true,
  };
}

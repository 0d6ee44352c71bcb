import { applyChanges } from '../../../scenarios/cycling/changes.ts';
import { metresBetween, type LonLat } from '../../../scenarios/cycling/geo.ts';
import {
  bikeNetworkFileSchema,
  parametersOf,
  type BikeNetworkFile,
  type CountingPoint,
  type ModelParameters,
} from '../../../scenarios/cycling/network-file.ts';
import { networkFromFile, type NetLink } from '../../../scenarios/cycling/network.ts';
import type { CyclingChange } from '../../../scenarios/cycling/definition.ts';

/** Which way a link may be cycled: both, only from → to as in the file (`forward`), or only back. */
export type Direction = 'forward' | 'backward' | 'both';

/** A link as the map and the editor show it: the scenario's state next to the state without edits. */
export interface LinkState {
  id: string;
  name: string;
  /** Name for lists, with its ends when another link has the same name. */
  label: string;
  fromId: string;
  toId: string;
  fromName: string;
  toName: string;
  geometry: readonly LonLat[];
  closed: boolean;
  added: boolean;
  direction: Direction;
  speed: number;
  width: number;
  /** What an edit of this link goes back to: the file's (or the added link's own) values. */
  baseDirection: Direction;
  baseSpeed: number;
}

export interface JunctionState {
  id: string;
  name: string;
  lonLat: LonLat;
  delay: number;
  baseDelay: number;
}

/** The bike network after a scenario's changes, ready for drawing and for the editor. */
export interface CyclingNetworkState {
  file: BikeNetworkFile;
  params: ModelParameters;
  links: LinkState[];
  linkById: ReadonlyMap<string, LinkState>;
  junctions: JunctionState[];
  countingPoints: CountingPoint[];
}

function directionOf(link: Pick<NetLink, 'forward' | 'backward'>): Direction {
  if (link.forward && link.backward) return 'both';
  return link.forward ? 'forward' : 'backward';
}

/** Parsed once per baseline object the store holds (the engine validated the same data). */
const parsedFiles = new WeakMap<object, BikeNetworkFile | null>();

function bikeNetworkFile(baselineData: unknown): BikeNetworkFile | null {
  if (typeof baselineData !== 'object' || baselineData === null) return null;
  if (parsedFiles.has(baselineData)) return parsedFiles.get(baselineData)!;
  const parsed = bikeNetworkFileSchema.safeParse(baselineData);
  const file = parsed.success ? parsed.data : null;
  parsedFiles.set(baselineData, file);
  return file;
}

/** Per changes list (a scenario version's, never edited in place), the network it gives. */
const networks = new WeakMap<
  readonly CyclingChange[],
  { file: BikeNetworkFile; state: CyclingNetworkState }
>();

/**
 * The scenario's network for drawing and editing, or null when the data is not a bike network.
 * Changes the model refuses are skipped here as they are by the model's own check.
 */
export function cyclingNetwork(
  baselineData: unknown,
  changes: readonly CyclingChange[],
): CyclingNetworkState | null {
  const file = bikeNetworkFile(baselineData);
  if (!file) return null;
  const cached = networks.get(changes);
  if (cached?.file === file) return cached.state;
  const state = buildState(file, changes);
  networks.set(changes, { file, state });
  return state;
}

function buildState(file: BikeNetworkFile, changes: readonly CyclingChange[]): CyclingNetworkState {
  const params = parametersOf(file);
  const net = networkFromFile(file);
  const edited = applyChanges(net, changes, params).network;
  // Added links as they are drawn, with none of the later edits: what "undo this edit" returns to.
  const unedited = applyChanges(
    net,
    changes.filter((c) => c.type === 'add-link'),
    params,
  ).network;
  const nodeName = (n: number) => net.nodeNames[n] ?? net.nodeIds[n]!;
  const nameCount = new Map<string, number>();
  for (const l of edited.links) nameCount.set(l.name, (nameCount.get(l.name) ?? 0) + 1);
  const links = edited.links.map((l): LinkState => {
    const base = unedited.links[unedited.linkIndex.get(l.id) ?? -1] ?? l;
    const fromName = nodeName(l.from);
    const toName = nodeName(l.to);
    return {
      id: l.id,
      name: l.name,
      label: nameCount.get(l.name)! > 1 ? `${l.name} (${fromName} – ${toName})` : l.name,
      fromId: net.nodeIds[l.from]!,
      toId: net.nodeIds[l.to]!,
      fromName,
      toName,
      geometry: l.geometry,
      closed: l.closed,
      added: l.added,
      direction: directionOf(l),
      speed: l.speed,
      width: l.width,
      baseDirection: directionOf(base),
      baseSpeed: base.speed,
    };
  });
  const junctions = net.nodeIds.map((id, n): JunctionState => ({
    id,
    name: nodeName(n),
    lonLat: net.lonLat[n]!,
    delay: edited.delay[n]!,
    baseDelay: net.delay[n]!,
  }));
  return {
    file,
    params,
    links,
    linkById: new Map(links.map((l) => [l.id, l])),
    junctions,
    countingPoints: file.counts?.points ?? [],
  };
}

/** The junction nearest to a clicked point if it lies within `maxMetres`, else null. */
export function snapToJunction(
  state: CyclingNetworkState,
  point: LonLat,
  maxMetres: number,
): { junction: JunctionState; metres: number } | null {
  let best: { junction: JunctionState; metres: number } | null = null;
  for (const junction of state.junctions) {
    const metres = metresBetween(point, junction.lonLat);
    if (metres <= maxMetres && (!best || metres < best.metres)) best = { junction, metres };
  }
  return best;
}

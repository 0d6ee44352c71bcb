import { fruinIndex } from './fruin.ts';
import { exceeds, THRESHOLDS, type CrowdKind, type Threshold } from './thresholds.ts';
import { DEST, NONE, shortestPathTrees } from './routing.ts';
import { capacity, receivingFlow, sendingFlow, WEIDMANN_1993, type WeidmannParams } from './weidmann.ts';

/**
 * Macroscopic pedestrian network loading: a cell-transmission model in which every street segment
 * is split into cells of at least free-flow speed × sub-step (Daganzo 1994; pedestrian form after
 * PedCTM, Hänseler et al. 2014, TR-B 69:60–80; the scheme of models.md §1.5). Sending and receiving
 * come from the Weidmann diagram in Godunov form; routes are shortest free-flow paths per
 * destination; people who cannot enter a link wait where they are (spill-back).
 *
 * On a two-way street the two directions walk in lanes, each with its share of the width, its own
 * density and its own sending and receiving. The width is shared in proportion to the two
 * directions' demand (see `substep`, step 2), never taking from a lane the width its walkers stand
 * on. Without lanes both directions competed for the same free floor of a cell: a crowd queuing one
 * way filled the cell the other crowd had to pass through, and two neighbouring cells full of
 * people walking towards each other waited for each other for ever, at jam density.
 *
 * Pure and allocation-free in the inner loop, so it can run in a Web Worker step by step and be
 * cancelled between steps.
 */

export interface PedLink {
  id: string;
  from: string;
  to: string;
  /** Length along the street (m), > 0. */
  length: number;
  /** Effective walkable width (m), > 0. */
  width: number;
  /** Only from → to may be walked. */
  oneWay?: boolean;
  /** Closed for the whole run: carries no one and is never routed over. */
  closed?: boolean;
  /** Which warning thresholds apply (default moving). */
  kind?: CrowdKind;
}

export interface PedNetwork {
  nodes: readonly string[];
  links: readonly PedLink[];
}

/** A holding area (e.g. the event terrain in front of a stage) that people enter at the end of a trip. */
export interface Zone {
  id: string;
  /** Usable standing area (m²), for its density. */
  area: number;
  initial?: number;
}

/** Persons per second from origin to destination, piecewise constant in `step`-second slots from `start`. */
export interface Demand {
  origin: string;
  destination: string;
  /** Seconds since the run start of rates[0]. */
  start: number;
  step: number;
  rates: readonly number[];
  /** Arrivals are kept in this zone instead of leaving the network. */
  toZone?: string;
  /** Departures are taken from this zone's stock (never more than it holds). */
  fromZone?: string;
}

export interface LoadingInput {
  network: PedNetwork;
  demands: readonly Demand[];
  zones?: readonly Zone[];
  /** Output time step (s); the model sub-steps internally to keep v0·Δt ≤ shortest link (CFL). */
  stepSeconds: number;
  /**
   * Longest cell (m), default 50: links are split into cells of v0·Δt … 2·v0·Δt so that a queue is
   * located to within a cell and free-flow travel keeps its time L / v0 (one cell per sub-step).
   */
  maxCellLength?: number;
  steps: number;
  params?: WeidmannParams;
  /**
   * Capacity lost when both directions are busy, at an even split: 0.2 = 20 % (models.md §1.4:
   * 20–30 % less for strong counter-flow, an engineering assumption after Zhang & Seyfried 2012,
   * who measured a lower maximum flow for bidirectional streams). It caps each lane's flow near
   * capacity and leaves free walking alone: the two diagrams differ only above about 1 p/m².
   */
  counterflowPenalty?: number;
}

export interface LinkSeries {
  /** Link ids, the column order of every per-link array. */
  linkIds: string[];
  steps: number;
  stepSeconds: number;
  /**
   * Density (p/m²) of the link's densest cell in each output step (each cell's mean over the
   * sub-steps), so a queue at one end is not averaged away; row-major: [step · links + link].
   */
  density: Float32Array;
  /** The link's mean density (all its cells), as above. */
  meanDensity: Float32Array;
  /**
   * Length (m) of the queue standing at the `to` end (forward: people walking from → to) and at the
   * `from` end (backward), at the end of each step: the cells above critical density counted back
   * from that end, plus the queued share of the cell where the queue's tail is.
   */
  queueForward: Float32Array;
  queueBackward: Float32Array;
  /** Density (p/m²) at the head of the longer of the two queues (0 without a queue). */
  queueDensity: Float32Array;
  /** The cells: which link, and where along it (fractions of its length from the `from` end). */
  cells: { ids: string[]; link: Int32Array; start: Float32Array; end: Float32Array };
  /** Density per cell and step, row-major: [step · cells + cell]. */
  cellDensity: Float32Array;
  /** Persons per second leaving the link at either end, averaged over the step. */
  flow: Float32Array;
  /** Fruin LoS index 0 (A) … 5 (F) of the step's density. */
  los: Uint8Array;
}

export interface Totals {
  /** Per output step: persons that entered links from origins, left links at destinations, on links at the end. */
  injected: Float64Array;
  exited: Float64Array;
  stock: Float64Array;
  /** Persons waiting at origins (could not enter the first link yet), at the end of each step. */
  queued: Float64Array;
}

export interface Indicators {
  peakDensity: { linkId: string; density: number; step: number } | null;
  /** Per threshold level (moving / standing scheme by link kind): minutes above it, per link. */
  minutesAbove: Record<string, Float32Array>;
  /** Per level: the most minutes any one link spent above it, and the sum over links (link-minutes). */
  minutesAboveSummary: Record<string, { maxMinutes: number; linkMinutes: number }>;
  /**
   * Person-minutes lost on each link: the area between its cumulative in- and out-flow curves (time
   * spent on it) minus the free-flow time L / v0 of everyone who walked it, plus the waiting at
   * origins to enter it. A queue's delay is counted on the links where the queue stands.
   */
  delayMinutes: Float32Array;
  /** The link with the most delay (where the worst queue stands). */
  worstBottleneck: { linkId: string; delayPersonMinutes: number } | null;
  totalDelayPersonMinutes: number;
  /** The longest queue of the run: where it stands, which end it reaches, its length and density. */
  longestQueue: { linkId: string; end: 'to' | 'from'; length: number; density: number; step: number } | null;
  zones: { id: string; peak: number; peakDensity: number; final: number }[];
  /** Demand that had no open route (persons) and that was still waiting at the end of the run. */
  unroutable: number;
  waitingAtEnd: number;
}

export interface LoadingResult {
  links: LinkSeries;
  totals: Totals;
  indicators: Indicators;
  /** Internal sub-steps per output step. */
  substeps: number;
}

const NO_QUEUE = Object.freeze({ length: 0, density: 0 });
/**
 * Persons: below this a lane holds only the rounding remnant of people who have left (the model
 * moves fractions, so ~1e-35 persons can linger), not a queue; such a lane sits at its jam-density
 * floor and would read as 5.4 p/m².
 */
const REMNANT = 1e-6;

/** A compiled model that advances one output step at a time. */
export class NetworkLoading {
  readonly steps: number;
  private stepIndex = 0;
  private readonly p: WeidmannParams;
  private readonly penalty: number;
  private readonly dt: number;
  readonly substeps: number;

  private readonly nL: number;
  /** Sections: the cells of every link, both directions together (cell 2s / 2s + 1 walk them). */
  private readonly nS: number;
  private readonly nD: number;
  private readonly linkIds: string[];
  private readonly linkLength: Float64Array;
  private readonly firstSection: Int32Array;
  private readonly sectionCount: Int32Array;
  private readonly sectionLink: Int32Array;
  private readonly len: Float64Array;
  private readonly wid: Float64Array;
  private readonly area: Float64Array;
  private readonly open: Uint8Array;
  /** Head node of cell c (2s = from→to, 2s+1 = to→from); −1 if the cell cannot be walked. */
  private readonly head: Int32Array;
  /** next[d · nodes + n]: cell to take from node n towards commodity d, DEST there, NONE unreachable. */
  private readonly next: Int32Array;
  /** Nodes of the network; nodes from here on are the joints between cells of one link. */
  private readonly nRealNodes: number;
  private readonly nNodes: number;
  private readonly commodityZone: Int32Array;

  private readonly occ: Float64Array; // [cell · nD + d]
  private readonly cellTotal: Float64Array;
  private readonly move: Float64Array;
  /** 1 for cells whose `move` entries were computed in this sub-step. */
  private readonly sending: Uint8Array;
  /**
   * Lanes: the share of each section's width that the forward direction (from → to) walks in; the
   * backward direction has the rest. Kept between sub-steps, as lanes in a crowd persist.
   */
  private readonly lane: Float64Array;
  /**
   * Per directed cell: the Godunov demand of its lane's density on the cell's whole width (persons
   * per sub-step, at most the persons in it): what that direction would send with the street to itself.
   */
  private readonly demand: Float64Array;
  /** Per directed cell: persons who want to enter it, and the fraction of them it accepts. */
  private readonly wanted: Float64Array;
  /** Per directed cell: how much the whole-width demand of the lanes its arrivals come from exceeds `wanted`. */
  private readonly pressure: Float64Array;
  private readonly accept: Float64Array;
  /** Per demand: persons from its origin queue who want to enter the first cell in this sub-step. */
  private readonly originWant: Float64Array;
  private readonly outAcc: Float64Array;
  private readonly densAcc: Float64Array;

  private readonly demands: {
    origin: number;
    commodity: number;
    firstCell: number;
    start: number;
    step: number;
    rates: readonly number[];
    fromZone: number;
  }[];
  private readonly queue: Float64Array;
  private readonly zoneIds: string[];
  private readonly zoneArea: Float64Array;
  private readonly zoneStock: Float64Array;
  private readonly zonePeak: Float64Array;
  private unroutable = 0;
  private stock = 0;

  private readonly series: LinkSeries;
  private readonly totals: Totals;
  /** Per link: person-seconds on it (area between its cumulative curves), persons that left it, waiting at origins. */
  private readonly timeOnLink: Float64Array;
  private readonly leftLink: Float64Array;
  private readonly originWait: Float64Array;
  private readonly kinds: CrowdKind[];

  constructor(input: LoadingInput) {
    const { network, stepSeconds, steps } = input;
    if (!(stepSeconds > 0)) throw new RangeError(`stepSeconds must be > 0, got ${stepSeconds}`);
    if (!Number.isInteger(steps) || steps < 1)
      throw new RangeError(`steps must be a positive integer, got ${steps}`);
    const maxCell = input.maxCellLength ?? 50;
    if (!(maxCell > 0)) throw new RangeError(`maxCellLength must be > 0 m, got ${maxCell}`);
    this.p = input.params ?? WEIDMANN_1993;
    this.penalty = input.counterflowPenalty ?? 0.2;
    this.steps = steps;
    const v0 = this.p.v0;

    const nodeIndex = new Map<string, number>();
    network.nodes.forEach((id, i) => nodeIndex.set(id, i));
    const node = (id: string, where: string) => {
      const i = nodeIndex.get(id);
      if (i === undefined) throw new Error(`${where}: unknown node "${id}"`);
      return i;
    };
    this.nRealNodes = network.nodes.length;
    const nL = (this.nL = network.links.length);
    this.linkIds = network.links.map((l) => l.id);
    this.linkLength = new Float64Array(nL);
    this.kinds = [];
    let minLength = Infinity;
    network.links.forEach((l) => {
      if (!(l.length > 0)) throw new RangeError(`link ${l.id}: length must be > 0 m`);
      if (!(l.width > 0)) throw new RangeError(`link ${l.id}: width must be > 0 m`);
      if (!l.closed) minLength = Math.min(minLength, l.length);
    });
    // CFL: a pedestrian at free speed must not cross a whole cell in one sub-step; the sub-step is
    // also short enough for cells of at most `maxCellLength`.
    this.substeps = Number.isFinite(minLength)
      ? Math.max(1, Math.ceil((stepSeconds * v0) / Math.min(minLength, maxCell)))
      : 1;
    this.dt = stepSeconds / this.substeps;
    const freeCell = v0 * this.dt;

    // Split every open link into n = ⌊L / (v0·Δt)⌋ cells (≥ 1), each v0·Δt … 2·v0·Δt long.
    this.firstSection = new Int32Array(nL);
    this.sectionCount = new Int32Array(nL);
    let nS = 0;
    network.links.forEach((l, i) => {
      this.firstSection[i] = nS;
      const n = l.closed ? 1 : Math.max(1, Math.floor(l.length / freeCell + 1e-9));
      this.sectionCount[i] = n;
      nS += n;
    });
    this.nS = nS;
    this.sectionLink = new Int32Array(nS);
    this.len = new Float64Array(nS);
    this.wid = new Float64Array(nS);
    this.area = new Float64Array(nS);
    this.open = new Uint8Array(nS);
    this.head = new Int32Array(2 * nS).fill(NONE);
    const tail = new Int32Array(2 * nS).fill(NONE);
    let joint = this.nRealNodes;
    const cellIds: string[] = [];
    const cellStart = new Float32Array(nS);
    const cellEnd = new Float32Array(nS);
    network.links.forEach((l, i) => {
      const a = node(l.from, `link ${l.id}`);
      const b = node(l.to, `link ${l.id}`);
      this.linkLength[i] = l.length;
      this.kinds.push(l.kind ?? 'moving');
      const n = this.sectionCount[i]!;
      let previous = a;
      for (let k = 0; k < n; k++) {
        const s = this.firstSection[i]! + k;
        this.sectionLink[s] = i;
        this.len[s] = l.length / n;
        this.wid[s] = l.width;
        this.area[s] = (l.length / n) * l.width;
        cellIds.push(n === 1 ? l.id : `${l.id}#${k}`);
        cellStart[s] = k / n;
        cellEnd[s] = (k + 1) / n;
        if (l.closed) continue;
        const end = k === n - 1 ? b : joint++;
        this.open[s] = 1;
        this.head[2 * s] = end;
        tail[2 * s] = previous;
        if (!l.oneWay) {
          this.head[2 * s + 1] = previous;
          tail[2 * s + 1] = end;
        }
        previous = end;
      }
    });
    this.nNodes = joint;

    this.zoneIds = (input.zones ?? []).map((z) => z.id);
    this.zoneArea = Float64Array.from((input.zones ?? []).map((z) => z.area));
    this.zoneStock = Float64Array.from((input.zones ?? []).map((z) => z.initial ?? 0));
    this.zonePeak = Float64Array.from(this.zoneStock);
    const zone = (id: string | undefined) => {
      if (id === undefined) return NONE;
      const i = this.zoneIds.indexOf(id);
      if (i < 0) throw new Error(`demand: unknown zone "${id}"`);
      return i;
    };

    // Commodities: one per (destination node, arrival zone).
    const commodityKeys = new Map<string, number>();
    const commodityDest: number[] = [];
    const zoneOf: number[] = [];
    this.demands = input.demands.map((d, k) => {
      const origin = node(d.origin, `demand ${k}`);
      const dest = node(d.destination, `demand ${k}`);
      if (origin === dest) throw new Error(`demand ${k}: origin and destination are the same node`);
      if (!(d.step > 0)) throw new RangeError(`demand ${k}: step must be > 0 s`);
      if (d.rates.some((r) => !(r >= 0))) throw new RangeError(`demand ${k}: rates must be ≥ 0`);
      const toZone = zone(d.toZone);
      const key = `${dest}|${toZone}`;
      let commodity = commodityKeys.get(key);
      if (commodity === undefined) {
        commodity = commodityDest.length;
        commodityKeys.set(key, commodity);
        commodityDest.push(dest);
        zoneOf.push(toZone);
      }
      return {
        origin,
        commodity,
        firstCell: NONE,
        start: d.start,
        step: d.step,
        rates: d.rates,
        fromZone: zone(d.fromZone),
      };
    });
    this.nD = Math.max(1, commodityDest.length);
    this.commodityZone = Int32Array.from(zoneOf);
    this.next = shortestPathTrees(this.nNodes, this.head, tail, this.len, commodityDest);
    for (const d of this.demands) d.firstCell = this.next[d.commodity * this.nNodes + d.origin]!;

    const nCells = 2 * nS;
    this.occ = new Float64Array(nCells * this.nD);
    this.cellTotal = new Float64Array(nCells);
    this.move = new Float64Array(nCells * this.nD);
    this.sending = new Uint8Array(nCells);
    this.lane = new Float64Array(nS).fill(1);
    this.demand = new Float64Array(nCells);
    this.wanted = new Float64Array(nCells);
    this.pressure = new Float64Array(nCells);
    this.accept = new Float64Array(nCells);
    this.outAcc = new Float64Array(nL);
    this.densAcc = new Float64Array(nS);
    this.timeOnLink = new Float64Array(nL);
    this.leftLink = new Float64Array(nL);
    this.originWait = new Float64Array(nL);
    this.queue = new Float64Array(this.demands.length);
    this.originWant = new Float64Array(this.demands.length);

    this.series = {
      linkIds: this.linkIds,
      steps,
      stepSeconds,
      density: new Float32Array(steps * nL),
      meanDensity: new Float32Array(steps * nL),
      flow: new Float32Array(steps * nL),
      los: new Uint8Array(steps * nL),
      queueForward: new Float32Array(steps * nL),
      queueBackward: new Float32Array(steps * nL),
      queueDensity: new Float32Array(steps * nL),
      cells: { ids: cellIds, link: this.sectionLink, start: cellStart, end: cellEnd },
      cellDensity: new Float32Array(steps * nS),
    };
    this.totals = {
      injected: new Float64Array(steps),
      exited: new Float64Array(steps),
      stock: new Float64Array(steps),
      queued: new Float64Array(steps),
    };
  }

  get done(): boolean {
    return this.stepIndex >= this.steps;
  }

  get progress(): number {
    return this.stepIndex / this.steps;
  }

  /** Advances one output step (several sub-steps). */
  step(): void {
    if (this.done) return;
    const s = this.stepIndex;
    this.outAcc.fill(0);
    this.densAcc.fill(0);
    let injected = 0;
    let exited = 0;
    for (let k = 0; k < this.substeps; k++) {
      const t = s * this.series.stepSeconds + k * this.dt;
      const moved = this.substep(t);
      injected += moved.injected;
      exited += moved.exited;
    }
    const { nL, nS, series } = this;
    const row = s * nL;
    const cellRow = s * nS;
    for (let l = 0; l < nL; l++) {
      let worst = 0;
      let sum = 0;
      const first = this.firstSection[l]!;
      const n = this.sectionCount[l]!;
      for (let c = first; c < first + n; c++) {
        const rho = this.densAcc[c]! / this.substeps;
        series.cellDensity[cellRow + c] = rho;
        if (rho > worst) worst = rho;
        sum += rho;
      }
      series.density[row + l] = worst;
      series.meanDensity[row + l] = sum / n;
      series.flow[row + l] = this.outAcc[l]! / series.stepSeconds;
      series.los[row + l] = fruinIndex(worst);
      const forward = this.queueAt(l, 0);
      const backward = this.queueAt(l, 1);
      series.queueForward[row + l] = forward.length;
      series.queueBackward[row + l] = backward.length;
      series.queueDensity[row + l] = forward.length >= backward.length ? forward.density : backward.density;
    }
    let queued = 0;
    for (let k = 0; k < this.queue.length; k++) queued += this.queue[k]!;
    this.totals.injected[s] = injected;
    this.totals.exited[s] = exited;
    this.totals.stock[s] = this.stock;
    this.totals.queued[s] = queued;
    this.stepIndex++;
  }

  /**
   * The queue standing at the downstream end of link l in direction dir (0: at `to`, 1: at `from`):
   * present when that direction's lane in the cell at that end is above critical density. Its
   * length comes from the people in the lane rather than from counting cells, so it is not rounded
   * to a cell.
   */
  private queueAt(l: number, dir: 0 | 1): { length: number; density: number } {
    const first = this.firstSection[l]!;
    const n = this.sectionCount[l]!;
    if (!this.open[first]) return NO_QUEUE;
    const critical = capacity(this.p).density;
    const head = dir === 0 ? first + n - 1 : first; // the cell at the end the queue reaches
    const headDensity = this.laneDensity(head, dir);
    if (!(headDensity > critical)) return NO_QUEUE;
    // Queue at ρq behind the head, arrivals at ρin (the link's upstream cell) on the rest: the
    // direction's people per metre of lane width add up to ρq·ℓ + ρin·(L − ℓ), solved for ℓ.
    const arriving = this.laneDensity(dir === 0 ? first : first + n - 1, dir);
    const total = this.linkLength[l]!;
    if (n > 1 && arriving > critical) return { length: total, density: headDensity };
    let perWidth = 0;
    for (let c = first; c < first + n; c++)
      perWidth += (this.laneDensity(c, dir) * this.area[c]!) / this.wid[c]!;
    const inFree = n > 1 ? arriving : 0;
    const queued = (perWidth - inFree * total) / (headDensity - inFree);
    const length = Math.min(total, Math.max(0, queued));
    return { length, density: headDensity };
  }

  /** Density (p/m²) of one direction's lane in section c (0 when nobody walks that way). */
  private laneDensity(c: number, dir: 0 | 1): number {
    const people = this.cellTotal[2 * c + dir]!;
    if (!(people > REMNANT)) return 0;
    const a = this.area[c]!;
    const share = Math.max(dir === 0 ? this.lane[c]! : 1 - this.lane[c]!, people / (this.p.rhoMax * a));
    return people / (share * a);
  }

  private substep(t: number): { injected: number; exited: number } {
    const { nS, nD, p, dt, occ, cellTotal, move, head, next, nNodes, lane, demand, wanted, pressure } = this;
    const jam = p.rhoMax;
    const qmax = capacity(p).flow;

    // 1. Sending: each direction walks in its own lane (its share of the width, see step 2) at the
    //    density of that lane, and sends its Godunov demand there.
    wanted.fill(0);
    pressure.fill(0);
    for (let l = 0; l < nS; l++) {
      this.sending[2 * l] = 0;
      this.sending[2 * l + 1] = 0;
      demand[2 * l] = 0;
      demand[2 * l + 1] = 0;
      if (!this.open[l]) continue;
      const nf = cellTotal[2 * l]!;
      const nb = cellTotal[2 * l + 1]!;
      const n = nf + nb;
      if (n <= 0) continue;
      const w = this.wid[l]!;
      const a = this.area[l]!;
      // Counter-flow friction lowers the capacity of both lanes (not at one-way flow, the full
      // penalty at an even split) but not free walking: bidirectional and unidirectional diagrams
      // differ only above about 1 p/m² (Zhang et al. 2012), so the cap binds only near capacity.
      const cappedFlow = qmax * (1 - this.penalty * 2 * (Math.min(nf, nb) / n));
      for (let dir = 0; dir < 2; dir++) {
        const c = 2 * l + dir;
        const nc = cellTotal[c]!;
        if (nc <= 0) continue;
        // Never narrower than its walkers need at jam density (step 2 sees to that; this only
        // catches rounding remnants of ~1e-20 persons, which would sit in a lane of width 0).
        const share = Math.max(dir === 0 ? lane[l]! : 1 - lane[l]!, nc / (jam * a));
        // Its demand on the whole width, never more than it holds.
        const perWidth = sendingFlow(nc / (share * a), p) * w * dt;
        demand[c] = Math.min(nc, perWidth);
        const send = Math.min(nc, Math.min(perWidth, cappedFlow * w * dt) * share);
        this.sending[c] = 1;
        const base = c * nD;
        // Every destination in the lane moves in proportion (people mix on a street).
        const ratio = send / nc;
        const press = demand[c]! / send; // movers carry their lane's whole-width demand onward (≥ 1)
        const h = head[c]!;
        for (let d = 0; d < nD; d++) {
          const m = occ[base + d]! * ratio;
          if (m <= 0) {
            move[base + d] = 0; // most destinations are absent from most streets
            continue;
          }
          const nx = next[d * nNodes + h]!;
          if (nx === NONE) {
            move[base + d] = 0; // stranded (cannot happen for routed flow); stays put
            continue;
          }
          move[base + d] = m;
          if (nx !== DEST) {
            wanted[nx] = wanted[nx]! + m;
            if (press !== 1) pressure[nx] = pressure[nx]! + m * (press - 1);
          }
        }
      }
    }
    // Origins queue their new demand; the queue's head wants to enter its first cell like a queue
    // in a street as wide as that cell: at most its capacity in one sub-step.
    for (let k = 0; k < this.demands.length; k++) {
      const d = this.demands[k]!;
      const idx = Math.floor((t - d.start) / d.step);
      let add = idx >= 0 && idx < d.rates.length ? d.rates[idx]! * dt : 0;
      if (d.fromZone !== NONE && add > 0) {
        add = Math.min(add, this.zoneStock[d.fromZone]!);
        this.zoneStock[d.fromZone] = this.zoneStock[d.fromZone]! - add;
      }
      if (d.firstCell === NONE) {
        this.unroutable += add;
        continue;
      }
      this.queue[k] = this.queue[k]! + add;
      const want = Math.min(this.queue[k]!, qmax * this.wid[d.firstCell >> 1]! * dt);
      this.originWant[k] = want;
      wanted[d.firstCell] = wanted[d.firstCell]! + want;
    }

    // 2. Lanes and receiving. Opposing walkers form lanes (Zhang et al. 2012 observed lanes in their
    //    bidirectional experiments), so each direction receives into its own lane and a crowd
    //    queuing one way never takes the floor the other way needs to pass. The width is shared in
    //    proportion to the two directions' demand, the "fair" demand-proportional scheme of merge
    //    models (Jin & Zhang 2003, TR-B 37:521–540). A direction's demand is the larger of what its
    //    walkers in the cell and what its arrivals would send on the whole width (Godunov demand at
    //    their lane density, so a queue counts as the full width's capacity), at most that capacity.
    //    A lane never gets narrower than its walkers need at jam density: no one is squeezed out, no
    //    lane is ever above jam density, and the cell's total density stays ≤ ρmax.
    for (let l = 0; l < nS; l++) {
      if (!this.open[l]) {
        this.accept[2 * l] = 0;
        this.accept[2 * l + 1] = 0;
        continue;
      }
      const w = this.wid[l]!;
      const a = this.area[l]!;
      const nf = cellTotal[2 * l]!;
      const nb = cellTotal[2 * l + 1]!;
      const full = qmax * w * dt;
      const df = Math.min(full, Math.max(demand[2 * l]!, wanted[2 * l]! + pressure[2 * l]!));
      const db = Math.min(full, Math.max(demand[2 * l + 1]!, wanted[2 * l + 1]! + pressure[2 * l + 1]!));
      const needF = nf / (jam * a);
      const needB = nb / (jam * a);
      let sigma = df + db > 0 ? df / (df + db) : lane[l]!;
      if (needF + needB >= 1) sigma = needF / (needF + needB);
      else sigma = Math.min(Math.max(sigma, needF), 1 - needB);
      lane[l] = sigma;
      for (let dir = 0; dir < 2; dir++) {
        const c = 2 * l + dir;
        const want = wanted[c]!;
        if (want <= 0) {
          this.accept[c] = 1;
          continue;
        }
        const share = dir === 0 ? sigma : 1 - sigma;
        const nc = cellTotal[c]!;
        const supply =
          share > 0
            ? Math.min(receivingFlow(nc / (share * a), p) * share * w * dt, Math.max(0, jam * share * a - nc))
            : 0;
        this.accept[c] = want > supply ? supply / want : 1;
      }
    }

    // 3. Apply the moves computed from the state at the start of the sub-step.
    let exited = 0;
    let injected = 0;
    for (let c = 0; c < 2 * nS; c++) {
      if (!this.sending[c]) continue;
      const h = head[c]!;
      const linkEnd = h < this.nRealNodes;
      const l = this.sectionLink[c >> 1]!;
      const base = c * nD;
      for (let d = 0; d < nD; d++) {
        const m = move[base + d]!;
        if (m <= 0) continue;
        const nx = next[d * nNodes + h]!;
        const y = nx === DEST ? m : m * this.accept[nx]!;
        occ[base + d] = occ[base + d]! - y;
        cellTotal[c] = cellTotal[c]! - y;
        if (linkEnd) {
          this.outAcc[l] = this.outAcc[l]! + y;
          this.leftLink[l] = this.leftLink[l]! + y;
        }
        if (nx === DEST) {
          exited += y;
          const z = this.commodityZone[d]!;
          if (z !== NONE) {
            this.zoneStock[z] = this.zoneStock[z]! + y;
            if (this.zoneStock[z]! > this.zonePeak[z]!) this.zonePeak[z] = this.zoneStock[z]!;
          }
        } else {
          occ[nx * nD + d] = occ[nx * nD + d]! + y;
          cellTotal[nx] = cellTotal[nx]! + y;
        }
      }
    }
    for (let k = 0; k < this.demands.length; k++) {
      const d = this.demands[k]!;
      if (d.firstCell === NONE || this.queue[k]! <= 0) continue;
      const y = this.originWant[k]! * this.accept[d.firstCell]!;
      this.queue[k] = this.queue[k]! - y;
      occ[d.firstCell * nD + d.commodity] = occ[d.firstCell * nD + d.commodity]! + y;
      cellTotal[d.firstCell] = cellTotal[d.firstCell]! + y;
      injected += y;
      // Who is still waiting at the origin waits to enter this link for the whole sub-step.
      const l = this.sectionLink[d.firstCell >> 1]!;
      this.originWait[l] = this.originWait[l]! + this.queue[k]! * dt;
    }
    this.stock += injected - exited;
    // Person-seconds on each link over this sub-step: the area between its cumulative curves.
    for (let c = 0; c < nS; c++) {
      if (!this.open[c]) continue;
      const n = cellTotal[2 * c]! + cellTotal[2 * c + 1]!;
      this.densAcc[c] = this.densAcc[c]! + n / this.area[c]!;
      const l = this.sectionLink[c]!;
      this.timeOnLink[l] = this.timeOnLink[l]! + n * dt;
    }
    return { injected, exited };
  }

  /** Runs to the end (for tests and benchmarks; the engine steps in chunks instead). */
  runToEnd(): LoadingResult {
    while (!this.done) this.step();
    return this.result();
  }

  result(): LoadingResult {
    return {
      links: this.series,
      totals: this.totals,
      indicators: this.indicators(),
      substeps: this.substeps,
    };
  }

  private indicators(): Indicators {
    const { nL, series } = this;
    const done = this.stepIndex;
    const minutesPerStep = series.stepSeconds / 60;
    let peak: Indicators['peakDensity'] = null;
    let longest: Indicators['longestQueue'] = null;
    const levels = new Set<string>();
    for (const kind of Object.keys(THRESHOLDS) as CrowdKind[])
      for (const t of THRESHOLDS[kind]) levels.add(t.level);
    const minutesAbove: Record<string, Float32Array> = {};
    for (const level of levels) minutesAbove[level] = new Float32Array(nL);
    for (let l = 0; l < nL; l++) {
      const thresholds: readonly Threshold[] = THRESHOLDS[this.kinds[l]!];
      for (let s = 0; s < done; s++) {
        const i = s * nL + l;
        const rho = series.density[i]!;
        if (rho > 0 && (peak === null || rho > peak.density))
          peak = { linkId: this.linkIds[l]!, density: rho, step: s };
        for (const t of thresholds) {
          const arr = minutesAbove[t.level]!;
          if (exceeds(rho, t)) arr[l] = arr[l]! + minutesPerStep;
        }
        const q = Math.max(series.queueForward[i]!, series.queueBackward[i]!);
        if (q > 0 && (longest === null || q > longest.length))
          longest = {
            linkId: this.linkIds[l]!,
            end: series.queueForward[i]! >= series.queueBackward[i]! ? 'to' : 'from',
            length: q,
            density: series.queueDensity[i]!,
            step: s,
          };
      }
    }
    const minutesAboveSummary: Indicators['minutesAboveSummary'] = {};
    for (const [level, arr] of Object.entries(minutesAbove)) {
      let maxMinutes = 0;
      let linkMinutes = 0;
      for (const m of arr) {
        maxMinutes = Math.max(maxMinutes, m);
        linkMinutes += m;
      }
      minutesAboveSummary[level] = { maxMinutes, linkMinutes };
    }
    // Delay = time on the link − free-flow time of everyone who walked it (those still on it at the
    // end are counted as if they had; a link cannot gain time, so never below 0) + origin waiting.
    const delayMinutes = new Float32Array(nL);
    let worst: Indicators['worstBottleneck'] = null;
    let total = 0;
    for (let l = 0; l < nL; l++) {
      const first = this.firstSection[l]!;
      let onLink = 0;
      for (let c = first; c < first + this.sectionCount[l]!; c++)
        onLink += this.cellTotal[2 * c]! + this.cellTotal[2 * c + 1]!;
      const free = (this.linkLength[l]! / this.p.v0) * (this.leftLink[l]! + onLink);
      const seconds = Math.max(0, this.timeOnLink[l]! - free) + this.originWait[l]!;
      delayMinutes[l] = seconds / 60;
      total += seconds / 60;
      if (seconds > 1e-9 && (worst === null || delayMinutes[l]! > worst.delayPersonMinutes))
        worst = { linkId: this.linkIds[l]!, delayPersonMinutes: delayMinutes[l]! };
    }
    let waiting = 0;
    for (const q of this.queue) waiting += q;
    return {
      peakDensity: peak,
      minutesAbove,
      minutesAboveSummary,
      delayMinutes,
      worstBottleneck: worst,
      totalDelayPersonMinutes: total,
      longestQueue: longest,
      zones: this.zoneIds.map((id, z) => ({
        id,
        peak: this.zonePeak[z]!,
        peakDensity: this.zonePeak[z]! / this.zoneArea[z]!,
        final: this.zoneStock[z]!,
      })),
      unroutable: this.unroutable,
      waitingAtEnd: waiting,
    };
  }
}

/** Convenience: compile and run in one go. */
export function loadNetwork(input: LoadingInput): LoadingResult {
  return new NetworkLoading(input).runToEnd();
}

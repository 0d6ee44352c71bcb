/**
 * Weidmann's pedestrian fundamental diagram (Weidmann 1993, *Transporttechnik der Fussgänger*,
 * ETH Zürich IVT Schriftenreihe 90), per metre of walkable width:
 *
 *     v(ρ) = v0 · [1 − exp(−γ · (1/ρ − 1/ρmax))],   q(ρ) = ρ · v(ρ)
 *
 * ρ in persons/m², v in m/s, q in persons/(m·s). Unidirectional data pooled from many studies;
 * see docs in /work/shared/notes/models.md §1.3 for the limits (counter-flow, festival crowds).
 */
export interface WeidmannParams {
  /** Free walking speed v0 (m/s). */
  v0: number;
  /** Shape parameter γ (persons/m²). */
  gamma: number;
  /** Jam density ρmax where speed reaches zero (persons/m²). */
  rhoMax: number;
}

/** The published parameters (Weidmann 1993): v0 = 1.34 m/s, γ = 1.913 p/m², ρmax = 5.4 p/m². */
export const WEIDMANN_1993: Readonly<WeidmannParams> = Object.freeze({ v0: 1.34, gamma: 1.913, rhoMax: 5.4 });

/** Walking speed (m/s) at density ρ (p/m²); v0 in an empty street, 0 at and above ρmax. */
export function speed(rho: number, p: WeidmannParams = WEIDMANN_1993): number {
  if (!(rho > 0)) return p.v0;
  if (rho >= p.rhoMax) return 0;
  return p.v0 * (1 - Math.exp(-p.gamma * (1 / rho - 1 / p.rhoMax)));
}

/** Specific flow q = ρ·v(ρ) in persons per metre width per second. */
export function flow(rho: number, p: WeidmannParams = WEIDMANN_1993): number {
  if (!(rho > 0)) return 0;
  return rho * speed(rho, p);
}

export interface Capacity {
  /** Critical density ρc (p/m²) where the flow peaks. */
  density: number;
  /** Maximum specific flow qmax (p/(m·s)). */
  flow: number;
  /** Speed at capacity (m/s). */
  speed: number;
}

const capacityCache = new WeakMap<object, Capacity>();

/**
 * The top of the diagram. q(ρ) is unimodal on (0, ρmax), so a golden-section search finds the
 * maximum to ~1e-10 p/m² in 60 iterations; cached per parameter object because the network model
 * asks for it in every step.
 */
export function capacity(p: WeidmannParams = WEIDMANN_1993): Capacity {
  const cached = capacityCache.get(p);
  if (cached) return cached;
  const phi = (Math.sqrt(5) - 1) / 2;
  let a = 1e-6;
  let b = p.rhoMax;
  for (let i = 0; i < 80; i++) {
    const c = b - phi * (b - a);
    const d = a + phi * (b - a);
    if (flow(c, p) > flow(d, p)) b = d;
    else a = c;
  }
  const density = (a + b) / 2;
  const result = { density, flow: flow(density, p), speed: speed(density, p) };
  capacityCache.set(p, result);
  return result;
}

export interface InvertedFlow {
  /** Density on the uncongested branch (p/m²); ρc when the flow is at or above capacity. */
  density: number;
  /** True when the flow was at or above qmax, so the density is only a lower bound. */
  overCapacity: boolean;
}

/**
 * Free-flow inversion ρ(q): the density on the uncongested branch (ρ ≤ ρc) that carries specific
 * flow q. Every q < qmax also has a congested density; a single counting line cannot tell them
 * apart (models.md §1.7), so callers that know the street is jammed must not use this.
 * q(ρ) is increasing on (0, ρc], so bisection converges; 60 halvings reach float precision.
 */
export function freeFlowDensity(q: number, p: WeidmannParams = WEIDMANN_1993): InvertedFlow {
  if (!(q > 0)) return { density: 0, overCapacity: false };
  const cap = capacity(p);
  if (q >= cap.flow) return { density: cap.density, overCapacity: true };
  let lo = 0;
  let hi = cap.density;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (flow(mid, p) < q) lo = mid;
    else hi = mid;
  }
  return { density: (lo + hi) / 2, overCapacity: false };
}

/**
 * Godunov demand and supply of a cell (Lebacque 1996, the cell-transmission form of a concave
 * fundamental diagram): a cell can send q(ρ) below capacity and qmax above it; it can receive
 * qmax below capacity and q(ρ) above it. Both in p/(m·s).
 */
export function sendingFlow(rho: number, p: WeidmannParams = WEIDMANN_1993): number {
  const cap = capacity(p);
  return rho < cap.density ? flow(rho, p) : cap.flow;
}

export function receivingFlow(rho: number, p: WeidmannParams = WEIDMANN_1993): number {
  const cap = capacity(p);
  return rho <= cap.density ? cap.flow : flow(rho, p);
}

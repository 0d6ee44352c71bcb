import { fieldValue } from '../../../scenarios/engine/fields.ts';
import type { RunOutcome } from '../../../scenarios/engine/runner.ts';
import type { Table } from '../../../scenarios/engine/types.ts';

/** One row of the travel-time table, typed; minutes are null where there is no route. */
export interface OdRow {
  origin: string;
  destination: string;
  trips: number;
  baselineMinutes: number | null;
  scenarioMinutes: number | null;
  changeMinutes: number | null;
  detourFactor: number | null;
  /** The route is more than the detour limit (CROW 1.4) times the straight-line distance. */
  overDetourLimit: boolean;
  /** There was a route on the normal day and there is none now. */
  lostRoute: boolean;
}

const numberOrNull = (cell: unknown) => (typeof cell === 'number' && Number.isFinite(cell) ? cell : null);

/** The model's `odTravelTimes` table as typed rows, read by column name (so column order may change). */
export function odRows(table: Table | undefined): OdRow[] {
  if (!table) return [];
  const at = (name: string) => table.columns.indexOf(name);
  const col = {
    origin: at('origin'),
    destination: at('destination'),
    trips: at('trips'),
    before: at('baselineMinutes'),
    after: at('scenarioMinutes'),
    change: at('changeMinutes'),
    detour: at('detourFactor'),
    over: at('overDetourLimit'),
  };
  if (col.origin < 0 || col.destination < 0) return [];
  return table.rows.map((row) => {
    const before = numberOrNull(row[col.before]);
    const after = numberOrNull(row[col.after]);
    return {
      origin: String(row[col.origin]),
      destination: String(row[col.destination]),
      trips: numberOrNull(row[col.trips]) ?? 0,
      baselineMinutes: before,
      scenarioMinutes: after,
      changeMinutes: numberOrNull(row[col.change]),
      detourFactor: numberOrNull(row[col.detour]),
      overDetourLimit: row[col.over] === 1,
      lostRoute: before !== null && after === null,
    };
  });
}

/**
 * Zone names without their explanation in brackets ("Neude (binnenstad noord)" → "Neude"), for a
 * narrow table; a name keeps its brackets if the short form would be the same as another's.
 */
export function shortZoneNames(rows: readonly OdRow[]): (name: string) => string {
  const names = new Set(rows.flatMap((r) => [r.origin, r.destination]));
  const short = (name: string) => name.replace(/\s*\([^()]*\)$/, '') || name;
  const uses = new Map<string, number>();
  for (const name of names) uses.set(short(name), (uses.get(short(name)) ?? 0) + 1);
  return (name) => (uses.get(short(name)) === 1 ? short(name) : name);
}

/** A street at or over the hotspot ratio in the scenario. */
export interface Hotspot {
  linkId: string;
  /** Volume / the volume where level of service F begins, at `step`. */
  ratio: number;
  /** The hour it is judged at: the run's hour, or the street's busiest. */
  step: number;
  /** Cyclists per hour then. */
  flow: number;
  /** Not a hotspot on the normal day. */
  isNew: boolean;
}

/**
 * The scenario’s hotspots, worst first: streets whose volume / LoS F volume reaches `ratio`
 * at the run's hour (or, for a whole-day run, at their busiest hour), as the model counts them.
 */
export function hotspotList(outcome: RunOutcome, ratio: number, hour: number | undefined): Hotspot[] {
  const vc = outcome.output.fields['vc'];
  const flow = outcome.output.fields['flow'];
  if (!vc || !flow) return [];
  const baseVc = outcome.baseline?.fields['hotspotVc'];
  const baseColumn = new Map(baseVc?.ids.map((id, i) => [id, i]));
  const list: Hotspot[] = [];
  vc.ids.forEach((linkId, i) => {
    let step = hour ?? 0;
    if (hour === undefined)
      for (let h = 1; h < vc.steps; h++) if (fieldValue(vc, h, i) > fieldValue(vc, step, i)) step = h;
    const value = fieldValue(vc, step, i);
    if (!(value >= ratio)) return;
    const b = baseColumn.get(linkId);
    // A link the normal day lacks (added by the scenario) was no hotspot then.
    const wasHotspot = b !== undefined && fieldValue(baseVc!, 0, b) >= ratio;
    list.push({
      linkId,
      ratio: value,
      step,
      flow: fieldValue(flow, step, i),
      isNew: !!baseVc && !wasHotspot,
    });
  });
  return list.sort((a, b) => b.ratio - a.ratio);
}

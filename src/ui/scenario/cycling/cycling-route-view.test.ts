// @vitest-environment jsdom
import type { Layer } from '@deck.gl/core';
import { PathStyleExtension, type PathStyleExtensionProps } from '@deck.gl/extensions';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { translator } from '../../../i18n/translate.ts';
import { cyclingRouteDefinition, type CyclingChange } from '../../../scenarios/cycling/definition.ts';
import { HOTSPOT_RATIO } from '../../../scenarios/cycling/level-of-service.ts';
import { scenarioOfKind } from '../../../scenarios/kinds.ts';
import { useScenarioStore, type ScenarioDisplay } from '../../../state/scenario-store.ts';
import { scenarioGroups } from '../kinds.ts';
import {
  installInProcessStore,
  roadworksExample,
  runCycling,
  runFinished,
} from '../../../../tests/support/cycling-in-process.ts';
import {
  bandColor,
  bandWidth,
  CHANGE_LEGEND,
  cyclingRouteView,
  FLOW_LEGEND,
  hotspotsAt,
  pointAlong,
} from '../../../layers/scenario-result/cycling-route-view.ts';
import type { ScenarioViewContext } from '../../../layers/scenario-result/scenario-view.ts';

const t = translator('nl');
type Vec3 = [number, number, number];
interface Drawn {
  kind: string;
  link: { id: string };
  column: number;
}

const layer = (layers: Layer[] | undefined, id: string) => layers?.find((l) => l.id === id);
const data = <T>(l: Layer | undefined) => (l?.props.data ?? []) as T[];
const ids = (l: Layer | undefined) => data<Drawn>(l).map((d) => d.link.id);

describe('cycling bands, colours and markers', () => {
  it('draws wider bands for more cyclists and for bigger changes, within bounds', () => {
    expect(bandWidth('scenario', 1000)).toBe(5);
    expect(bandWidth('baseline', 3469)).toBeCloseTo(17.3, 1);
    expect(bandWidth('scenario', 50_000)).toBe(30);
    expect(bandWidth('scenario', -3)).toBe(0);
    expect(bandWidth('difference', -1000)).toBe(10);
    expect(bandWidth('difference', 500)).toBe(5);
  });

  it('colours by volume / LoS F volume, and the difference blue for fewer, red for more', () => {
    expect(bandColor('scenario', 0.3)).toEqual(FLOW_LEGEND.classes[0]!.color);
    expect(bandColor('scenario', 0.99)).toEqual(FLOW_LEGEND.classes[2]!.color);
    // The hotspot colour starts exactly where level of service F does.
    expect(bandColor('scenario', 1)).toEqual(FLOW_LEGEND.classes[3]!.color);
    expect(bandColor('baseline', 2.4)).toEqual(FLOW_LEGEND.classes[4]!.color);
    const [r1, , b1] = bandColor('difference', -3000);
    const [r2, , b2] = bandColor('difference', 1200);
    expect(b1).toBeGreaterThan(r1);
    expect(r2).toBeGreaterThan(b2);
    expect(bandColor('difference', 10)).toEqual(CHANGE_LEGEND.classes[3]!.color);
  });

  it('finds the hotspots at an hour, worst first', () => {
    const vc = {
      ids: ['a', 'b', 'c'],
      steps: 2,
      values: Float32Array.from([0.5, 0.95, 1.3, 1.1, 0.2, 0.91]),
    };
    expect(hotspotsAt(vc, 0, 0.9)).toEqual([2, 1]);
    expect(hotspotsAt(vc, 1, 0.9)).toEqual([0, 2]);
  });

  it('finds points along a path and the direction there', () => {
    const line: Vec3[] = [
      [0, 0, 0],
      [20, 0, 0],
      [20, 10, 0],
    ];
    expect(pointAlong(line, 0.5)).toEqual({ at: [15, 0, 0], direction: [1, 0] });
    expect(pointAlong(line, 1)).toEqual({ at: [20, 10, 0], direction: [0, 1] });
  });
});

describe('the cycling result on the map', () => {
  let restore: () => void;
  beforeEach(() => {
    restore = installInProcessStore();
  });
  afterEach(() => restore());

  async function context(
    display: ScenarioDisplay,
    step = 8,
  ): Promise<ScenarioViewContext<typeof cyclingRouteDefinition>> {
    const { outcome, baselineData } = await runCycling({
      ...roadworksExample,
      run: { dayType: 'weekday', hour: 8 },
    });
    const scenario = scenarioOfKind(cyclingRouteDefinition, outcome.scenario)!;
    return { outcome, scenario, baselineData, step, display, t };
  }

  /** What the map popup shows for a clicked object: through the app's wiring, buttons included. */
  function popup(object: unknown, ctx: ScenarioViewContext<typeof cyclingRouteDefinition>) {
    const ground = scenarioGroups(ctx, t).find((g) => g.occlusion === 'ground');
    return ground?.describe?.(object) ?? null;
  }

  it('draws open streets as bands, the closed one as dashes, hotspots and counting points on top', async () => {
    const ctx = await context('scenario');
    const { ground, none } = cyclingRouteView.render(ctx);
    const flow = layer(ground, 'scenario-cycling-flow');
    expect(ids(flow)).not.toContain('vredenburg');
    expect(ids(flow)).toHaveLength(46);
    const closed = layer(ground, 'scenario-cycling-closed');
    expect(new Set(ids(closed))).toEqual(new Set(['vredenburg']));
    // Dashed on the GPU by deck.gl's PathStyleExtension: 7 m dashes, 6 m gaps on a 3 m wide line.
    expect(closed!.props.extensions[0]).toBeInstanceOf(PathStyleExtension);
    expect((closed!.props as PathStyleExtensionProps).getDashArray).toEqual([7 / 3, 6 / 3]);
    const vc = ctx.outcome.output.fields['vc']!;
    const hot = hotspotsAt(vc, 8, HOTSPOT_RATIO).map((i) => vc.ids[i]);
    expect(ids(layer(none, 'scenario-cycling-hotspots'))).toEqual(hot);
    expect(data(layer(none, 'scenario-cycling-counts'))).toHaveLength(14);
    expect(data(layer(none, 'scenario-cycling-hotspot-labels'))).toHaveLength(3);
    for (const l of [...ground!, ...none!]) expect(l.id.startsWith('scenario-')).toBe(true);
  });

  it('shows the normal day with every street open, and the difference without markers for the normal day', async () => {
    const base = cyclingRouteView.render(await context('baseline'));
    expect(ids(layer(base.ground, 'scenario-cycling-flow'))).toContain('vredenburg');
    expect(data(layer(base.ground, 'scenario-cycling-closed'))).toHaveLength(0);
    const diff = cyclingRouteView.render(await context('difference'));
    expect(ids(layer(diff.ground, 'scenario-cycling-flow'))).toHaveLength(46);
    expect(cyclingRouteView.legend('difference')).toBe(CHANGE_LEGEND);
    expect(cyclingRouteView.legend('scenario')).toBe(FLOW_LEGEND);
  });

  it('describes a street with its flow, busyness and change, and offers edits that change the scenario', async () => {
    const ctx = await context('scenario');
    const flow = layer(cyclingRouteView.render(ctx).ground, 'scenario-cycling-flow');
    const potterstraat = data<Drawn>(flow).find((d) => d.link.id === 'potterstraat')!;
    const info = popup(potterstraat, ctx)!;
    expect(info.title).toBe('Potterstraat');
    const rows = Object.fromEntries(info.rows.map((r) => [r.label, r.value]));
    expect(rows['Fietsers, werkdag 08:00–09:00']).toBe('867 per uur');
    expect(rows['Verschil met gewone dag']).toBe('-2.024 per uur (gewone dag: 2.891)');
    // 867 cyclists/h on 6 m: LoS F begins at 630 · 6 / 3 = 1,260/h (Botma's 3.0 m row, scaled), so
    // 867 / 1,260 = 0.69; LoS D runs from 700 to 1,000/h on 6 m.
    expect(rows['Drukte']).toBe('0,69 × het aantal waarbij niveau F begint');
    expect(rows['Kwaliteitsniveau (Botma 1995)']).toBe('D (A: vrij fietsen, F: veel hinder)');
    expect(rows['Toestand']).toBe('open, twee richtingen, 14 km/u, 6 m breed');
    expect(info.actions?.map((a) => a.label)).toContain('Afsluiten voor fietsers');

    await useScenarioStore.getState().load(ctx.outcome.scenario, { type: 'new' }, 'test');
    info.actions!.find((a) => a.label === 'Afsluiten voor fietsers')!.run();
    await runFinished();
    const changes = useScenarioStore.getState().scenario!.changes as CyclingChange[];
    expect(changes.at(-1)).toEqual({ type: 'close-link', link: 'potterstraat' });
    expect(useScenarioStore.getState().undoStack).toHaveLength(1);
  });

  it('describes the closed street with a reopen action, and a counting point with its count', async () => {
    const ctx = await context('scenario');
    const { ground, none } = cyclingRouteView.render(ctx);
    const closed = data<Drawn>(layer(ground, 'scenario-cycling-closed'))[0]!;
    const info = popup(closed, ctx)!;
    expect(info.rows.find((r) => r.label === 'Toestand')?.value).toBe('afgesloten voor fietsers');
    expect(info.actions?.map((a) => a.label)).toEqual(['Weer openstellen voor fietsers']);
    const count = data<{ point: { id: string } }>(layer(none, 'scenario-cycling-counts')).find(
      (c) => c.point.id === 'vredenburg',
    );
    const counted = cyclingRouteView.describe(count, ctx)!;
    expect(counted.title).toBe('Telpunt Vredenburg');
    expect(counted.rows[0]!.label).toBe('Geteld, werkdag 08:00–09:00');
    expect(counted.rows.map((r) => r.value)).toContain('voorbeeldtellingen, geen metingen');
    expect(cyclingRouteView.describe({ something: 'else' }, ctx)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import type { OsmWay } from '../sources/overpass/index.ts';
import { bikeDirection, buildGraph, parseWidth } from './network.ts';
import { createAssumptions } from './report.ts';

/** Points 0.001° apart (about 68 m east, 111 m north at 52° N); only topology matters here. */
const p = (x: number, y: number): [number, number] => [5.12 + x * 0.001, 52.09 + y * 0.001];
const way = (
  id: number,
  nodes: number[],
  points: [number, number][],
  tags: Record<string, string>,
): OsmWay => ({
  id,
  nodes,
  points,
  tags,
});

describe('network builder', () => {
  it('makes one node where two ways cross at a shared OSM node, and splits both ways there', () => {
    // A west–east street (1-2-3) and a south–north street (4-2-5) sharing node 2.
    const g = buildGraph(
      [
        way(10, [1, 2, 3], [p(0, 1), p(1, 1), p(2, 1)], { highway: 'residential' }),
        way(11, [4, 2, 5], [p(1, 0), p(1, 1), p(1, 2)], { highway: 'residential' }),
      ],
      'walk',
      createAssumptions(),
    );
    expect(g.nodes.map((n) => n.id).sort()).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);
    expect(g.links.map((l) => `${l.id}:${l.from}>${l.to}`)).toEqual([
      'w10-0:n1>n2',
      'w10-1:n2>n3',
      'w11-0:n4>n2',
      'w11-1:n2>n5',
    ]);
  });

  it('does not connect ways that cross without a shared node (a bridge)', () => {
    const report = createAssumptions();
    const g = buildGraph(
      [
        way(10, [1, 2], [p(0, 1), p(2, 1)], { highway: 'residential' }),
        way(11, [4, 5], [p(1, 0), p(1, 2)], { highway: 'footway', bridge: 'yes', layer: '1' }),
      ],
      'walk',
      report,
    );
    // Two pieces of equal size: one is kept, the other reported as dropped.
    expect(g.links).toHaveLength(1);
    expect(report.notes).toContain('walking: 1 disconnected pieces dropped (1 links)');
  });

  it('keeps a footpath beside a road as its own link between its own nodes', () => {
    // Road 1-2-3 and a footpath 1-7-8-3 a few metres beside it, joined only at the ends.
    const g = buildGraph(
      [
        way(10, [1, 2, 3], [p(0, 0), p(1, 0), p(2, 0)], { highway: 'residential' }),
        way(12, [1, 7, 8, 3], [p(0, 0), p(0.1, 0.05), p(1.9, 0.05), p(2, 0)], {
          highway: 'footway',
          width: '2.5',
        }),
      ],
      'walk',
      createAssumptions(),
    );
    const footpath = g.links.filter((l) => l.id.startsWith('w12'));
    expect(footpath).toHaveLength(1);
    expect(footpath[0]).toMatchObject({ from: 'n1', to: 'n3', width: 2.5 });
    // The road's middle node 2 is not shared, so the road is one link too; neither is merged.
    expect(g.links.map((l) => l.id).sort()).toEqual(['w10-0', 'w12-0']);
    expect(g.nodes.map((n) => n.id).sort()).toEqual(['n1', 'n3']);
  });

  it('respects oneway and oneway:bicycle for cycling, and ignores them for walking', () => {
    const ways = [
      way(20, [1, 2], [p(0, 0), p(1, 0)], { highway: 'residential', oneway: 'yes' }),
      way(21, [2, 3], [p(1, 0), p(2, 0)], { highway: 'residential', oneway: 'yes', 'oneway:bicycle': 'no' }),
      way(22, [3, 4], [p(2, 0), p(3, 0)], { highway: 'residential', oneway: '-1' }),
    ];
    const bike = buildGraph(ways, 'bike', createAssumptions());
    expect(bike.links.map((l) => [l.id, l.from, l.to, l.oneWay])).toEqual([
      ['w20-0', 'n1', 'n2', true],
      ['w21-0', 'n2', 'n3', false],
      ['w22-0', 'n4', 'n3', true],
    ]);
    // The reversed link's drawing runs from its `from` node.
    expect(bike.links[2]!.geometry[0]).toEqual(p(3, 0));
    const walk = buildGraph(ways, 'walk', createAssumptions());
    expect(walk.links.every((l) => !l.oneWay)).toBe(true);
  });

  it('leaves out ways a mode may not use', () => {
    const ways = [
      way(30, [1, 2], [p(0, 0), p(1, 0)], { highway: 'footway' }),
      way(31, [2, 3], [p(1, 0), p(2, 0)], { highway: 'cycleway' }),
      way(32, [3, 4], [p(2, 0), p(3, 0)], { highway: 'pedestrian', bicycle: 'no' }),
    ];
    expect(buildGraph(ways, 'bike', createAssumptions()).links.map((l) => l.id)).toEqual(['w31-0']);
    // A cycleway is for walking only with foot=yes.
    expect(
      buildGraph(ways, 'walk', createAssumptions())
        .links.map((l) => l.id)
        .sort(),
    ).toEqual(['w30-0']);
  });

  it('cuts a closed way so no link starts and ends on one node', () => {
    const ring = way(40, [1, 2, 3, 4, 1], [p(0, 0), p(1, 0), p(1, 1), p(0, 1), p(0, 0)], {
      highway: 'footway',
    });
    const g = buildGraph([ring], 'walk', createAssumptions());
    expect(g.links.map((l) => [l.from, l.to])).toEqual([
      ['n1', 'n3'],
      ['n3', 'n1'],
    ]);
  });

  it('reads each OSM way once and reports widths it had to assume', () => {
    const w = way(50, [1, 2], [p(0, 0), p(1, 0)], { highway: 'footway' });
    const report = createAssumptions();
    const g = buildGraph([w, w], 'walk', report);
    expect(g.links).toHaveLength(1);
    expect(report.notes).toContain('walk: 1 OSM ways listed twice; read once');
    expect(report.assumed).toContain('walking: 1 footway ways without a width: 2 m assumed');
  });

  it('parses OSM width tags', () => {
    expect(parseWidth('3')).toBe(3);
    expect(parseWidth('3.5 m')).toBe(3.5);
    expect(parseWidth('2,5')).toBe(2.5);
    expect(parseWidth("10'")).toBeUndefined();
    expect(parseWidth('narrow')).toBeUndefined();
    expect(bikeDirection({ junction: 'roundabout' })).toBe(1);
  });
});

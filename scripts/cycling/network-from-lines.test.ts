import { describe, expect, it } from 'vitest';
import { bikeNetworkFileSchema } from '../../src/scenarios/cycling/network-file.ts';
import { TEST_ORIGIN } from '../../tests/support/small-bike-network.ts';
import { classifyLine, networkFromLines, type LineInput } from './network-from-lines.ts';

const p = (x: number, y: number) => TEST_ORIGIN.toLonLat(x, y);
const meta = { id: 'lines', title: 't', sample: false, note: 'n', licence: 'CC0-1.0', created: '2026-01-01' };

/**
 * An OSM-like sketch: a cycleway east–west crossed by a residential street (shared vertex at 200,0),
 * a footway (no cycling), a one-way street drawn against its direction, a bridge that passes over
 * the cycleway without a shared vertex, and a detached piece far away.
 */
const lines: LineInput[] = [
  {
    id: 'fietspad',
    coordinates: [p(0, 0), p(100, 0), p(200, 0), p(400, 0)],
    properties: { highway: 'cycleway', name: 'Fietspad', width: '3.5' },
  },
  {
    coordinates: [p(200, -200), p(200, 0), p(200, 200)],
    properties: { highway: 'residential', name: 'Dorpsstraat' },
  },
  { coordinates: [p(0, 0), p(0, 200)], properties: { highway: 'footway', name: 'Voetpad' } },
  {
    coordinates: [p(200, 200), p(0, 200)],
    properties: { highway: 'residential', name: 'Eenrichtingstraat', oneway: '-1' },
  },
  {
    coordinates: [p(300, -100), p(300, 100)],
    properties: { highway: 'cycleway', name: 'Brug', bridge: 'yes' },
  },
  {
    coordinates: [p(300, 100), p(200, 200)],
    properties: { highway: 'cycleway', cycleway: 'track', name: 'Brug' },
  },
  { coordinates: [p(5000, 5000), p(5100, 5000)], properties: { highway: 'cycleway', name: 'Eiland' } },
];

describe('network from lines', () => {
  const report = networkFromLines(lines, {
    meta,
    zones: [
      { id: 'west', name: 'West', ...lonLat(p(-5, 0)), weight: 1 },
      { id: 'north', name: 'North', ...lonLat(p(200, 205)), weight: 2 },
    ],
    junctions: [{ id: 'kruising', name: 'Kruising', ...lonLat(p(201, 1)), delay: 12 }],
  });
  const file = report.file;

  it('makes a valid network file', () => {
    expect(bikeNetworkFileSchema.safeParse(file).success).toBe(true);
  });

  it('splits lines where they share a vertex, not where they only cross', () => {
    const ids = file.links.map((l) => l.id);
    expect(ids).toEqual(
      expect.arrayContaining(['fietspad-1', 'fietspad-2', 'dorpsstraat-1', 'dorpsstraat-2']),
    );
    // The bridge crosses the cycleway at (300, 0) without a shared vertex: no node there.
    const atBridge = file.nodes.filter(
      (n) => Math.abs(n.lon - p(300, 0)[0]) < 1e-6 && Math.abs(n.lat - p(300, 0)[1]) < 1e-6,
    );
    expect(atBridge).toEqual([]);
    const kruising = file.nodes.find((n) => n.id === 'kruising')!;
    expect(kruising).toMatchObject({ name: 'Kruising', delay: 12 });
    expect(file.links.filter((l) => l.from === 'kruising' || l.to === 'kruising')).toHaveLength(4);
  });

  it('reads type, width and direction from the tags, and leaves out what cyclists may not use', () => {
    const fietspad = file.links.find((l) => l.id === 'fietspad-1')!;
    expect(fietspad).toMatchObject({ type: 'cycle-path', width: 3.5, name: 'Fietspad' });
    expect(fietspad.length).toBeCloseTo(200, 0);
    const oneWay = file.links.find((l) => l.name === 'Eenrichtingstraat')!;
    // Drawn 200,200 → 0,200 with oneway=-1: cycled 0,200 → 200,200, and stored in that direction.
    expect(oneWay.oneWay).toBe(true);
    expect(oneWay.geometry[0]![0]).toBeCloseTo(p(0, 200)[0], 7);
    expect(file.links.find((l) => l.name === 'Dorpsstraat')!.type).toBe('mixed-street');
    expect(report.skipped).toEqual([{ line: 'Voetpad', reason: 'highway=footway without bicycle access' }]);
    expect(report.droppedLinks).toBe(1); // the island
    expect(file.links.some((l) => l.name === 'Eiland')).toBe(false);
  });

  it('snaps zones to their nearest node', () => {
    expect(report.zoneSnaps).toEqual([
      { zone: 'west', node: file.links.find((l) => l.id === 'fietspad-1')!.from, metres: 5 },
      { zone: 'north', node: expect.any(String) as unknown as string, metres: 5 },
    ]);
  });
});

describe('OSM tags', () => {
  it('classifies ways for cycling', () => {
    expect(classifyLine({ highway: 'cycleway' })).toMatchObject({ type: 'cycle-path', direction: 'both' });
    expect(classifyLine({ highway: 'residential', cyclestreet: 'yes' })).toMatchObject({
      type: 'cycle-street',
    });
    expect(classifyLine({ highway: 'tertiary', 'cycleway:right': 'lane' })).toMatchObject({
      type: 'cycle-lane',
    });
    expect(classifyLine({ highway: 'pedestrian', bicycle: 'yes' })).toMatchObject({ type: 'shared-space' });
    expect(classifyLine({ highway: 'residential', oneway: 'yes', 'oneway:bicycle': 'no' })).toMatchObject({
      direction: 'both',
    });
    expect(classifyLine({ highway: 'secondary', oneway: 'yes' })).toMatchObject({ direction: 'forward' });
    expect(classifyLine({ highway: 'motorway' })).toEqual({ skip: 'highway=motorway' });
    expect(classifyLine({ highway: 'primary', bicycle: 'use_sidepath' })).toEqual({
      skip: 'bicycle=use_sidepath',
    });
    expect(classifyLine({ type: 'cycle-street', width: 5, speed: 16 })).toEqual({
      type: 'cycle-street',
      width: 5,
      speed: 16,
      direction: 'both',
    });
  });
});

function lonLat(q: readonly [number, number]) {
  return { lon: q[0], lat: q[1] };
}

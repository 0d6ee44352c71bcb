import { describe, expect, it } from 'vitest';
import { bikeNetworkFileSchema, parametersOf, DEFAULT_PARAMETERS } from './network-file.ts';
import { smallNetwork } from '../../../tests/support/small-bike-network.ts';

const valid = () =>
  smallNetwork({
    nodes: { a: [0, 0], b: [300, 0], c: [300, 300] },
    links: [
      { id: 'ab', from: 'a', to: 'b' },
      { id: 'bc', from: 'b', to: 'c' },
    ],
    zones: [
      { id: 'za', node: 'a' },
      { id: 'zc', node: 'c' },
    ],
    counts: [{ link: 'ab', weekday: 100 }],
    trips: { 'za>zc': 10 },
  });

const paths = (input: unknown) => {
  const r = bikeNetworkFileSchema.safeParse(input);
  if (r.success) throw new Error('expected the file to be rejected');
  return r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('bike network file', () => {
  it('accepts a valid file and fills in model defaults', () => {
    const file = bikeNetworkFileSchema.parse(valid());
    expect(parametersOf(file)).toEqual(DEFAULT_PARAMETERS);
    expect(parametersOf({ ...file, model: { theta: 8 } }).theta).toBe(8);
  });

  it('refuses the retired comfortable-capacity settings instead of ignoring them', () => {
    const f = { ...valid(), model: { comfortPerMetreHour: 400, hotspotRatio: 0.9 } };
    expect(paths(f)).toEqual([
      expect.stringMatching(
        /^model\.comfortPerMetreHour: is no longer read: hotspots follow .*Botma \(1995\)/,
      ),
      expect.stringMatching(/^model\.hotspotRatio: is no longer read/),
    ]);
  });

  it('rejects broken references, reversed geometry and impossible values with their paths', () => {
    const f = valid();
    f.links[0]!.to = 'nowhere';
    f.links[1]!.geometry = [...f.links[1]!.geometry].reverse();
    f.links[1]!.speed = -3;
    f.zones[1]!.name = f.zones[0]!.name;
    f.counts!.points[0]!.link = 'xx';
    f.demand!.weekday!.trips = [[0]];
    f.nodes[2]!.delay = -1;
    const found = paths(f);
    expect(found).toEqual(
      expect.arrayContaining([
        'links.0.to: unknown node "nowhere"',
        'links.1.geometry: must start at node "b"',
        'links.1.geometry: must end at node "c"',
        'links.1.speed: a cycling speed must be more than 0 km/h',
        'zones.1.name: duplicate zone name "Zone za"',
        'counts.points.0.link: unknown link "xx"',
        'demand.weekday.trips: must be 2 rows of 2 values (one per zone)',
        'nodes.2.delay: a junction delay must be 0 s or more',
      ]),
    );
  });

  it('needs 24 hourly counts per day type', () => {
    const f = valid();
    f.counts!.points[0]!.weekday = [1, 2, 3];
    expect(paths(f)).toContain('counts.points.0.weekday: needs 24 hourly values (00:00–23:00)');
  });
});

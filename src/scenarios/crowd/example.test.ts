import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkAgainstBaseline, parseScenario } from '../engine/format.ts';
import { SCENARIO_KINDS } from '../engine/engine-kinds.ts';
import { distanceMetres, networkFileSchema } from './network-file.ts';
import type { CrowdScenario } from './definition.ts';
import { buildLoadingInput, runCrowdScenario, triangularCdf } from './run.ts';
import { NetworkLoading } from './network-loading.ts';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const networkRaw: unknown = JSON.parse(read('../../../public/data/crowd/pedestrian-network.json'));
const scenarioText = read('../../../scenarios/vredenburg-stage.json');

describe('sample pedestrian network', () => {
  const file = networkFileSchema.parse(networkRaw);

  it('is labelled as an approximate sample', () => {
    expect(file.meta.sample).toBe(true);
    expect(file.meta.note).toMatch(/approximation/i);
  });

  it('lies in central Utrecht, with plausible link lengths and widths', () => {
    const dom = { lon: 5.12134, lat: 52.09068 };
    for (const n of file.nodes) expect(distanceMetres(n, dom), n.id).toBeLessThan(1500);
    for (const l of file.links) {
      expect(l.width, l.id).toBeGreaterThanOrEqual(3);
      expect(l.width, l.id).toBeLessThanOrEqual(40);
    }
    const names = file.links.map((l) => l.name ?? '').join(' ');
    for (const street of [
      'Stationsplein',
      'Vredenburg',
      'Lange Elisabethstraat',
      'Lange Viestraat',
      'Oudegracht',
      'Steenweg',
    ])
      expect(names).toContain(street);
    expect(file.nodes.map((n) => n.id)).toEqual(
      expect.arrayContaining(['neude', 'domplein', 'stationsplein']),
    );
  });

  it('rejects a broken network file with paths', () => {
    const broken = structuredClone(networkRaw) as { links: { to: string; width: number }[] };
    broken.links[0]!.to = 'nowhere';
    broken.links[1]!.width = 0;
    const r = networkFileSchema.safeParse(broken);
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['links.0.to', 'links.1.width']));
  });
});

describe('example scenario: a stage on Vredenburg', () => {
  const parsed = parseScenario(scenarioText, SCENARIO_KINDS);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const scenario = parsed.value as CrowdScenario;
  const kind = SCENARIO_KINDS.get('crowd-event')!;
  const file = networkFileSchema.parse(networkRaw);

  it('validates against the sample network', () => {
    expect(checkAgainstBaseline(scenario, networkRaw, kind)).toMatchObject({ ok: true });
  });

  it('runs: every visitor reaches the terrain and leaves, closed streets stay empty', async () => {
    const out = await runCrowdScenario(scenario, file);
    const venue = Object.entries(out.indicators).find(([k]) => k.endsWith('.peak'))![1];
    expect(venue.value!).toBeCloseTo(16000, -1);
    expect(out.indicators['unroutable']!.value).toBe(0);
    const density = out.fields['density']!;
    for (const closed of ['vredenburg-plein-west', 'vredenburg-plein-noord', 'vredenburg-plein-zuid']) {
      const l = density.ids.indexOf(closed);
      for (let s = 0; s < density.steps; s++) expect(density.values[s * density.ids.length + l]).toBe(0);
    }
    expect(density.steps).toBe(720); // 12:00–24:00 in minutes
  });

  it('conserves people step by step over the whole evening', () => {
    const { input } = buildLoadingInput(scenario, file);
    const r = new NetworkLoading(input).runToEnd();
    let previous = 0;
    for (let s = 0; s < r.totals.stock.length; s++) {
      const change = r.totals.stock[s]! - previous;
      expect(Math.abs(change - (r.totals.injected[s]! - r.totals.exited[s]!))).toBeLessThan(1e-7);
      previous = r.totals.stock[s]!;
    }
  });

  it('makes the departure crowd visible against the usual Saturday', async () => {
    const base = await runCrowdScenario({ ...scenario, changes: [] }, file);
    const event = await runCrowdScenario(scenario, file);
    expect(event.indicators['peakDensity']!.value!).toBeGreaterThan(
      2 * base.indicators['peakDensity']!.value!,
    );
  });
});

describe('arrival profile', () => {
  it('is a triangular distribution', () => {
    expect(triangularCdf(0, 0, 1, 3)).toBe(0);
    expect(triangularCdf(1, 0, 1, 3)).toBeCloseTo(1 / 3, 12);
    expect(triangularCdf(3, 0, 1, 3)).toBe(1);
    expect(triangularCdf(2, 0, 1, 3)).toBeCloseTo(1 - 1 / 6, 12);
  });
});
